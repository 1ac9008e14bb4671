/**
 * The working copy a decision is computed on. `decide` never touches its input: each accepted
 * event deep-copies the state (it is JSON-safe by contract, so structuredClone is exact) and the
 * handlers update that private copy while appending commands. Only `decide` hands it out.
 */
import type { Decision, ExecutionRun, PipelineCommand, PipelineRuntimeState, Rejection, RejectionCode, StageRuntime } from './types.js';

export interface Draft {
  readonly state: PipelineRuntimeState;
  readonly commands: PipelineCommand[];
}

export function draftOf(state: PipelineRuntimeState): Draft {
  return { state: structuredClone(state), commands: [] };
}

export function emit(draft: Draft, command: PipelineCommand): void {
  draft.commands.push(command);
}

export function decided(draft: Draft): Decision {
  return { next: draft.state, commands: draft.commands };
}

export function reject(state: PipelineRuntimeState, code: RejectionCode, message: string): Decision {
  const rejection: Rejection = { code, message };
  return { next: state, commands: [], rejection };
}

/** Stale input (a late result, a duplicate): no change, no commands, no error. */
export function ignored(state: PipelineRuntimeState): Decision {
  return { next: state, commands: [] };
}

export function stageIndex(state: PipelineRuntimeState, name: string): number {
  return state.shape.stages.findIndex((s) => s.name === name);
}

export function findExecution(state: PipelineRuntimeState, id: string): ExecutionRun | undefined {
  return state.executions.find((e) => e.id === id);
}

/** The runtime entry of a stage that exists in the shape (state.stages mirrors shape.stages). */
export function stageRuntime(state: PipelineRuntimeState, name: string): StageRuntime {
  const stage = state.stages.find((s) => s.name === name);
  if (!stage) throw new Error(`pipeline execution state has no stage ${JSON.stringify(name)}`);
  return stage;
}

/** Keeps `executions` in seq order (a retried execution comes back with its original seq). */
export function addExecution(state: PipelineRuntimeState, execution: ExecutionRun): void {
  const at = state.executions.findIndex((e) => e.seq > execution.seq);
  if (at < 0) state.executions.push(execution);
  else state.executions.splice(at, 0, execution);
}

export function removeExecution(state: PipelineRuntimeState, id: string): void {
  const at = state.executions.findIndex((e) => e.id === id);
  if (at >= 0) state.executions.splice(at, 1);
}

/** Bumps the logical clock: every arrival gets its own tick. */
export function nextTick(state: PipelineRuntimeState): number {
  state.tick += 1;
  return state.tick;
}
