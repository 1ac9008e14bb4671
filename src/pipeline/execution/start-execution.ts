/** StartPipelineExecution (and RollbackStage with `onlyStage`): the execution arrives in front of its first stage. */
import { admit } from './admission.js';
import { addExecution, decided, draftOf, nextTick, reject } from './draft.js';
import type { Decision, ExecutionRun, PipelineEvent, PipelineRuntimeState } from './types.js';

type StartExecution = Extract<PipelineEvent, { type: 'START_EXECUTION' }>;

export function startExecution(state: PipelineRuntimeState, event: StartExecution): Decision {
  const { executionId, onlyStage } = event;
  const stage = onlyStage ?? state.shape.stages[0]?.name;
  if (stage === undefined) return reject(state, 'ValidationException', 'The pipeline has no stages.');
  if (!state.shape.stages.some((s) => s.name === stage)) {
    return reject(state, 'StageNotFoundException', `Stage ${stage} not found in the pipeline.`);
  }
  // An id is used once: a second start under the same id would merge two executions' histories.
  if (state.executions.some((e) => e.id === executionId) || state.stages.some((s) => s.latest?.executionId === executionId)) {
    return reject(state, 'ConflictException', `Pipeline execution ${executionId} already exists.`);
  }
  const draft = draftOf(state);
  const tick = nextTick(draft.state);
  const execution: ExecutionRun = {
    id: executionId,
    seq: tick,
    status: 'InProgress',
    stage,
    inside: false,
    arrivedAt: tick,
    actions: [],
    ...(onlyStage !== undefined ? { onlyStage } : {}),
  };
  addExecution(draft.state, execution);
  admit(draft);
  return decided(draft);
}
