/**
 * How an execution leaves a stage and the pipeline: the final stage status lands in the stage's
 * `latest` record (what GetPipelineState shows and what a retry resumes from), the execution
 * leaves the runtime state (the engine keeps the history row).
 */
import { emit, removeExecution, stageRuntime, type Draft } from './draft.js';
import type { TerminalExecutionStatus } from './status.js';
import type { ExecutionRun, StageExecutionStatus, TerminalStageStatus } from './types.js';

/** Sets the stage's latest status — only when this execution is still the stage's latest (PARALLEL). */
export function markStage(draft: Draft, execution: ExecutionRun, status: StageExecutionStatus): void {
  const latest = stageRuntime(draft.state, execution.stage).latest;
  if (latest?.executionId === execution.id) latest.status = status;
}

export function endStage(draft: Draft, execution: ExecutionRun, status: TerminalStageStatus): void {
  emit(draft, { type: 'STAGE_FINISHED', executionId: execution.id, stage: execution.stage, status });
  const latest = stageRuntime(draft.state, execution.stage).latest;
  if (latest?.executionId === execution.id) {
    latest.status = status;
    latest.actions = execution.actions.map((a) => ({ ...a }));
  }
}

export function finishExecution(draft: Draft, execution: ExecutionRun, status: TerminalExecutionStatus): void {
  const stopReason = status === 'Stopped' ? execution.stopReason : undefined;
  emit(draft, { type: 'EXECUTION_FINISHED', executionId: execution.id, status, ...(stopReason !== undefined ? { stopReason } : {}) });
  removeExecution(draft.state, execution.id);
}

/** Every action still running is written off as Abandoned; its provider work is cancelled best effort. */
export function abandonRunning(draft: Draft, execution: ExecutionRun): void {
  for (const action of execution.actions) {
    if (action.status !== 'InProgress') continue;
    action.status = 'Abandoned';
    const ref = { executionId: execution.id, stage: execution.stage, action: action.name, attempt: action.attempt };
    emit(draft, { type: 'ACTION_FINISHED', status: 'Abandoned', ...ref });
    emit(draft, { type: 'CANCEL_ACTION', ...ref });
  }
}

/**
 * Ends an execution at once (abandon, pipeline update): running actions are abandoned and the stage
 * it is in ends with `stageStatus`. A waiting execution has no stage to end.
 */
export function endNow(draft: Draft, execution: ExecutionRun, stageStatus: TerminalStageStatus, status: TerminalExecutionStatus): void {
  if (execution.inside) {
    abandonRunning(draft, execution);
    endStage(draft, execution, stageStatus);
  }
  finishExecution(draft, execution, status);
}
