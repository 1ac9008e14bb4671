/**
 * A build's effective settings: the project's, with StartBuild's overrides applied (spec B.4).
 * `environmentVariablesOverride` is merged over the project's variables by name (spec A.5: the
 * override wins); the effective buildspec shows in `source.buildspec` (spec B.3, observed).
 */
import { serviceRoleArn, withArtifactDefaults, withEnvironmentDefaults, withLogsDefaults, withSourceDefaults } from '../projects/defaults.js';
import type { CodeBuildScope, EnvironmentVariable, Project, ProjectSource } from '../projects/types.js';
import type { BuildOverrides } from './overrides.js';
import type { BuildSettings } from './types.js';

export interface BuildContext {
  initiator: string;
  endpoint?: string;
}

export function effectiveSettings(scope: CodeBuildScope, project: Project, o: BuildOverrides, context: BuildContext): BuildSettings {
  const p = project.settings;
  const env = p.environment;
  const set = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const sourceVersion = o.sourceVersion ?? p.sourceVersion;
  return {
    source: withSourceDefaults(source(p.source, o)),
    secondarySources: set(o.secondarySourcesOverride, p.secondarySources).map(withSourceDefaults),
    ...(sourceVersion !== undefined ? { sourceVersion } : {}),
    secondarySourceVersions: set(o.secondarySourcesVersionOverride, p.secondarySourceVersions),
    artifacts: withArtifactDefaults(set(o.artifactsOverride, p.artifacts)),
    secondaryArtifacts: set(o.secondaryArtifactsOverride, p.secondaryArtifacts).map(withArtifactDefaults),
    cache: set(o.cacheOverride, p.cache),
    environment: withEnvironmentDefaults({
      ...env,
      type: set(o.environmentTypeOverride, env.type),
      image: set(o.imageOverride, env.image),
      computeType: set(o.computeTypeOverride, env.computeType),
      ...optional('certificate', o.certificateOverride),
      ...optional('privilegedMode', o.privilegedModeOverride),
      ...optional('registryCredential', o.registryCredentialOverride),
      ...optional('imagePullCredentialsType', o.imagePullCredentialsTypeOverride),
      ...optional('fleet', o.fleetOverride),
      environmentVariables: mergeVariables(env.environmentVariables ?? [], o.environmentVariablesOverride ?? []),
    }),
    serviceRole: serviceRoleArn(scope, set(o.serviceRoleOverride, p.serviceRole)),
    timeoutInMinutes: set(o.timeoutInMinutesOverride, p.timeoutInMinutes),
    queuedTimeoutInMinutes: set(o.queuedTimeoutInMinutesOverride, p.queuedTimeoutInMinutes),
    encryptionKey: set(o.encryptionKeyOverride, p.encryptionKey),
    logsConfig: withLogsDefaults(set(o.logsConfigOverride, p.logsConfig)),
    ...(p.vpcConfig ? { vpcConfig: p.vpcConfig } : {}),
    fileSystemLocations: p.fileSystemLocations,
    ...(o.debugSessionEnabled !== undefined ? { debugSessionEnabled: o.debugSessionEnabled } : {}),
    initiator: context.initiator,
    ...(context.endpoint !== undefined ? { endpoint: context.endpoint } : {}),
  };
}

function source(base: ProjectSource, o: BuildOverrides): ProjectSource {
  const s: ProjectSource = { ...base };
  if (o.sourceTypeOverride !== undefined && o.sourceTypeOverride !== base.type) {
    s.type = o.sourceTypeOverride;
    // A location belongs to the type it was written for.
    delete s.location;
  }
  if (o.sourceLocationOverride !== undefined) s.location = o.sourceLocationOverride;
  if (o.sourceAuthOverride !== undefined) s.auth = o.sourceAuthOverride;
  if (o.gitCloneDepthOverride !== undefined) s.gitCloneDepth = o.gitCloneDepthOverride;
  if (o.gitSubmodulesConfigOverride !== undefined) s.gitSubmodulesConfig = o.gitSubmodulesConfigOverride;
  if (o.buildspecOverride !== undefined && o.buildspecOverride !== '') s.buildspec = o.buildspecOverride;
  if (o.insecureSslOverride !== undefined) s.insecureSsl = o.insecureSslOverride;
  if (o.reportBuildStatusOverride !== undefined) s.reportBuildStatus = o.reportBuildStatusOverride;
  if (o.buildStatusConfigOverride !== undefined) s.buildStatusConfig = o.buildStatusConfigOverride;
  return s;
}

/** Override variables replace project variables of the same name and add the others (spec A.5). */
export function mergeVariables(project: readonly EnvironmentVariable[], override: readonly EnvironmentVariable[]): EnvironmentVariable[] {
  const merged = new Map<string, EnvironmentVariable>();
  for (const v of [...project, ...override]) merged.set(v.name, v);
  return [...merged.values()];
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
