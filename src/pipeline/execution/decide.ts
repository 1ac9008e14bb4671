/**
 * The per-pipeline execution machine: `decide(state, event) → { next, commands }` (DESIGN.md §3).
 * Pure: no clock, no randomness, no I/O; the input is never modified. The engine stores `next`
 * and the commands in one transaction, then carries the commands out.
 */
import { actionResult } from './action-result.js';
import { pipelineUpdated } from './pipeline-updated.js';
import { retryStage } from './retry-stage.js';
import { startExecution } from './start-execution.js';
import { stopExecution } from './stop-execution.js';
import { changeTransition } from './transitions.js';
import type { Decision, PipelineEvent, PipelineRuntimeState } from './types.js';

export function decide(state: PipelineRuntimeState, event: PipelineEvent): Decision {
  switch (event.type) {
    case 'START_EXECUTION':
      return startExecution(state, event);
    case 'ACTION_SUCCEEDED':
    case 'ACTION_FAILED':
    case 'ACTION_TIMED_OUT':
      return actionResult(state, event);
    case 'STOP':
      return stopExecution(state, event);
    case 'RETRY_STAGE':
      return retryStage(state, event);
    case 'DISABLE_TRANSITION':
    case 'ENABLE_TRANSITION':
      return changeTransition(state, event);
    case 'PIPELINE_UPDATED':
      return pipelineUpdated(state, event.shape);
  }
}
