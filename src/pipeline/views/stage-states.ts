/**
 * GetPipelineState's `stageStates` (spec D.3) from the pipeline's runtime state and its history
 * rows — pure, so the shape rules are tested without a database:
 *
 * - stages and actions in declaration order; `inboundTransitionState` on every stage but the first
 *   (enabled when the runtime state says nothing);
 * - `latestExecution` = the stage's latest record, and only when it belongs to the current pipeline
 *   version: after UpdatePipeline the stages start blank (the record stays in the runtime state so
 *   a retry of the old execution can be refused);
 * - executions waiting in front of a stage: the first (next to enter) as `inboundExecution`; in
 *   QUEUED and PARALLEL mode all of them, in arrival order, as `inboundExecutions`;
 * - per action the newest action-execution row of the current version; `token` only while a
 *   manual approval waits; `currentRevision` for source actions from the revision their execution
 *   recorded.
 */
import { effectiveMode, inboundExecutions, type PipelineRuntimeState, type StageRecord, type TransitionState } from '../execution/index.js';
import type { ActionExecutionRecord, RecordedRevision } from '../executions/execution-repo.js';
import type { PipelineDeclaration } from '../declaration/index.js';
import type { ActionExecutionView, ActionStateView, StageExecutionView, StageStateView, TransitionStateView } from './types.js';

export interface StageStateInputs {
  declaration: PipelineDeclaration;
  version: number;
  runtime: PipelineRuntimeState | undefined;
  /** Newest action-execution row per (stage, action), any version (latestActionExecutions). */
  latestActions: readonly ActionExecutionRecord[];
  /** executionType per execution id (STANDARD | ROLLBACK). */
  executionTypes: ReadonlyMap<string, string>;
  /** Revisions recorded by the executions the source actions' rows belong to. */
  revisions: ReadonlyMap<string, readonly RecordedRevision[]>;
}

const typeOf = (types: ReadonlyMap<string, string>, id: string): string => types.get(id) ?? 'STANDARD';

/** Execution ids whose type/revisions buildStageStates will ask for. */
export function referencedExecutions(runtime: PipelineRuntimeState | undefined, latestActions: readonly ActionExecutionRecord[]): string[] {
  const ids = new Set<string>();
  for (const s of runtime?.stages ?? []) if (s.latest) ids.add(s.latest.executionId);
  for (const e of runtime?.executions ?? []) ids.add(e.id);
  for (const a of latestActions) ids.add(a.executionId);
  return [...ids];
}

export function buildStageStates(input: StageStateInputs): StageStateView[] {
  const { declaration, version, runtime } = input;
  const mode = runtime ? effectiveMode(runtime.shape) : 'SUPERSEDED';
  return declaration.stages.map((stage, index) => {
    const stageRuntime = runtime?.stages.find((s) => s.name === stage.name);
    const view: StageStateView = { stageName: stage.name, actionStates: [] };
    const waiting = runtime ? inboundExecutions(runtime, stage.name) : [];
    const toStageExecution = (id: string, status: string): StageExecutionView => ({ pipelineExecutionId: id, status, type: typeOf(input.executionTypes, id) });
    const first = waiting[0];
    if (first) view.inboundExecution = toStageExecution(first.id, first.status);
    if (mode !== 'SUPERSEDED' && waiting.length > 0) view.inboundExecutions = waiting.map((e) => toStageExecution(e.id, e.status));
    if (index > 0) view.inboundTransitionState = transitionView(stageRuntime?.inbound);
    view.actionStates = stage.actions.map((action) =>
      actionState(
        action.name,
        action.actionTypeId.category === 'Source',
        input.latestActions.find((a) => a.stageName === stage.name && a.actionName === action.name && a.pipelineVersion === version),
        input.revisions,
      ),
    );
    const latest = currentRecord(stageRuntime?.latest, version);
    if (latest) {
      view.latestExecution = toStageExecution(latest.executionId, latest.status);
      if (latest.manualRetries > 0) view.retryStageMetadata = { manualStageRetryAttempt: latest.manualRetries, latestRetryTrigger: 'ManualStageRetry' };
    }
    return view;
  });
}

function currentRecord(record: StageRecord | undefined, version: number): StageRecord | undefined {
  return record && record.pipelineVersion === version ? record : undefined;
}

export function transitionView(t: TransitionState | undefined): TransitionStateView {
  if (!t) return { enabled: true };
  return {
    enabled: t.enabled,
    ...(t.lastChangedBy !== undefined ? { lastChangedBy: t.lastChangedBy } : {}),
    ...(t.lastChangedAt !== undefined ? { lastChangedAt: new Date(t.lastChangedAt) } : {}),
    ...(t.disabledReason !== undefined ? { disabledReason: t.disabledReason } : {}),
  };
}

function actionState(name: string, isSource: boolean, row: ActionExecutionRecord | undefined, revisions: StageStateInputs['revisions']): ActionStateView {
  const view: ActionStateView = { actionName: name };
  if (!row) return view;
  const revision = isSource ? revisions.get(row.executionId)?.find((r) => r.actionName === name) : undefined;
  if (revision) {
    view.currentRevision = {
      revisionId: revision.revisionId,
      revisionChangeId: revision.revisionId,
      created: revision.created !== undefined ? new Date(revision.created) : row.lastUpdateTime,
    };
    if (revision.revisionUrl !== undefined) view.revisionUrl = revision.revisionUrl;
  }
  view.latestExecution = actionExecutionView(row);
  return view;
}

export function actionExecutionView(row: ActionExecutionRecord): ActionExecutionView {
  return {
    actionExecutionId: row.id,
    status: row.status,
    ...(row.summary !== undefined ? { summary: row.summary } : {}),
    lastStatusChange: row.lastUpdateTime,
    ...(row.token !== undefined && row.status === 'InProgress' ? { token: row.token } : {}),
    ...(row.updatedBy !== undefined ? { lastUpdatedBy: row.updatedBy } : {}),
    ...(row.externalExecutionId !== undefined ? { externalExecutionId: row.externalExecutionId } : {}),
    ...(row.externalExecutionUrl !== undefined ? { externalExecutionUrl: row.externalExecutionUrl } : {}),
    ...(row.errorDetails !== undefined ? { errorDetails: { code: row.errorDetails.code, message: row.errorDetails.message } } : {}),
  };
}
