import type { PipelineRuntimeState, PipelineShape, StageRuntime } from './types.js';

/** A pipeline nothing has run through yet: every transition enabled, no executions. */
export function initialState(shape: PipelineShape): PipelineRuntimeState {
  return { shape, tick: 0, stages: shape.stages.map((stage, i) => freshStage(stage.name, i)), executions: [] };
}

/** The first stage has no inbound transition (GetPipelineState omits inboundTransitionState). */
export function freshStage(name: string, index: number): StageRuntime {
  return index === 0 ? { name } : { name, inbound: { enabled: true } };
}
