/**
 * Secret configuration properties (spec C.2 last paragraph; e.g. GitHub v1 `OAuthToken`): GetPipeline
 * shows them as `****`; UpdatePipeline given `****` keeps the stored value. The stored value is found
 * by stage name + action name, so renaming the stage or the action loses it — exactly as on AWS —
 * and `****` on an action that did not exist before is rejected with AWS's message.
 */
import { findActionType, secretKeys } from './action-types.js';
import type { ActionDeclaration, PipelineDeclaration } from './types.js';
import { type PipelineViolation, violation } from './violation.js';

export const SECRET_PLACEHOLDER = '****';

function secretKeysOf(action: ActionDeclaration): string[] {
  const spec = findActionType(action.actionTypeId);
  return spec === undefined ? [] : secretKeys(spec);
}

function mapActions(pipeline: PipelineDeclaration, f: (action: ActionDeclaration, stageName: string) => ActionDeclaration): PipelineDeclaration {
  return { ...pipeline, stages: pipeline.stages.map((stage) => ({ ...stage, actions: stage.actions.map((a) => f(a, stage.name)) })) };
}

/** A copy of the pipeline with every secret configuration value replaced by `****`. */
export function maskSecrets(pipeline: PipelineDeclaration): PipelineDeclaration {
  return mapActions(pipeline, (action) => {
    const keys = secretKeysOf(action).filter((k) => action.configuration?.[k] !== undefined);
    if (keys.length === 0) return action;
    const configuration = { ...action.configuration };
    for (const k of keys) configuration[k] = SECRET_PLACEHOLDER;
    return { ...action, configuration };
  });
}

export type RestoreResult = { pipeline: PipelineDeclaration; violation?: undefined } | { pipeline?: undefined; violation: PipelineViolation };

/**
 * Replace `****` in secret properties of `incoming` with the values stored in `stored` (the
 * current version, unmasked; undefined on CreatePipeline). Returns a new declaration or the
 * violation AWS answers when there is no stored value to keep.
 */
export function restoreSecrets(incoming: PipelineDeclaration, stored: PipelineDeclaration | undefined): RestoreResult {
  const previous = new Map<string, ActionDeclaration>();
  for (const stage of stored?.stages ?? []) for (const a of stage.actions) previous.set(`${stage.name}\u0000${a.name}`, a);
  let failure: PipelineViolation | undefined;
  const pipeline = mapActions(incoming, (action, stageName) => {
    const keys = secretKeysOf(action).filter((k) => action.configuration?.[k] === SECRET_PLACEHOLDER);
    if (keys.length === 0 || failure !== undefined) return action;
    const before = previous.get(`${stageName}\u0000${action.name}`);
    const configuration = { ...action.configuration };
    for (const k of keys) {
      const value = before?.configuration?.[k];
      if (value === undefined) {
        failure = violation('InvalidActionDeclarationException', 'secret-placeholder-new-action',
          `Action configuration for the new action '${action.name}' contains an invalid configuration for the secret property '${k}'. ` +
          `'${SECRET_PLACEHOLDER}' may be used in secret properties only when updating an existing action.`);
        return action;
      }
      configuration[k] = value;
    }
    return { ...action, configuration };
  });
  return failure === undefined ? { pipeline } : { violation: failure };
}
