/**
 * SQL for pipelines and their versions (table codepipeline_pipelines, migration 0060). Every
 * change to a pipeline's runtime state goes through `lockPipeline` (SELECT … FOR UPDATE): one
 * writer per pipeline at a time, on PGlite and on PostgreSQL replicas alike.
 */
import type { Queryable } from '../../store/index.js';
import type { PipelineDeclaration } from '../declaration/index.js';
import type { PipelineScope } from '../actions/types.js';

export interface Tag {
  key: string;
  value: string;
}

export interface PipelineRecord<R = unknown> {
  scope: PipelineScope;
  name: string;
  version: number;
  declaration: PipelineDeclaration;
  runtime: R;
  tags: Tag[];
  created: Date;
  updated: Date;
}

interface Row {
  account_id: string;
  region: string;
  name: string;
  version: number;
  declaration: PipelineDeclaration;
  runtime: unknown;
  tags: Tag[];
  created_at: Date;
  updated_at: Date;
}

const toRecord = <R>(r: Row): PipelineRecord<R> => ({
  scope: { accountId: r.account_id, region: r.region },
  name: r.name,
  version: r.version,
  declaration: r.declaration,
  runtime: r.runtime as R,
  tags: r.tags,
  created: r.created_at,
  updated: r.updated_at,
});

export async function insertPipeline(q: Queryable, p: PipelineRecord): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO codepipeline_pipelines (account_id, region, name, version, declaration, runtime, tags, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8, $8) ON CONFLICT DO NOTHING`,
    [p.scope.accountId, p.scope.region, p.name, p.version, JSON.stringify(p.declaration), JSON.stringify(p.runtime), JSON.stringify(p.tags), p.created],
  );
  if (r.rowCount === 0) return false;
  await insertVersion(q, p.scope, p.name, p.version, p.declaration, p.created);
  return true;
}

export async function insertVersion(q: Queryable, scope: PipelineScope, name: string, version: number, declaration: PipelineDeclaration, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO codepipeline_pipeline_versions (account_id, region, name, version, declaration, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
    [scope.accountId, scope.region, name, version, JSON.stringify(declaration), at],
  );
}

/** The pipeline row, locked for the rest of the transaction when `forUpdate`. */
export async function findPipeline<R = unknown>(q: Queryable, scope: PipelineScope, name: string, forUpdate = false): Promise<PipelineRecord<R> | undefined> {
  const r = await q.query<Row>(
    `SELECT * FROM codepipeline_pipelines WHERE account_id = $1 AND region = $2 AND name = $3${forUpdate ? ' FOR UPDATE' : ''}`,
    [scope.accountId, scope.region, name],
  );
  return r.rows[0] ? toRecord<R>(r.rows[0]) : undefined;
}

export async function findVersion(q: Queryable, scope: PipelineScope, name: string, version: number): Promise<{ declaration: PipelineDeclaration; created: Date } | undefined> {
  const r = await q.query<{ declaration: PipelineDeclaration; created_at: Date }>(
    `SELECT declaration, created_at FROM codepipeline_pipeline_versions WHERE account_id = $1 AND region = $2 AND name = $3 AND version = $4`,
    [scope.accountId, scope.region, name, version],
  );
  const row = r.rows[0];
  return row ? { declaration: row.declaration, created: row.created_at } : undefined;
}

export async function saveRuntime(q: Queryable, scope: PipelineScope, name: string, runtime: unknown): Promise<void> {
  await q.query(`UPDATE codepipeline_pipelines SET runtime = $4::jsonb WHERE account_id = $1 AND region = $2 AND name = $3`, [
    scope.accountId,
    scope.region,
    name,
    JSON.stringify(runtime),
  ]);
}

export async function saveDeclaration(q: Queryable, p: PipelineRecord): Promise<void> {
  await q.query(
    `UPDATE codepipeline_pipelines SET version = $4, declaration = $5::jsonb, runtime = $6::jsonb, updated_at = $7 WHERE account_id = $1 AND region = $2 AND name = $3`,
    [p.scope.accountId, p.scope.region, p.name, p.version, JSON.stringify(p.declaration), JSON.stringify(p.runtime), p.updated],
  );
  await insertVersion(q, p.scope, p.name, p.version, p.declaration, p.updated);
}

export async function saveTags(q: Queryable, scope: PipelineScope, name: string, tags: Tag[]): Promise<void> {
  await q.query(`UPDATE codepipeline_pipelines SET tags = $4::jsonb WHERE account_id = $1 AND region = $2 AND name = $3`, [scope.accountId, scope.region, name, JSON.stringify(tags)]);
}

/** Deletes the pipeline, its versions and its history; true when it existed. */
export async function deletePipelineRows(q: Queryable, scope: PipelineScope, name: string): Promise<boolean> {
  const args = [scope.accountId, scope.region, name];
  const r = await q.query(`DELETE FROM codepipeline_pipelines WHERE account_id = $1 AND region = $2 AND name = $3`, args);
  await q.query(`DELETE FROM codepipeline_pipeline_versions WHERE account_id = $1 AND region = $2 AND name = $3`, args);
  await q.query(`DELETE FROM codepipeline_action_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3`, args);
  await q.query(`DELETE FROM codepipeline_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3`, args);
  await q.query(`DELETE FROM codepipeline_source_polls WHERE account_id = $1 AND region = $2 AND pipeline_name = $3`, args);
  return r.rowCount > 0;
}

export async function listPipelineRows(q: Queryable, scope: PipelineScope, after: string | undefined, limit: number): Promise<PipelineRecord[]> {
  const r = await q.query<Row>(
    `SELECT * FROM codepipeline_pipelines WHERE account_id = $1 AND region = $2 AND ($3::text IS NULL OR name > $3) ORDER BY name LIMIT $4`,
    [scope.accountId, scope.region, after ?? null, limit],
  );
  return r.rows.map((row) => toRecord(row));
}

/** Names of the pipelines with a CodeCommit source action on this repository (jsonb containment). */
export async function pipelinesWatchingRepository(q: Queryable, scope: PipelineScope, repositoryName: string): Promise<string[]> {
  const probe = { stages: [{ actions: [{ actionTypeId: { category: 'Source', provider: 'CodeCommit' }, configuration: { RepositoryName: repositoryName } }] }] };
  const r = await q.query<{ name: string }>(
    `SELECT name FROM codepipeline_pipelines WHERE account_id = $1 AND region = $2 AND declaration @> $3::jsonb ORDER BY name`,
    [scope.accountId, scope.region, JSON.stringify(probe)],
  );
  return r.rows.map((row) => row.name);
}

/** Names of the pipelines with a source action of this provider (CodeStarSourceConnection, GitHub). */
export async function pipelinesWithSourceProvider(q: Queryable, scope: PipelineScope, provider: string): Promise<string[]> {
  const probe = { stages: [{ actions: [{ actionTypeId: { category: 'Source', provider } }] }] };
  const r = await q.query<{ name: string }>(
    `SELECT name FROM codepipeline_pipelines WHERE account_id = $1 AND region = $2 AND declaration @> $3::jsonb ORDER BY name`,
    [scope.accountId, scope.region, JSON.stringify(probe)],
  );
  return r.rows.map((row) => row.name);
}

/** Every pipeline, in any account and region, with a source action of one of these providers. */
export async function pipelinesWithSourceProviders(q: Queryable, providers: readonly string[]): Promise<(PipelineScope & { name: string })[]> {
  const probes = providers.map((provider) => JSON.stringify({ stages: [{ actions: [{ actionTypeId: { category: 'Source', provider } }] }] }));
  const r = await q.query<{ account_id: string; region: string; name: string }>(
    `SELECT account_id, region, name FROM codepipeline_pipelines WHERE declaration @> ANY($1::jsonb[]) ORDER BY account_id, region, name`,
    [probes],
  );
  return r.rows.map((row) => ({ accountId: row.account_id, region: row.region, name: row.name }));
}

/** Names of the pipelines with an S3 source action on this bucket and key (jsonb containment). */
export async function pipelinesWatchingObject(q: Queryable, scope: PipelineScope, bucket: string, key: string): Promise<string[]> {
  const probe = { stages: [{ actions: [{ actionTypeId: { category: 'Source', provider: 'S3' }, configuration: { S3Bucket: bucket, S3ObjectKey: key } }] }] };
  const r = await q.query<{ name: string }>(
    `SELECT name FROM codepipeline_pipelines WHERE account_id = $1 AND region = $2 AND declaration @> $3::jsonb ORDER BY name`,
    [scope.accountId, scope.region, JSON.stringify(probe)],
  );
  return r.rows.map((row) => row.name);
}
