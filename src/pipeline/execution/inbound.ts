import type { ExecutionRun, PipelineRuntimeState } from './types.js';

/**
 * Executions waiting in front of `stageName`, in admission order (arrival tick). GetPipelineState
 * reports the first as `inboundExecution` and all of them as `inboundExecutions` (QUEUED).
 * In SUPERSEDED mode there is at most one. Unknown stage → [].
 */
export function inboundExecutions(state: PipelineRuntimeState, stageName: string): ExecutionRun[] {
  return state.executions.filter((e) => e.stage === stageName && !e.inside).sort((a, b) => a.arrivedAt - b.arrivedAt);
}
