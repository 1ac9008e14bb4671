/**
 * Per-action rules: spec C.2 rules 6, 7 and 9 plus C.7's per-provider configuration. The action
 * type must be in the registry (action-types.ts); configuration must carry every required key and
 * no unknown key; artifact counts must fit the type; `region` only where AWS allows cross-region.
 */
import { acceptedConfigurationKeys, findActionType } from './action-types.js';
import type { ActionPosition } from './positions.js';
import type { ActionDeclaration, PipelineType } from './types.js';
import { CODEPIPELINE_NAMESPACE, PIPELINE_VARIABLES_NAMESPACE } from './variables.js';
import { describeActionType, type PipelineViolation, violation } from './violation.js';

export const MAX_CONFIGURATION_KEY_LENGTH = 50;
export const MAX_CONFIGURATION_VALUE_LENGTH = 1000;
/** Providers AWS only accepts in V2 pipelines (observed: "<Provider> Action can only be used with V2 pipelines."). */
const V2_ONLY_PROVIDERS = new Set(['Commands', 'ECRBuildAndPublish', 'EKS']);

export interface ActionContext {
  /** The pipeline's own region, e.g. `us-east-1`. */
  region: string;
  pipelineType: PipelineType;
}

/** `us-east-1` → `US_EAST_1`, as AWS prints regions in "is not available" errors. */
const regionToken = (region: string): string => region.toUpperCase().replace(/-/g, '_');

const isCompute = (a: ActionDeclaration): boolean => a.actionTypeId.category === 'Compute';
const usesComputeFields = (a: ActionDeclaration): boolean =>
  a.commands !== undefined || a.outputVariables !== undefined || a.environmentVariables !== undefined ||
  (a.outputArtifacts ?? []).some((o) => o.files !== undefined);

export function* actionViolations(p: ActionPosition, ctx: ActionContext): Generator<PipelineViolation> {
  const { action } = p;
  const typeId = action.actionTypeId;
  if (!isCompute(action) && usesComputeFields(action)) {
    yield violation('InvalidActionDeclarationException', 'compute-fields',
      `The following action cannot contain a commands field: ${action.name}. To use the commands field, use a compute action.`);
  }
  if (ctx.pipelineType !== 'V2' && V2_ONLY_PROVIDERS.has(typeId.provider)) {
    yield violation('InvalidActionDeclarationException', 'v2-provider', `${typeId.provider} Action can only be used with V2 pipelines.`);
  }
  yield* regionViolations(action, ctx);
  if (action.namespace === CODEPIPELINE_NAMESPACE || action.namespace === PIPELINE_VARIABLES_NAMESPACE) {
    yield violation('InvalidActionDeclarationException', 'namespace-reserved',
      `The namespace '${action.namespace}' of action '${action.name}' is reserved by CodePipeline. Choose another namespace`);
  }
  const spec = findActionType(typeId);
  if (spec === undefined) {
    yield violation('InvalidActionDeclarationException', 'action-type-unknown',
      `${describeActionType(typeId)} in action '${action.name}' is not available in region '${regionToken(action.region ?? ctx.region)}'`);
    return;
  }
  const configuration = action.configuration ?? {};
  for (const property of spec.properties) {
    if (property.required && configuration[property.name] === undefined) {
      yield violation('InvalidActionDeclarationException', 'configuration-required',
        `Action configuration for action '${action.name}' is missing required configuration '${property.name}'`);
    }
  }
  const accepted = acceptedConfigurationKeys(spec);
  for (const [key, value] of Object.entries(configuration)) {
    if (!accepted.has(key)) {
      yield violation('InvalidActionDeclarationException', 'configuration-unknown',
        `Action configuration for action '${action.name}' contains unknown configuration '${key}'`);
    }
    if (key.length > MAX_CONFIGURATION_KEY_LENGTH || value.length === 0 || value.length > MAX_CONFIGURATION_VALUE_LENGTH) {
      yield violation('ValidationException', 'configuration-size',
        `Action configuration for action '${action.name}': key '${key.slice(0, MAX_CONFIGURATION_KEY_LENGTH)}' must be 1-${MAX_CONFIGURATION_KEY_LENGTH} characters and its value 1-${MAX_CONFIGURATION_VALUE_LENGTH} characters`);
    }
  }
  yield* artifactCountViolations(action, 'input', (action.inputArtifacts ?? []).length, spec.input);
  yield* artifactCountViolations(action, 'output', (action.outputArtifacts ?? []).length, spec.output);
}

function* artifactCountViolations(action: ActionDeclaration, kind: 'input' | 'output', count: number,
  bounds: { minimumCount: number; maximumCount: number }): Generator<PipelineViolation> {
  if (count < bounds.minimumCount) {
    yield violation('InvalidActionDeclarationException', `${kind}-artifacts-min`,
      `Action ${action.name} declares ${count} ${kind} artifacts which is less than the minimum count (${bounds.minimumCount})`);
  }
  if (count > bounds.maximumCount) {
    yield violation('InvalidActionDeclarationException', `${kind}-artifacts-max`,
      `Action ${action.name} declares ${count} ${kind} artifacts which is greater than the maximum count (${bounds.maximumCount})`);
  }
}

/** Rule 7: an action in another region must be an AWS-owned, non-source, non-Commands action. */
function* regionViolations(action: ActionDeclaration, ctx: ActionContext): Generator<PipelineViolation> {
  if (action.region === undefined || action.region === ctx.region) return;
  const { category, owner, provider } = action.actionTypeId;
  const reason =
    category === 'Source' ? 'Source actions' :
    owner !== 'AWS' ? `${owner} actions` :
    provider === 'Commands' ? 'Commands actions' : undefined;
  if (reason !== undefined) {
    yield violation('InvalidActionDeclarationException', 'cross-region-not-allowed',
      `Action '${action.name}' declares region '${action.region}', but ${reason} cannot run in a region other than the pipeline's region (${ctx.region})`);
  }
}
