/**
 * GetPipelineExecution and ListPipelineExecutions (spec D.3) from the execution rows. Newest first;
 * `filter.succeededInStage` keeps executions whose newest attempt of every action of that stage
 * succeeded (history-repo.ts).
 */
import type { PipelineScope } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import { executionNotFound, pipelineNotFound } from '../errors.js';
import { findExecution, listExecutions, type ExecutionRecord, type RecordedRevision } from '../executions/execution-repo.js';
import { findPipeline } from '../pipelines/pipeline-repo.js';
import { executionsSucceededInStage } from './history-repo.js';
import { encodeToken, numberCursor, pageOf } from './page-token.js';
import type { ArtifactRevisionView, Page, PipelineExecutionSummaryView, PipelineExecutionView } from './types.js';

type ReadDeps = Pick<PipelineDeps, 'db'>;

/** The model's default and maximum page size. */
export const DEFAULT_EXECUTIONS_PAGE = 100;

export function toArtifactRevision(r: RecordedRevision): ArtifactRevisionView {
  return {
    name: r.artifactName ?? r.actionName,
    revisionId: r.revisionId,
    revisionChangeIdentifier: r.revisionId,
    ...(r.revisionSummary !== undefined ? { revisionSummary: r.revisionSummary } : {}),
    ...(r.created !== undefined ? { created: new Date(r.created) } : {}),
    ...(r.revisionUrl !== undefined ? { revisionUrl: r.revisionUrl } : {}),
  };
}

export function toPipelineExecution(e: ExecutionRecord): PipelineExecutionView {
  return {
    pipelineName: e.pipelineName,
    pipelineVersion: e.pipelineVersion,
    pipelineExecutionId: e.id,
    status: e.status,
    ...(e.statusSummary ? { statusSummary: e.statusSummary } : {}),
    artifactRevisions: e.sourceRevisions.map(toArtifactRevision),
    variables: e.variables.map((v) => ({ name: v.name, resolvedValue: v.resolvedValue })),
    trigger: { ...e.trigger },
    executionMode: e.executionMode,
    executionType: e.executionType,
    ...(e.rollbackMetadata ? { rollbackMetadata: { ...e.rollbackMetadata } } : {}),
  };
}

export function toExecutionSummary(e: ExecutionRecord): PipelineExecutionSummaryView {
  return {
    pipelineExecutionId: e.id,
    status: e.status,
    ...(e.statusSummary ? { statusSummary: e.statusSummary } : {}),
    startTime: e.startTime,
    lastUpdateTime: e.lastUpdateTime,
    sourceRevisions: e.sourceRevisions.map((r) => ({
      actionName: r.actionName,
      revisionId: r.revisionId,
      ...(r.revisionSummary !== undefined ? { revisionSummary: r.revisionSummary } : {}),
      ...(r.revisionUrl !== undefined ? { revisionUrl: r.revisionUrl } : {}),
    })),
    trigger: { ...e.trigger },
    ...(e.stopTrigger ? { stopTrigger: { ...e.stopTrigger } } : {}),
    executionMode: e.executionMode,
    executionType: e.executionType,
    ...(e.rollbackMetadata ? { rollbackMetadata: { ...e.rollbackMetadata } } : {}),
  };
}

async function requirePipeline(deps: ReadDeps, scope: PipelineScope, name: string): Promise<void> {
  if (!(await findPipeline(deps.db, scope, name))) throw pipelineNotFound(scope, name);
}

export async function getPipelineExecution(deps: ReadDeps, scope: PipelineScope, pipelineName: string, id: string): Promise<{ pipelineExecution: PipelineExecutionView }> {
  await requirePipeline(deps, scope, pipelineName);
  const e = await findExecution(deps.db, scope, pipelineName, id);
  if (!e) throw executionNotFound(pipelineName, id);
  return { pipelineExecution: toPipelineExecution(e) };
}

export interface ListPipelineExecutionsInput {
  pipelineName: string;
  maxResults?: number;
  nextToken?: string;
  filter?: { succeededInStage?: { stageName?: string } };
}

export async function listPipelineExecutions(
  deps: ReadDeps,
  scope: PipelineScope,
  input: ListPipelineExecutionsInput,
): Promise<{ pipelineExecutionSummaries: PipelineExecutionSummaryView[] } & Page> {
  await requirePipeline(deps, scope, input.pipelineName);
  const kind = `executions:${input.pipelineName}`;
  const before = numberCursor(kind, input.nextToken, 'before');
  const size = input.maxResults ?? DEFAULT_EXECUTIONS_PAGE;
  const stageName = input.filter?.succeededInStage?.stageName;
  let rows: ExecutionRecord[];
  if (stageName === undefined) {
    rows = await listExecutions(deps.db, scope, input.pipelineName, before, size + 1);
  } else {
    const ids = await executionsSucceededInStage(deps.db, scope, input.pipelineName, stageName, before, size + 1);
    rows = [];
    for (const { id } of ids) {
      const e = await findExecution(deps.db, scope, input.pipelineName, id);
      if (e) rows.push(e);
    }
  }
  const { items, nextToken } = pageOf(rows, size, (last) => encodeToken(kind, { before: Number(last.seq) }));
  return { pipelineExecutionSummaries: items.map(toExecutionSummary), ...(nextToken !== undefined ? { nextToken } : {}) };
}
