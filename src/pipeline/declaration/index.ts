// Public API of pipeline declaration logic: pure, I/O-free rules for CreatePipeline/UpdatePipeline.
export type * from './types.js';
export type { PipelineViolation, ViolationCode } from './violation.js';
export { validatePipeline, listPipelineViolations, type ValidateOptions } from './validate-pipeline.js';
export {
  findActionType,
  listActionTypes,
  actionTypeSpecs,
  acceptedConfigurationKeys,
  secretKeys,
  type ActionTypeSpec,
} from './action-types.js';
export {
  parseReferences,
  referencesOf,
  resolveString,
  resolveConfiguration,
  CODEPIPELINE_NAMESPACE,
  PIPELINE_VARIABLES_NAMESPACE,
  MAX_RESOLVED_CONFIGURATION_BYTES,
  type VariableReference,
  type ConfigurationReference,
  type VariableLookup,
  type UnresolvedReference,
  type ResolveResult,
} from './variables.js';
export { maskSecrets, restoreSecrets, SECRET_PLACEHOLDER, type RestoreResult } from './secrets.js';
export { applyDefaults, type DefaultsOptions } from './defaults.js';
