/**
 * SQL for executions and action executions (migration 0060): the history the API shows
 * (GetPipelineExecution, ListPipelineExecutions, ListActionExecutions, GetPipelineState's action
 * details). The pure machine's state lives on the pipeline row; these rows are its durable record.
 */
import type { Queryable } from '../../store/index.js';
import type { ActionTypeId } from '../declaration/index.js';
import type { ArtifactLocation, ErrorDetails, PipelineScope, SourceOverride } from '../actions/types.js';

export interface ExecutionTrigger {
  triggerType: string;
  triggerDetail?: string;
}

export interface RecordedRevision {
  actionName: string;
  revisionId: string;
  revisionSummary?: string;
  revisionUrl?: string;
  created?: string;
  artifactName?: string;
}

export interface ExecutionRecord {
  scope: PipelineScope;
  pipelineName: string;
  id: string;
  seq?: number;
  pipelineVersion: number;
  status: string;
  statusSummary?: string;
  trigger: ExecutionTrigger;
  stopTrigger?: { reason?: string };
  variables: { name: string; resolvedValue: string }[];
  sourceOverrides: SourceOverride[];
  sourceRevisions: RecordedRevision[];
  artifacts: Record<string, ArtifactLocation>;
  namespaces: Record<string, Record<string, string>>;
  executionMode: string;
  executionType: string;
  rollbackMetadata?: { rollbackTargetPipelineExecutionId: string };
  clientRequestToken?: string;
  startTime: Date;
  lastUpdateTime: Date;
}

interface ExecutionRow {
  account_id: string;
  region: string;
  pipeline_name: string;
  id: string;
  seq: number;
  pipeline_version: number;
  status: string;
  status_summary: string | null;
  trigger: ExecutionTrigger;
  stop_trigger: { reason?: string } | null;
  variables: ExecutionRecord['variables'];
  source_overrides: SourceOverride[];
  source_revisions: RecordedRevision[];
  artifacts: Record<string, ArtifactLocation>;
  namespaces: Record<string, Record<string, string>>;
  execution_mode: string;
  execution_type: string;
  rollback_metadata: ExecutionRecord['rollbackMetadata'] | null;
  client_request_token: string | null;
  start_time: Date;
  last_update_time: Date;
}

const toExecution = (r: ExecutionRow): ExecutionRecord => ({
  scope: { accountId: r.account_id, region: r.region },
  pipelineName: r.pipeline_name,
  id: r.id,
  seq: r.seq,
  pipelineVersion: r.pipeline_version,
  status: r.status,
  ...(r.status_summary !== null ? { statusSummary: r.status_summary } : {}),
  trigger: r.trigger,
  ...(r.stop_trigger ? { stopTrigger: r.stop_trigger } : {}),
  variables: r.variables,
  sourceOverrides: r.source_overrides,
  sourceRevisions: r.source_revisions,
  artifacts: r.artifacts,
  namespaces: r.namespaces,
  executionMode: r.execution_mode,
  executionType: r.execution_type,
  ...(r.rollback_metadata ? { rollbackMetadata: r.rollback_metadata } : {}),
  ...(r.client_request_token !== null ? { clientRequestToken: r.client_request_token } : {}),
  startTime: r.start_time,
  lastUpdateTime: r.last_update_time,
});

export async function insertExecution(q: Queryable, e: ExecutionRecord): Promise<void> {
  await q.query(
    `INSERT INTO codepipeline_executions (account_id, region, pipeline_name, id, pipeline_version, status, status_summary, trigger, variables,
       source_overrides, source_revisions, artifacts, namespaces, execution_mode, execution_type, rollback_metadata, client_request_token, start_time, last_update_time)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,$9::jsonb,$10::jsonb,$11::jsonb,$12::jsonb,$13::jsonb,$14,$15,$16::jsonb,$17,$18,$18)`,
    [
      e.scope.accountId, e.scope.region, e.pipelineName, e.id, e.pipelineVersion, e.status, e.statusSummary ?? null, JSON.stringify(e.trigger),
      JSON.stringify(e.variables), JSON.stringify(e.sourceOverrides), JSON.stringify(e.sourceRevisions), JSON.stringify(e.artifacts),
      JSON.stringify(e.namespaces), e.executionMode, e.executionType, e.rollbackMetadata ? JSON.stringify(e.rollbackMetadata) : null,
      e.clientRequestToken ?? null, e.startTime,
    ],
  );
}

export async function findExecution(q: Queryable, scope: PipelineScope, pipelineName: string, id: string): Promise<ExecutionRecord | undefined> {
  const r = await q.query<ExecutionRow>(`SELECT * FROM codepipeline_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND id = $4`, [
    scope.accountId, scope.region, pipelineName, id,
  ]);
  return r.rows[0] ? toExecution(r.rows[0]) : undefined;
}

export async function findExecutionByToken(q: Queryable, scope: PipelineScope, pipelineName: string, token: string): Promise<ExecutionRecord | undefined> {
  const r = await q.query<ExecutionRow>(
    `SELECT * FROM codepipeline_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND client_request_token = $4`,
    [scope.accountId, scope.region, pipelineName, token],
  );
  return r.rows[0] ? toExecution(r.rows[0]) : undefined;
}

/** Newest first (ListPipelineExecutions); `before` = a seq from the previous page. */
export async function listExecutions(q: Queryable, scope: PipelineScope, pipelineName: string, before: number | undefined, limit: number): Promise<ExecutionRecord[]> {
  const r = await q.query<ExecutionRow>(
    `SELECT * FROM codepipeline_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND ($4::bigint IS NULL OR seq < $4)
     ORDER BY seq DESC LIMIT $5`,
    [scope.accountId, scope.region, pipelineName, before ?? null, limit],
  );
  return r.rows.map(toExecution);
}

export type ExecutionPatch = Partial<Pick<ExecutionRecord, 'status' | 'statusSummary' | 'stopTrigger' | 'sourceRevisions' | 'artifacts' | 'namespaces'>>;

export async function updateExecution(q: Queryable, scope: PipelineScope, pipelineName: string, id: string, patch: ExecutionPatch, at: Date): Promise<void> {
  await updateRow(q, 'codepipeline_executions', scope, pipelineName, id, at, [
    ['status', patch.status],
    ['status_summary', patch.statusSummary],
    ['stop_trigger', patch.stopTrigger, true],
    ['source_revisions', patch.sourceRevisions, true],
    ['artifacts', patch.artifacts, true],
    ['namespaces', patch.namespaces, true],
  ]);
}

/** UPDATE of the given columns (undefined = unchanged) and last_update_time of one row. */
async function updateRow(
  q: Queryable,
  table: 'codepipeline_executions' | 'codepipeline_action_executions',
  scope: PipelineScope,
  pipelineName: string,
  id: string,
  at: Date,
  columns: Array<[column: string, value: unknown, json?: boolean]>,
): Promise<void> {
  const sets: string[] = ['last_update_time = $5'];
  const args: unknown[] = [scope.accountId, scope.region, pipelineName, id, at];
  for (const [column, value, json] of columns) {
    if (value === undefined) continue;
    args.push(json ? JSON.stringify(value) : value);
    sets.push(`${column} = $${args.length}${json ? '::jsonb' : ''}`);
  }
  await q.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND id = $4`, args);
}

export interface ActionExecutionRecord {
  scope: PipelineScope;
  pipelineName: string;
  id: string;
  seq?: number;
  executionId: string;
  pipelineVersion: number;
  stageName: string;
  actionName: string;
  attempt: number;
  status: string;
  summary?: string;
  input: {
    actionTypeId: ActionTypeId;
    configuration: Record<string, string>;
    resolvedConfiguration: Record<string, string>;
    roleArn?: string;
    region: string;
    inputArtifacts: { name: string; s3location: { bucket: string; key: string } }[];
    namespace?: string;
  };
  output: {
    outputArtifacts?: { name: string; s3location: { bucket: string; key: string } }[];
    outputVariables?: Record<string, string>;
  };
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorDetails?: ErrorDetails;
  token?: string;
  expiresAt?: Date;
  updatedBy?: string;
  startTime: Date;
  lastUpdateTime: Date;
}

interface ActionRow {
  account_id: string;
  region: string;
  pipeline_name: string;
  id: string;
  seq: number;
  execution_id: string;
  pipeline_version: number;
  stage_name: string;
  action_name: string;
  attempt: number;
  status: string;
  summary: string | null;
  input: ActionExecutionRecord['input'];
  output: ActionExecutionRecord['output'];
  external_execution_id: string | null;
  external_execution_url: string | null;
  error_details: ErrorDetails | null;
  token: string | null;
  expires_at: Date | null;
  updated_by: string | null;
  start_time: Date;
  last_update_time: Date;
}

const toAction = (r: ActionRow): ActionExecutionRecord => ({
  scope: { accountId: r.account_id, region: r.region },
  pipelineName: r.pipeline_name,
  id: r.id,
  seq: r.seq,
  executionId: r.execution_id,
  pipelineVersion: r.pipeline_version,
  stageName: r.stage_name,
  actionName: r.action_name,
  attempt: r.attempt,
  status: r.status,
  ...(r.summary !== null ? { summary: r.summary } : {}),
  input: r.input,
  output: r.output,
  ...(r.external_execution_id !== null ? { externalExecutionId: r.external_execution_id } : {}),
  ...(r.external_execution_url !== null ? { externalExecutionUrl: r.external_execution_url } : {}),
  ...(r.error_details ? { errorDetails: r.error_details } : {}),
  ...(r.token !== null ? { token: r.token } : {}),
  ...(r.expires_at !== null ? { expiresAt: r.expires_at } : {}),
  ...(r.updated_by !== null ? { updatedBy: r.updated_by } : {}),
  startTime: r.start_time,
  lastUpdateTime: r.last_update_time,
});

export async function insertActionExecution(q: Queryable, a: ActionExecutionRecord): Promise<void> {
  await q.query(
    `INSERT INTO codepipeline_action_executions (account_id, region, pipeline_name, id, execution_id, pipeline_version, stage_name, action_name, attempt,
       status, summary, input, output, start_time, last_update_time)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12::jsonb,$13::jsonb,$14,$14)`,
    [a.scope.accountId, a.scope.region, a.pipelineName, a.id, a.executionId, a.pipelineVersion, a.stageName, a.actionName, a.attempt, a.status,
      a.summary ?? null, JSON.stringify(a.input), JSON.stringify(a.output), a.startTime],
  );
}

export async function findActionExecution(q: Queryable, scope: PipelineScope, pipelineName: string, id: string, forUpdate = false): Promise<ActionExecutionRecord | undefined> {
  const r = await q.query<ActionRow>(
    `SELECT * FROM codepipeline_action_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND id = $4${forUpdate ? ' FOR UPDATE' : ''}`,
    [scope.accountId, scope.region, pipelineName, id],
  );
  return r.rows[0] ? toAction(r.rows[0]) : undefined;
}

/** Action executions of a pipeline, newest first, optionally of one execution. */
export async function listActionExecutions(q: Queryable, scope: PipelineScope, pipelineName: string, executionId: string | undefined, before: number | undefined, limit: number): Promise<ActionExecutionRecord[]> {
  const r = await q.query<ActionRow>(
    `SELECT * FROM codepipeline_action_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3
       AND ($4::text IS NULL OR execution_id = $4) AND ($5::bigint IS NULL OR seq < $5)
     ORDER BY seq DESC LIMIT $6`,
    [scope.accountId, scope.region, pipelineName, executionId ?? null, before ?? null, limit],
  );
  return r.rows.map(toAction);
}

/** The newest action execution of every action of the pipeline (GetPipelineState's `latestExecution`). */
export async function latestActionExecutions(q: Queryable, scope: PipelineScope, pipelineName: string): Promise<ActionExecutionRecord[]> {
  const r = await q.query<ActionRow>(
    `SELECT DISTINCT ON (stage_name, action_name) * FROM codepipeline_action_executions
     WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 ORDER BY stage_name, action_name, seq DESC`,
    [scope.accountId, scope.region, pipelineName],
  );
  return r.rows.map(toAction);
}

export type ActionPatch = Partial<Pick<ActionExecutionRecord, 'status' | 'summary' | 'output' | 'externalExecutionId' | 'externalExecutionUrl' | 'errorDetails' | 'token' | 'expiresAt' | 'updatedBy'>>;

export async function updateActionExecution(q: Queryable, scope: PipelineScope, pipelineName: string, id: string, patch: ActionPatch, at: Date): Promise<void> {
  await updateRow(q, 'codepipeline_action_executions', scope, pipelineName, id, at, [
    ['status', patch.status],
    ['summary', patch.summary],
    ['output', patch.output, true],
    ['external_execution_id', patch.externalExecutionId],
    ['external_execution_url', patch.externalExecutionUrl],
    ['error_details', patch.errorDetails, true],
    ['token', patch.token],
    ['expires_at', patch.expiresAt],
    ['updated_by', patch.updatedBy],
  ]);
}

/** The action execution a machine command names (execution, stage, action, attempt), locked when `forUpdate`. */
export async function findActionByRef(
  q: Queryable,
  scope: PipelineScope,
  pipelineName: string,
  ref: { executionId: string; stage: string; action: string; attempt: number },
  forUpdate = false,
): Promise<ActionExecutionRecord | undefined> {
  const r = await q.query<ActionRow>(
    `SELECT * FROM codepipeline_action_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3
       AND execution_id = $4 AND stage_name = $5 AND action_name = $6 AND attempt = $7${forUpdate ? ' FOR UPDATE' : ''}`,
    [scope.accountId, scope.region, pipelineName, ref.executionId, ref.stage, ref.action, ref.attempt],
  );
  return r.rows[0] ? toAction(r.rows[0]) : undefined;
}

export type InputPatch = Pick<ActionExecutionRecord['input'], 'resolvedConfiguration' | 'inputArtifacts'>;

/** Records what an action actually started with (resolved configuration, input artifact locations). */
export async function updateActionInput(q: Queryable, scope: PipelineScope, pipelineName: string, id: string, patch: InputPatch): Promise<void> {
  await q.query(
    `UPDATE codepipeline_action_executions SET input = input || $5::jsonb WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND id = $4`,
    [scope.accountId, scope.region, pipelineName, id, JSON.stringify(patch)],
  );
}

/** The most recent failed action of an execution (its statusSummary names it). */
export async function lastFailedAction(q: Queryable, scope: PipelineScope, pipelineName: string, executionId: string): Promise<ActionExecutionRecord | undefined> {
  const r = await q.query<ActionRow>(
    `SELECT * FROM codepipeline_action_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND execution_id = $4 AND status = 'Failed'
     ORDER BY seq DESC LIMIT 1`,
    [scope.accountId, scope.region, pipelineName, executionId],
  );
  return r.rows[0] ? toAction(r.rows[0]) : undefined;
}

/** Builds still running for a pipeline's CodeBuild actions (stopped when the pipeline is deleted). */
export async function runningBuildIds(q: Queryable, scope: PipelineScope, pipelineName: string): Promise<string[]> {
  const r = await q.query<{ external_execution_id: string }>(
    `SELECT external_execution_id FROM codepipeline_action_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3
       AND status = 'InProgress' AND external_execution_id IS NOT NULL AND input->'actionTypeId'->>'provider' = 'CodeBuild'`,
    [scope.accountId, scope.region, pipelineName],
  );
  return r.rows.map((row) => row.external_execution_id);
}

/** The action executions of one action that were given this approval token (PutApprovalResult). */
export async function findByApprovalToken(q: Queryable, scope: PipelineScope, pipelineName: string, stage: string, action: string, token: string): Promise<ActionExecutionRecord | undefined> {
  const r = await q.query<ActionRow>(
    `SELECT * FROM codepipeline_action_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND stage_name = $4 AND action_name = $5 AND token = $6
     ORDER BY seq DESC LIMIT 1 FOR UPDATE`,
    [scope.accountId, scope.region, pipelineName, stage, action, token],
  );
  return r.rows[0] ? toAction(r.rows[0]) : undefined;
}

/** Every action execution of one execution in one stage, newest attempt first. */
export async function stageActionExecutions(q: Queryable, scope: PipelineScope, pipelineName: string, executionId: string, stage: string): Promise<ActionExecutionRecord[]> {
  const r = await q.query<ActionRow>(
    `SELECT * FROM codepipeline_action_executions WHERE account_id = $1 AND region = $2 AND pipeline_name = $3 AND execution_id = $4 AND stage_name = $5
     ORDER BY seq DESC`,
    [scope.accountId, scope.region, pipelineName, executionId, stage],
  );
  return r.rows.map(toAction);
}
