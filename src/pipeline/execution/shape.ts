/**
 * The part of a pipeline declaration the execution machine needs (stage and action names, run
 * orders, execution mode), reduced once when a version is stored.
 */
import type { ExecutionMode, PipelineType } from './status.js';
import type { PipelineShape } from './types.js';

export interface ShapeSource {
  version?: number;
  pipelineType?: string;
  executionMode?: string;
  stages: { name: string; actions: { name: string; runOrder?: number }[] }[];
}

const MODES: readonly string[] = ['SUPERSEDED', 'QUEUED', 'PARALLEL'] satisfies ExecutionMode[];

/**
 * `version` is the stored version number (the declaration's own `version` may be absent on
 * create). Defaults follow the API: runOrder 1, pipelineType V1, executionMode SUPERSEDED; a V1
 * pipeline always behaves SUPERSEDED (spec C.3), whatever it declares.
 */
export function shapeOf(declaration: ShapeSource, version: number): PipelineShape {
  const pipelineType: PipelineType = declaration.pipelineType === 'V2' ? 'V2' : 'V1';
  return {
    version,
    pipelineType,
    executionMode: pipelineType === 'V2' ? toMode(declaration.executionMode) : 'SUPERSEDED',
    stages: declaration.stages.map((stage) => ({
      name: stage.name,
      actions: stage.actions.map((action) => ({ name: action.name, runOrder: action.runOrder ?? 1 })),
    })),
  };
}

/** The mode the machine applies: V1 is SUPERSEDED even if a hand-built shape says otherwise. */
export function effectiveMode(shape: PipelineShape): ExecutionMode {
  return shape.pipelineType === 'V1' ? 'SUPERSEDED' : shape.executionMode;
}

function toMode(mode: string | undefined): ExecutionMode {
  return mode !== undefined && MODES.includes(mode) ? (mode as ExecutionMode) : 'SUPERSEDED';
}
