/**
 * DisableStageTransition / EnableStageTransition (spec C.8 Transitions), inbound only. A disabled
 * transition holds executions in front of the stage; enabling it lets the (newest) waiter in.
 */
import { admit } from './admission.js';
import { decided, draftOf, reject, stageIndex, stageRuntime } from './draft.js';
import type { Decision, PipelineEvent, PipelineRuntimeState, TransitionState } from './types.js';

type TransitionEvent = Extract<PipelineEvent, { type: 'DISABLE_TRANSITION' | 'ENABLE_TRANSITION' }>;

export function changeTransition(state: PipelineRuntimeState, event: TransitionEvent): Decision {
  const index = stageIndex(state, event.stage);
  if (index < 0) return reject(state, 'StageNotFoundException', `Stage ${event.stage} not found in the pipeline.`);
  if (index === 0) return reject(state, 'ValidationException', `Stage ${event.stage} is the first stage and has no inbound transition.`);
  const draft = draftOf(state);
  const transition: TransitionState = {
    enabled: event.type === 'ENABLE_TRANSITION',
    ...(event.type === 'DISABLE_TRANSITION' ? { disabledReason: event.reason } : {}),
    ...(event.by !== undefined ? { lastChangedBy: event.by } : {}),
    lastChangedAt: event.at,
  };
  stageRuntime(draft.state, event.stage).inbound = transition;
  admit(draft);
  return decided(draft);
}
