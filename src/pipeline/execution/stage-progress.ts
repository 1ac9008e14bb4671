/**
 * Inside a stage (spec C.8 "Inside a stage"): runOrder groups run in ascending order, the actions
 * of a group in parallel; a failure lets the running ones finish but starts nothing new.
 */
import { emit, nextTick, stageIndex, stageRuntime, type Draft } from './draft.js';
import { endStage, finishExecution } from './execution-end.js';
import type { StageRetryMode } from './status.js';
import type { ActionRun, ExecutionRun } from './types.js';

export interface Entry {
  /** Actions carried over (a retry resumes from the stage's last run); default: all not started. */
  actions?: ActionRun[];
  retryMode?: StageRetryMode;
  manualRetries?: number;
}

/** The execution enters its stage: it becomes the stage's latest and the first pending group starts. */
export function enterStage(draft: Draft, execution: ExecutionRun, entry: Entry = {}): void {
  const { shape } = draft.state;
  const stage = shape.stages[stageIndex(draft.state, execution.stage)];
  if (!stage) throw new Error(`pipeline execution state has no stage ${JSON.stringify(execution.stage)}`);
  execution.inside = true;
  execution.actions = entry.actions ?? stage.actions.map((a) => ({ name: a.name, runOrder: a.runOrder, attempt: 0 }));
  stageRuntime(draft.state, execution.stage).latest = {
    executionId: execution.id,
    seq: execution.seq,
    status: 'InProgress',
    pipelineVersion: shape.version,
    actions: [],
    manualRetries: entry.manualRetries ?? 0,
    ...(execution.onlyStage !== undefined ? { onlyStage: true } : {}),
  };
  emit(draft, { type: 'STAGE_STARTED', executionId: execution.id, stage: execution.stage, ...(entry.retryMode ? { retryMode: entry.retryMode } : {}) });
  advance(draft, execution);
}

/**
 * Moves an execution on after something in its stage changed. Nothing happens while an action
 * runs; then a stop-and-wait ends Stopped, a failure ends Failed, a pending group starts, or the
 * stage is done and the execution moves on to the next stage (or finishes).
 */
export function advance(draft: Draft, execution: ExecutionRun): void {
  const { actions } = execution;
  if (actions.some((a) => a.status === 'InProgress')) return;
  if (execution.status === 'Stopping') {
    endStage(draft, execution, 'Stopped');
    finishExecution(draft, execution, 'Stopped');
    return;
  }
  if (actions.some((a) => a.status === 'Failed' || a.status === 'Abandoned')) {
    endStage(draft, execution, 'Failed');
    finishExecution(draft, execution, 'Failed');
    return;
  }
  const pending = actions.filter((a) => a.status === undefined);
  if (pending.length > 0) {
    const runOrder = Math.min(...pending.map((a) => a.runOrder));
    for (const action of pending) if (action.runOrder === runOrder) startAction(draft, execution, action);
    return;
  }
  endStage(draft, execution, 'Succeeded');
  moveOn(draft, execution);
}

function startAction(draft: Draft, execution: ExecutionRun, action: ActionRun): void {
  action.status = 'InProgress';
  action.attempt += 1;
  emit(draft, { type: 'START_ACTION', executionId: execution.id, stage: execution.stage, action: action.name, attempt: action.attempt });
}

/** After a succeeded stage: arrive in front of the next one, or finish (last stage, rollback's only stage). */
function moveOn(draft: Draft, execution: ExecutionRun): void {
  const next = draft.state.shape.stages[stageIndex(draft.state, execution.stage) + 1];
  if (!next || execution.onlyStage !== undefined) {
    finishExecution(draft, execution, 'Succeeded');
    return;
  }
  execution.stage = next.name;
  execution.inside = false;
  execution.arrivedAt = nextTick(draft.state);
  execution.actions = [];
}
