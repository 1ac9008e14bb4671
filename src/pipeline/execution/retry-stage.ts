/**
 * RetryStageExecution (spec C.8 Retry): the SAME execution comes back to life in the stage where it
 * failed or was stopped, resuming from the stage's `latest` record, and then runs on normally.
 */
import { admit } from './admission.js';
import { addExecution, decided, draftOf, emit, findExecution, nextTick, reject } from './draft.js';
import { effectiveMode } from './shape.js';
import { enterStage } from './stage-progress.js';
import { canRetryStage, locksStages, needsRerun } from './status.js';
import type { ActionRun, Decision, ExecutionRun, PipelineEvent, PipelineRuntimeState, StageRecord } from './types.js';

type RetryStage = Extract<PipelineEvent, { type: 'RETRY_STAGE' }>;

export function retryStage(state: PipelineRuntimeState, event: RetryStage): Decision {
  const { executionId, stage: stageName, mode } = event;
  const shapeStage = state.shape.stages.find((s) => s.name === stageName);
  const latest = state.stages.find((s) => s.name === stageName)?.latest;
  if (!shapeStage) return reject(state, 'StageNotFoundException', `Stage ${stageName} not found in the pipeline.`);
  if (!latest) return reject(state, 'StageNotRetryableException', `Stage ${stageName} has not run yet; there is nothing to retry.`);
  // Once a newer execution entered the stage, the failed one can no longer be retried (spec C.5 rule 5).
  if (latest.executionId !== executionId) {
    return reject(state, 'NotLatestPipelineExecutionException', `Execution ${executionId} is not the latest execution of stage ${stageName}.`);
  }
  if (!canRetryStage(latest.status)) {
    return reject(state, 'StageNotRetryableException', `Stage ${stageName} is ${latest.status} in execution ${executionId}; only a failed or stopped stage can be retried.`);
  }
  if (latest.pipelineVersion !== state.shape.version) {
    return reject(state, 'StageNotRetryableException', `The pipeline structure changed since execution ${executionId} ran stage ${stageName}.`);
  }
  if (findExecution(state, executionId)) {
    return reject(state, 'ConflictException', `Pipeline execution ${executionId} is still in progress.`);
  }
  // Unreachable while `latest` is kept right (whoever is inside entered last), kept as a guard on the lock.
  if (locksStages(effectiveMode(state.shape)) && state.executions.some((e) => e.stage === stageName && e.inside)) {
    return reject(state, 'NotLatestPipelineExecutionException', `Another execution is in stage ${stageName}.`);
  }

  const draft = draftOf(state);
  const tick = nextTick(draft.state);
  const execution: ExecutionRun = {
    id: executionId,
    seq: latest.seq,
    status: 'InProgress',
    stage: stageName,
    inside: false,
    arrivedAt: tick,
    actions: [],
    ...(latest.onlyStage ? { onlyStage: stageName } : {}),
  };
  addExecution(draft.state, execution);
  emit(draft, { type: 'EXECUTION_UPDATED', executionId, status: 'InProgress' });
  const actions = shapeStage.actions.map((a): ActionRun => resumed(a, latest, mode === 'ALL_ACTIONS'));
  enterStage(draft, execution, { actions, retryMode: mode, manualRetries: latest.manualRetries + 1 });
  admit(draft);
  return decided(draft);
}

/** An action as the retry finds it: attempts carry on; what must run again loses its status. */
function resumed(action: { name: string; runOrder: number }, latest: StageRecord, all: boolean): ActionRun {
  const before = latest.actions.find((a) => a.name === action.name);
  const attempt = before?.attempt ?? 0;
  const keep = !all && before !== undefined && !needsRerun(before.status);
  return { name: action.name, runOrder: action.runOrder, attempt, ...(keep ? { status: before.status } : {}) };
}
