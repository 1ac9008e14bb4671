/**
 * Results of an action (job success, failure, or its due time passing). Results are matched on
 * (execution, stage, action, attempt): anything that no longer matches a running action — a late
 * result of an abandoned or timed-out action, a duplicate delivery, an older attempt — is ignored.
 */
import { admit } from './admission.js';
import { decided, draftOf, emit, findExecution, ignored } from './draft.js';
import { advance } from './stage-progress.js';
import type { ActionError, Decision, PipelineEvent, PipelineRuntimeState } from './types.js';

type ActionResult = Extract<PipelineEvent, { type: 'ACTION_SUCCEEDED' | 'ACTION_FAILED' | 'ACTION_TIMED_OUT' }>;

/** What a timed-out action reports when the engine gives no detail (spec C.8 Timeouts: it is Failed). */
export const TIMED_OUT_ERROR: ActionError = { code: 'JobFailed', message: 'The action timed out.' };

export function actionResult(state: PipelineRuntimeState, event: ActionResult): Decision {
  const current = findExecution(state, event.executionId);
  const running = current?.inside && current.stage === event.stage ? current.actions.find((a) => a.name === event.action) : undefined;
  if (running?.status !== 'InProgress' || running.attempt !== event.attempt) return ignored(state);

  const draft = draftOf(state);
  const execution = findExecution(draft.state, event.executionId);
  const action = execution?.actions.find((a) => a.name === event.action);
  if (!execution || !action) return ignored(state);
  const ref = { executionId: event.executionId, stage: event.stage, action: event.action, attempt: event.attempt };
  if (event.type === 'ACTION_SUCCEEDED') {
    action.status = 'Succeeded';
    emit(draft, { type: 'ACTION_FINISHED', status: 'Succeeded', ...ref });
  } else {
    action.status = 'Failed';
    const error = event.type === 'ACTION_FAILED' ? event.error : (event.error ?? TIMED_OUT_ERROR);
    emit(draft, { type: 'ACTION_FINISHED', status: 'Failed', error, ...ref });
    // The provider may still be working on a timed-out action; its late result is ignored anyway.
    if (event.type === 'ACTION_TIMED_OUT') emit(draft, { type: 'CANCEL_ACTION', ...ref });
  }
  advance(draft, execution);
  admit(draft);
  return decided(draft);
}
