/**
 * CreatePipeline / UpdatePipeline admission: AWS's structural rules (declaration/), then nagare's
 * own — stage conditions (beforeEntry, onSuccess, onFailure) are refused until the engine evaluates
 * them, and an action type that nagare accepts as valid but cannot run is refused now, with the error
 * AWS gives for a type that is not available, rather than failing at run time (docs/compatibility.md
 * lists them).
 */
import { isRunnable } from '../actions/registry.js';
import { findActionType, validatePipeline, type PipelineDeclaration } from '../declaration/index.js';
import { pipelineError } from '../errors.js';
import type { PipelineScope } from '../actions/types.js';

export function checkDeclaration(scope: PipelineScope, pipeline: PipelineDeclaration): void {
  const v = validatePipeline(pipeline, { region: scope.region });
  if (v) throw pipelineError(v.code, v.message);
  for (const stage of pipeline.stages) {
    const conditions = (['beforeEntry', 'onSuccess', 'onFailure'] as const).filter((k) => stage[k] !== undefined);
    if (conditions.length > 0) {
      throw pipelineError(
        'InvalidStageDeclarationException',
        `Stage '${stage.name}' declares ${conditions.join(', ')}: nagare does not evaluate stage conditions, automatic retries or automatic rollbacks yet (see docs/compatibility.md); remove them to run this pipeline`,
      );
    }
    for (const action of stage.actions) {
      const spec = findActionType(action.actionTypeId);
      if (spec?.runnable === true && isRunnable(action.actionTypeId)) continue;
      const t = action.actionTypeId;
      throw pipelineError(
        'InvalidActionDeclarationException',
        `ActionType (Category: '${t.category}', Provider: '${t.provider}', Owner: '${t.owner}', Version: '${t.version}') in action '${action.name}' is not available in region '${(action.region ?? scope.region).toUpperCase().replace(/-/g, '_')}': nagare does not run this action type yet (see docs/compatibility.md)`,
      );
    }
  }
}
