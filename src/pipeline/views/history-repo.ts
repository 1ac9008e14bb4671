/**
 * Read-only SQL the views need beyond execution-repo.ts (tables of migration 0060). Id lists travel
 * as a jsonb parameter so the same statement runs on PGlite and PostgreSQL without array binding.
 */
import type { Queryable } from '../../store/index.js';
import type { PipelineScope } from '../actions/types.js';
import type { RecordedRevision } from '../executions/execution-repo.js';

export interface ExecutionFacts {
  id: string;
  status: string;
  executionType: string;
  sourceRevisions: RecordedRevision[];
}

/** Status, type and source revisions of the given executions (for GetPipelineState). */
export async function executionFacts(q: Queryable, scope: PipelineScope, pipelineName: string, ids: readonly string[]): Promise<Map<string, ExecutionFacts>> {
  if (ids.length === 0) return new Map();
  const r = await q.query<{ id: string; status: string; execution_type: string; source_revisions: RecordedRevision[] }>(
    `SELECT id, status, execution_type, source_revisions FROM codepipeline_executions
     WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND id IN (SELECT jsonb_array_elements_text($4::jsonb))`,
    [scope.accountId, scope.region, pipelineName, JSON.stringify([...new Set(ids)])],
  );
  return new Map(r.rows.map((row) => [row.id, { id: row.id, status: row.status, executionType: row.execution_type, sourceRevisions: row.source_revisions }]));
}

/**
 * Ids (newest first, seq < `before`) of the executions that succeeded in `stageName`: the newest
 * attempt of every action the stage declared (in the execution's own pipeline version) succeeded.
 * Nothing else records a stage's outcome durably; a stage's last attempt is what a retry left.
 */
export async function executionsSucceededInStage(
  q: Queryable,
  scope: PipelineScope,
  pipelineName: string,
  stageName: string,
  before: number | undefined,
  limit: number,
): Promise<{ id: string; seq: number }[]> {
  const r = await q.query<{ id: string; seq: string | number }>(
    `SELECT e.id, e.seq FROM codepipeline_executions e
       JOIN codepipeline_pipeline_versions v
         ON v.account_id = e.account_id AND v.region = e.region AND v.name = e.pipeline_name AND v.version = e.pipeline_version
     WHERE e.account_id = $1 AND e.region = $2 AND e.pipeline_name = $3 AND ($5::bigint IS NULL OR e.seq < $5)
       AND EXISTS (
         SELECT 1 FROM jsonb_array_elements(v.declaration->'stages') s
         WHERE s->>'name' = $4
           AND jsonb_array_length(s->'actions') = (
             SELECT count(*) FROM (
               SELECT DISTINCT ON (a.action_name) a.status FROM codepipeline_action_executions a
               WHERE a.account_id = e.account_id AND a.region = e.region AND a.pipeline_name = e.pipeline_name
                 AND a.execution_id = e.id AND a.stage_name = $4
               ORDER BY a.action_name, a.seq DESC
             ) newest
             WHERE newest.status = 'Succeeded'))
     ORDER BY e.seq DESC LIMIT $6`,
    [scope.accountId, scope.region, pipelineName, stageName, before ?? null, limit],
  );
  // bigserial arrives as a string from node-postgres and as a number from PGlite.
  return r.rows.map((row) => ({ id: row.id, seq: Number(row.seq) }));
}
