/** SQL for codebuild_builds (migration 0040). Every function takes the Queryable to run on. */
import type { Queryable } from '../../store/index.js';
import type { CodeBuildScope } from '../projects/types.js';
import type { Build, BuildOutcome, BuildPhase, BuildSettings, StatusType } from './types.js';

interface BuildRow {
  account_id: string;
  region: string;
  id: string;
  seq: number;
  uuid: string;
  arn: string;
  project_name: string;
  build_number: number;
  build_status: StatusType;
  current_phase: string;
  build_complete: boolean;
  start_time: Date;
  end_time: Date | null;
  phases: StoredPhase[];
  settings: BuildSettings;
  outcome: BuildOutcome;
  stop_requested_at: Date | null;
}

/** A phase as jsonb holds it: times as ISO strings. */
type StoredPhase = Omit<BuildPhase, 'startTime' | 'endTime'> & { startTime: string; endTime?: string };

const COLUMNS = `account_id, region, id, seq, uuid, arn, project_name, build_number, build_status, current_phase,
  build_complete, start_time, end_time, phases, settings, outcome, stop_requested_at`;

function toPhase(p: StoredPhase): BuildPhase {
  const { startTime, endTime, ...rest } = p;
  return { ...rest, startTime: new Date(startTime), ...(endTime ? { endTime: new Date(endTime) } : {}) };
}

function toBuild(r: BuildRow): Build {
  return {
    scope: { accountId: r.account_id, region: r.region },
    id: r.id,
    uuid: r.uuid,
    arn: r.arn,
    projectName: r.project_name,
    buildNumber: r.build_number,
    buildStatus: r.build_status,
    currentPhase: r.current_phase,
    buildComplete: r.build_complete,
    startTime: r.start_time,
    ...(r.end_time ? { endTime: r.end_time } : {}),
    phases: r.phases.map(toPhase),
    settings: r.settings,
    outcome: r.outcome,
    stopRequested: r.stop_requested_at !== null,
  };
}

export interface NewBuildRow {
  build: Build;
  idempotencyToken?: string;
  requestHash?: string;
}

export async function insertBuild(q: Queryable, row: NewBuildRow): Promise<void> {
  const b = row.build;
  await q.query(
    `INSERT INTO codebuild_builds (account_id, region, id, uuid, arn, project_name, build_number, build_status, current_phase,
       build_complete, start_time, phases, settings, outcome, idempotency_token, request_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, false, $10, $11::jsonb, $12::jsonb, '{}'::jsonb, $13, $14)`,
    [
      b.scope.accountId, b.scope.region, b.id, b.uuid, b.arn, b.projectName, b.buildNumber, b.buildStatus, b.currentPhase,
      b.startTime, JSON.stringify(b.phases), JSON.stringify(b.settings), row.idempotencyToken ?? null, row.requestHash ?? null,
    ],
  );
}

export async function setBuildJob(q: Queryable, scope: CodeBuildScope, id: string, jobId: number): Promise<void> {
  await q.query('UPDATE codebuild_builds SET job_id = $4 WHERE account_id = $1 AND region = $2 AND id = $3', [scope.accountId, scope.region, id, jobId]);
}

export async function findBuild(q: Queryable, scope: CodeBuildScope, id: string, lock = false): Promise<Build | undefined> {
  const r = await q.query<BuildRow>(
    `SELECT ${COLUMNS} FROM codebuild_builds WHERE account_id = $1 AND region = $2 AND id = $3${lock ? ' FOR UPDATE' : ''}`,
    [scope.accountId, scope.region, id],
  );
  return r.rows[0] ? toBuild(r.rows[0]) : undefined;
}

export async function findBuilds(q: Queryable, scope: CodeBuildScope, ids: readonly string[]): Promise<Build[]> {
  if (ids.length === 0) return [];
  const r = await q.query<BuildRow>(
    `SELECT ${COLUMNS} FROM codebuild_builds WHERE account_id = $1 AND region = $2 AND id = ANY($3::text[])`,
    [scope.accountId, scope.region, [...ids]],
  );
  return r.rows.map(toBuild);
}

/** Job id and stop flag of a build: what a running worker polls. */
export async function findBuildControl(q: Queryable, scope: CodeBuildScope, id: string): Promise<{ stopRequested: boolean; complete: boolean } | undefined> {
  const r = await q.query<{ stop_requested_at: Date | null; build_complete: boolean }>(
    'SELECT stop_requested_at, build_complete FROM codebuild_builds WHERE account_id = $1 AND region = $2 AND id = $3',
    [scope.accountId, scope.region, id],
  );
  const row = r.rows[0];
  return row ? { stopRequested: row.stop_requested_at !== null, complete: row.build_complete } : undefined;
}

export async function findJobId(q: Queryable, scope: CodeBuildScope, id: string): Promise<number | undefined> {
  const r = await q.query<{ job_id: number | null }>('SELECT job_id FROM codebuild_builds WHERE account_id = $1 AND region = $2 AND id = $3', [
    scope.accountId, scope.region, id,
  ]);
  return r.rows[0]?.job_id ?? undefined;
}

export async function requestStop(q: Queryable, scope: CodeBuildScope, id: string, at: Date): Promise<void> {
  await q.query(
    'UPDATE codebuild_builds SET stop_requested_at = coalesce(stop_requested_at, $4) WHERE account_id = $1 AND region = $2 AND id = $3',
    [scope.accountId, scope.region, id, at],
  );
}

export interface BuildProgress {
  currentPhase: string;
  phases: BuildPhase[];
  outcome?: BuildOutcome;
}

/** Records a running build's phases. No effect once the build completed (a late write never reopens it). */
export async function saveProgress(q: Queryable, scope: CodeBuildScope, id: string, p: BuildProgress): Promise<boolean> {
  const r = await q.query(
    `UPDATE codebuild_builds SET current_phase = $4, phases = $5::jsonb, outcome = coalesce($6::jsonb, outcome)
     WHERE account_id = $1 AND region = $2 AND id = $3 AND build_complete = false`,
    [scope.accountId, scope.region, id, p.currentPhase, JSON.stringify(p.phases), p.outcome ? JSON.stringify(p.outcome) : null],
  );
  return r.rowCount === 1;
}

export interface BuildFinish {
  buildStatus: StatusType;
  endTime: Date;
  phases: BuildPhase[];
  outcome: BuildOutcome;
}

/** Completes a build once: false when it had completed already (another writer won). */
export async function finishBuild(q: Queryable, scope: CodeBuildScope, id: string, f: BuildFinish): Promise<boolean> {
  const r = await q.query(
    `UPDATE codebuild_builds SET build_status = $4, current_phase = 'COMPLETED', build_complete = true, end_time = $5,
       phases = $6::jsonb, outcome = $7::jsonb
     WHERE account_id = $1 AND region = $2 AND id = $3 AND build_complete = false`,
    [scope.accountId, scope.region, id, f.buildStatus, f.endTime, JSON.stringify(f.phases), JSON.stringify(f.outcome)],
  );
  return r.rowCount === 1;
}

export async function deleteBuildRows(q: Queryable, scope: CodeBuildScope, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const r = await q.query<{ id: string }>(
    'DELETE FROM codebuild_builds WHERE account_id = $1 AND region = $2 AND id = ANY($3::text[]) AND build_complete = true RETURNING id',
    [scope.accountId, scope.region, [...ids]],
  );
  return r.rows.map((row) => row.id);
}

/** Build ids after `afterSeq` in the given direction; `project` narrows to one project. */
export async function listBuildIds(
  q: Queryable,
  scope: CodeBuildScope,
  opts: { project?: string; descending: boolean; afterSeq?: number; limit: number },
): Promise<{ id: string; seq: number }[]> {
  const params: unknown[] = [scope.accountId, scope.region];
  let where = 'account_id = $1 AND region = $2';
  if (opts.project !== undefined) {
    params.push(opts.project);
    where += ` AND project_name = $${params.length}`;
  }
  if (opts.afterSeq !== undefined) {
    params.push(opts.afterSeq);
    where += ` AND seq ${opts.descending ? '<' : '>'} $${params.length}`;
  }
  params.push(opts.limit);
  const r = await q.query<{ id: string; seq: number }>(
    `SELECT id, seq FROM codebuild_builds WHERE ${where} ORDER BY seq ${opts.descending ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
    params,
  );
  return r.rows;
}

/** A build started with this token within the window (spec B.4: tokens are valid for 5 minutes). */
export async function findByToken(q: Queryable, scope: CodeBuildScope, token: string, since: Date): Promise<{ build: Build; requestHash: string | null } | undefined> {
  const r = await q.query<BuildRow & { request_hash: string | null }>(
    `SELECT ${COLUMNS}, request_hash FROM codebuild_builds
     WHERE account_id = $1 AND region = $2 AND idempotency_token = $3 AND start_time >= $4 ORDER BY seq DESC LIMIT 1`,
    [scope.accountId, scope.region, token, since],
  );
  const row = r.rows[0];
  return row ? { build: toBuild(row), requestHash: row.request_hash } : undefined;
}

export async function countRunning(q: Queryable, scope: CodeBuildScope, project: string): Promise<number> {
  const r = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM codebuild_builds WHERE account_id = $1 AND region = $2 AND project_name = $3 AND build_complete = false',
    [scope.accountId, scope.region, project],
  );
  return r.rows[0]?.n ?? 0;
}
