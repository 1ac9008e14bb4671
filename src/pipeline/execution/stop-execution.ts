/**
 * StopPipelineExecution (spec C.8 Stop). Stop-and-wait lets running actions finish and starts
 * nothing new; the execution keeps its stage locked while Stopping. Abandon ends it at once.
 * An execution waiting between stages has nothing running and stops at once either way.
 */
import { admit } from './admission.js';
import { decided, draftOf, emit, findExecution, reject } from './draft.js';
import { endNow, finishExecution, markStage } from './execution-end.js';
import { advance } from './stage-progress.js';
import { canStop } from './status.js';
import type { Decision, PipelineEvent, PipelineRuntimeState } from './types.js';

type Stop = Extract<PipelineEvent, { type: 'STOP' }>;

export function stopExecution(state: PipelineRuntimeState, event: Stop): Decision {
  const current = findExecution(state, event.executionId);
  if (!current || !canStop(current.status)) {
    return reject(state, 'PipelineExecutionNotStoppableException', `Pipeline execution ${event.executionId} is not in progress and cannot be stopped.`);
  }
  if (!event.abandon && current.status === 'Stopping') {
    return reject(state, 'DuplicatedStopRequestException', `Pipeline execution ${event.executionId} is already stopping.`);
  }
  const draft = draftOf(state);
  const execution = findExecution(draft.state, event.executionId);
  if (!execution) return reject(state, 'PipelineExecutionNotStoppableException', `Pipeline execution ${event.executionId} cannot be stopped.`);
  // A later abandon without a reason keeps the reason of the stop-and-wait it overrides.
  const stopReason = event.reason ?? execution.stopReason;
  if (stopReason !== undefined) execution.stopReason = stopReason;

  if (!execution.inside) finishExecution(draft, execution, 'Stopped');
  else if (event.abandon) endNow(draft, execution, 'Stopped', 'Stopped');
  else {
    execution.status = 'Stopping';
    markStage(draft, execution, 'Stopping');
    emit(draft, { type: 'EXECUTION_UPDATED', executionId: execution.id, status: 'Stopping', ...(stopReason !== undefined ? { stopReason } : {}) });
    advance(draft, execution);
  }
  admit(draft);
  return decided(draft);
}
