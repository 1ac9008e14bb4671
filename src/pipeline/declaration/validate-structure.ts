/**
 * Spec C.2 rules 1–3: stage and action counts, where Source actions may sit, unique names, and the
 * reserved `blockers`. Messages in quotes below were observed from CreatePipeline (see the mapping
 * table in validate-pipeline.ts); the others are ours.
 */
import type { ActionPosition } from './positions.js';
import type { PipelineDeclaration } from './types.js';
import { type PipelineViolation, violation } from './violation.js';

export const MIN_STAGES = 2;
export const MAX_STAGES = 50;
export const MAX_ACTIONS_PER_STAGE = 50;
export const MAX_ACTIONS_PER_PIPELINE = 500;

export function* structureViolations(pipeline: PipelineDeclaration, positions: ActionPosition[]): Generator<PipelineViolation> {
  const stages = pipeline.stages ?? [];
  if (stages.length < MIN_STAGES) {
    yield violation('InvalidStructureException', 'stage-count-min',
      `Pipeline has only ${stages.length} stage(s). There should be a minimum of ${MIN_STAGES} stages in a pipeline`);
  }
  if (stages.length > MAX_STAGES) {
    yield violation('InvalidStructureException', 'stage-count-max',
      `Pipeline has too many stages. There can only be up to ${MAX_STAGES} stages in a pipeline`);
  }
  const stageNames = new Set<string>();
  for (const stage of stages) {
    if (stageNames.has(stage.name)) {
      yield violation('InvalidStageDeclarationException', 'stage-name-unique', `Stage name '${stage.name}' is used more than once`);
    }
    stageNames.add(stage.name);
  }
  for (const stage of stages) {
    const actions = stage.actions ?? [];
    if (actions.length === 0) {
      yield violation('InvalidStageDeclarationException', 'stage-actions-min', `Stage '${stage.name}' must contain at least one action`);
    }
    if (actions.length > MAX_ACTIONS_PER_STAGE) {
      yield violation('InvalidStageDeclarationException', 'stage-actions-max',
        `Stage '${stage.name}' has ${actions.length} actions. There can only be up to ${MAX_ACTIONS_PER_STAGE} actions in a stage`);
    }
    const actionNames = new Set<string>();
    for (const action of actions) {
      if (actionNames.has(action.name)) {
        yield violation('InvalidStageDeclarationException', 'action-name-unique',
          `Action name '${action.name}' is used more than once in stage '${stage.name}'`);
      }
      actionNames.add(action.name);
    }
    if ((stage.blockers ?? []).length > 0) {
      yield violation('InvalidBlockerDeclarationException', 'blockers-reserved',
        `Stage '${stage.name}' declares blockers. Blockers are reserved for future use and cannot be declared`);
    }
  }
  if (positions.length > MAX_ACTIONS_PER_PIPELINE) {
    yield violation('InvalidStructureException', 'pipeline-actions-max',
      `Pipeline has ${positions.length} actions. There can only be up to ${MAX_ACTIONS_PER_PIPELINE} actions in a pipeline`);
  }
  yield* sourcePlacementViolations(positions);
}

function* sourcePlacementViolations(positions: ActionPosition[]): Generator<PipelineViolation> {
  const first = positions.filter((p) => p.stageIndex === 0);
  if (first.length > 0 && first.some((p) => p.action.actionTypeId.category !== 'Source')) {
    yield violation('InvalidStructureException', 'first-stage-source-only', 'Pipeline should start with a stage that only contains source actions');
  }
  if (positions.some((p) => p.stageIndex > 0 && p.action.actionTypeId.category === 'Source')) {
    yield violation('InvalidStructureException', 'source-first-stage-only', 'Source actions can only be included in the first stage of the pipeline');
  }
  if (positions.length > 0 && positions.every((p) => p.action.actionTypeId.category === 'Source')) {
    yield violation('InvalidStructureException', 'non-source-action-required', 'Pipeline should contain at least 1 action whose category is not Source');
  }
}
