/**
 * ListActionExecutions (spec D.3), newest first. Secret configuration values (GitHub v1
 * `OAuthToken`, …) are shown as `****` in `configuration` and `resolvedConfiguration`, as
 * GetPipeline shows them.
 *
 * `filter.latestInPipelineExecution` (AWS documents it only as "filter on the latest execution"):
 * with `startTimeRange: Latest` only the newest attempt of each action of that execution is listed
 * (a retried action's earlier attempts are left out); with `All` every attempt, as
 * `filter.pipelineExecutionId` does.
 */
import type { PipelineScope } from '../actions/types.js';
import { findActionType, secretKeys, SECRET_PLACEHOLDER, type ActionTypeId } from '../declaration/index.js';
import type { PipelineDeps } from '../deps.js';
import { executionNotFound, pipelineNotFound } from '../errors.js';
import { findExecution, listActionExecutions as listActionRows, type ActionExecutionRecord } from '../executions/execution-repo.js';
import { findPipeline } from '../pipelines/pipeline-repo.js';
import { encodeToken, numberCursor, pageOf } from './page-token.js';
import type { ActionExecutionDetailView, Page } from './types.js';

type ReadDeps = Pick<PipelineDeps, 'db'>;

export const DEFAULT_ACTION_EXECUTIONS_PAGE = 100;
/** More attempts than one execution can plausibly have (500 actions × retries). */
const ALL_OF_ONE_EXECUTION = 100_000;

export interface ListActionExecutionsInput {
  pipelineName: string;
  filter?: {
    pipelineExecutionId?: string;
    latestInPipelineExecution?: { pipelineExecutionId: string; startTimeRange: string };
  };
  maxResults?: number;
  nextToken?: string;
}

export function maskConfiguration(actionTypeId: ActionTypeId, configuration: Record<string, string>): Record<string, string> {
  const spec = findActionType(actionTypeId);
  const keys = spec ? secretKeys(spec).filter((k) => Object.hasOwn(configuration, k)) : [];
  if (keys.length === 0) return { ...configuration };
  const masked = { ...configuration };
  for (const k of keys) masked[k] = SECRET_PLACEHOLDER;
  return masked;
}

export function toActionExecutionDetail(row: ActionExecutionRecord): ActionExecutionDetailView {
  const { input, output } = row;
  const result = {
    ...(row.externalExecutionId !== undefined ? { externalExecutionId: row.externalExecutionId } : {}),
    ...(row.summary !== undefined ? { externalExecutionSummary: row.summary } : {}),
    ...(row.externalExecutionUrl !== undefined ? { externalExecutionUrl: row.externalExecutionUrl } : {}),
    ...(row.errorDetails !== undefined ? { errorDetails: { code: row.errorDetails.code, message: row.errorDetails.message } } : {}),
  };
  return {
    pipelineExecutionId: row.executionId,
    actionExecutionId: row.id,
    pipelineVersion: row.pipelineVersion,
    stageName: row.stageName,
    actionName: row.actionName,
    startTime: row.startTime,
    lastUpdateTime: row.lastUpdateTime,
    ...(row.updatedBy !== undefined ? { updatedBy: row.updatedBy } : {}),
    status: row.status,
    input: {
      actionTypeId: { ...input.actionTypeId },
      configuration: maskConfiguration(input.actionTypeId, input.configuration),
      resolvedConfiguration: maskConfiguration(input.actionTypeId, input.resolvedConfiguration),
      ...(input.roleArn !== undefined ? { roleArn: input.roleArn } : {}),
      region: input.region,
      inputArtifacts: input.inputArtifacts.map((a) => ({ name: a.name, s3location: { ...a.s3location } })),
      ...(input.namespace !== undefined ? { namespace: input.namespace } : {}),
    },
    output: {
      outputArtifacts: (output.outputArtifacts ?? []).map((a) => ({ name: a.name, s3location: { ...a.s3location } })),
      ...(Object.keys(result).length > 0 ? { executionResult: result } : {}),
      ...(output.outputVariables !== undefined ? { outputVariables: { ...output.outputVariables } } : {}),
    },
  };
}

/** Rows newest first → only the newest attempt of each (stage, action). */
export function newestAttempts(rows: readonly ActionExecutionRecord[]): ActionExecutionRecord[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.stageName}\u0000${r.actionName}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function listActionExecutions(
  deps: ReadDeps,
  scope: PipelineScope,
  input: ListActionExecutionsInput,
): Promise<{ actionExecutionDetails: ActionExecutionDetailView[] } & Page> {
  const name = input.pipelineName;
  if (!(await findPipeline(deps.db, scope, name))) throw pipelineNotFound(scope, name);
  const latest = input.filter?.latestInPipelineExecution;
  const executionId = input.filter?.pipelineExecutionId ?? latest?.pipelineExecutionId;
  if (executionId !== undefined && !(await findExecution(deps.db, scope, name, executionId))) throw executionNotFound(name, executionId);
  const kind = `action-executions:${name}:${executionId ?? ''}:${latest?.startTimeRange ?? ''}`;
  const before = numberCursor(kind, input.nextToken, 'before');
  const size = input.maxResults ?? DEFAULT_ACTION_EXECUTIONS_PAGE;
  let rows: ActionExecutionRecord[];
  if (latest && latest.startTimeRange === 'Latest') {
    // Which attempt is the newest is decided over the whole execution, then the cursor applies.
    const all = newestAttempts(await listActionRows(deps.db, scope, name, executionId, undefined, ALL_OF_ONE_EXECUTION));
    rows = all.filter((r) => before === undefined || Number(r.seq) < before).slice(0, size + 1);
  } else {
    rows = await listActionRows(deps.db, scope, name, executionId, before, size + 1);
  }
  const { items, nextToken } = pageOf(rows, size, (last) => encodeToken(kind, { before: Number(last.seq) }));
  return { actionExecutionDetails: items.map(toActionExecutionDetail), ...(nextToken !== undefined ? { nextToken } : {}) };
}
