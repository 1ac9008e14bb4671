/**
 * StartBuild's overrides (spec B.4, `[CBM StartBuildInput]`): they apply to one build and leave the
 * project unchanged. Member names are AWS's.
 */
import type { EnvironmentVariable, LogsConfig, ProjectArtifacts, ProjectCache, ProjectSource, SourceType, SourceVersion } from '../projects/types.js';

export interface BuildOverrides {
  secondarySourcesOverride?: ProjectSource[];
  secondarySourcesVersionOverride?: SourceVersion[];
  sourceVersion?: string;
  artifactsOverride?: ProjectArtifacts;
  secondaryArtifactsOverride?: ProjectArtifacts[];
  environmentVariablesOverride?: EnvironmentVariable[];
  sourceTypeOverride?: SourceType;
  sourceLocationOverride?: string;
  sourceAuthOverride?: Record<string, unknown>;
  gitCloneDepthOverride?: number;
  gitSubmodulesConfigOverride?: Record<string, unknown>;
  buildspecOverride?: string;
  insecureSslOverride?: boolean;
  reportBuildStatusOverride?: boolean;
  buildStatusConfigOverride?: Record<string, unknown>;
  environmentTypeOverride?: string;
  imageOverride?: string;
  computeTypeOverride?: string;
  certificateOverride?: string;
  cacheOverride?: ProjectCache;
  serviceRoleOverride?: string;
  privilegedModeOverride?: boolean;
  timeoutInMinutesOverride?: number;
  queuedTimeoutInMinutesOverride?: number;
  encryptionKeyOverride?: string;
  logsConfigOverride?: LogsConfig;
  registryCredentialOverride?: Record<string, unknown>;
  imagePullCredentialsTypeOverride?: string;
  debugSessionEnabled?: boolean;
  fleetOverride?: Record<string, unknown>;
  autoRetryLimitOverride?: number;
}
