// Public API of the buildspec module (re-exports only).
export { parseBuildspec } from './parse-buildspec.js';
export type { ParseBuildspecResult } from './parse-buildspec.js';
export { toYamlFileError, YAML_FILE_ERROR } from './yaml-file-error.js';
export type { YamlFileError } from './yaml-file-error.js';
export { planBuild } from './plan-build.js';
export type { BuildPlan, PlannedPhase } from './plan-build.js';
export { formatDiagnostic, hasErrors } from './diagnostic.js';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostic.js';
export { PHASE_ORDER, PHASE_TYPE, REPORT_FILE_FORMATS } from './types.js';
export type {
  ArtifactSpec,
  Artifacts,
  BatchMatrix,
  BatchSpec,
  BatchTask,
  BatchTaskEnv,
  Buildspec,
  BuildspecEnv,
  BuildspecVersion,
  CacheSpec,
  OnFailure,
  Phase,
  PhaseName,
  ProxySpec,
  ReportFileFormat,
  ReportGroup,
  SecondaryArtifact,
  SecretReference,
} from './types.js';
