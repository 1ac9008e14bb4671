/**
 * AWS's defaults for members a CreateProject call leaves out, as real responses show them
 * (`[CLI-EX:codebuild/create-project, batch-get-builds, retry-build]`): timeout 60, queued timeout
 * 480, the account's `aws/s3` KMS alias, NO_CACHE, CloudWatch logs on and S3 logs off, empty lists.
 */
import { formatArn } from '../../shared/index.js';
import type { CodeBuildScope, LogsConfig, ProjectArtifacts, ProjectEnvironment, ProjectInput, ProjectSettings, ProjectSource } from './types.js';

export const DEFAULT_TIMEOUT_MINUTES = 60;
export const DEFAULT_QUEUED_TIMEOUT_MINUTES = 480;

export function defaultEncryptionKey(scope: CodeBuildScope): string {
  return formatArn({ service: 'kms', region: scope.region, account: scope.accountId, resource: 'alias/aws/s3' });
}

/** A bare role name (the seeds pass `CodeBuildServiceRole`) is stored as the role's ARN. */
export function serviceRoleArn(scope: CodeBuildScope, role: string): string {
  return role.startsWith('arn:') ? role : formatArn({ service: 'iam', region: '', account: scope.accountId, resource: `role/${role}` });
}

export function withSourceDefaults(source: ProjectSource): ProjectSource {
  return { ...source, insecureSsl: source.insecureSsl ?? false };
}

export function withArtifactDefaults(artifacts: ProjectArtifacts): ProjectArtifacts {
  if (artifacts.type !== 'S3') return { ...artifacts };
  return { ...artifacts, packaging: artifacts.packaging ?? 'NONE', namespaceType: artifacts.namespaceType ?? 'NONE' };
}

export function withEnvironmentDefaults(env: ProjectEnvironment): ProjectEnvironment {
  return {
    ...env,
    environmentVariables: (env.environmentVariables ?? []).map((v) => ({ name: v.name, value: v.value, type: v.type ?? 'PLAINTEXT' })),
    privilegedMode: env.privilegedMode ?? false,
    imagePullCredentialsType: env.imagePullCredentialsType ?? 'CODEBUILD',
  };
}

export function withLogsDefaults(logs: LogsConfig | undefined): LogsConfig {
  return {
    cloudWatchLogs: logs?.cloudWatchLogs ?? { status: 'ENABLED' },
    s3Logs: { encryptionDisabled: false, ...(logs?.s3Logs ?? { status: 'DISABLED' }) },
  };
}

/** CreateProject: the stored settings, defaults filled in. Required members are checked by the model. */
export function newProjectSettings(scope: CodeBuildScope, input: ProjectInput & Pick<ProjectSettings, 'source' | 'artifacts' | 'environment' | 'serviceRole'>): ProjectSettings {
  return normalize(scope, {
    ...input,
    secondarySources: input.secondarySources ?? [],
    secondarySourceVersions: input.secondarySourceVersions ?? [],
    secondaryArtifacts: input.secondaryArtifacts ?? [],
    cache: input.cache ?? { type: 'NO_CACHE' },
    timeoutInMinutes: input.timeoutInMinutes ?? DEFAULT_TIMEOUT_MINUTES,
    queuedTimeoutInMinutes: input.queuedTimeoutInMinutes ?? DEFAULT_QUEUED_TIMEOUT_MINUTES,
    encryptionKey: input.encryptionKey ?? defaultEncryptionKey(scope),
    badgeEnabled: input.badgeEnabled ?? false,
    logsConfig: input.logsConfig ?? {},
    fileSystemLocations: input.fileSystemLocations ?? [],
  });
}

/** UpdateProject: given members replace stored ones wholesale; omitted members stay (spec B.4). */
export function updatedProjectSettings(scope: CodeBuildScope, current: ProjectSettings, input: ProjectInput): ProjectSettings {
  const given = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'tags')) as Partial<ProjectSettings>;
  return normalize(scope, { ...current, ...given });
}

function normalize(scope: CodeBuildScope, s: ProjectSettings): ProjectSettings {
  return {
    ...s,
    source: withSourceDefaults(s.source),
    secondarySources: s.secondarySources.map(withSourceDefaults),
    artifacts: withArtifactDefaults(s.artifacts),
    secondaryArtifacts: s.secondaryArtifacts.map(withArtifactDefaults),
    environment: withEnvironmentDefaults(s.environment),
    serviceRole: serviceRoleArn(scope, s.serviceRole),
    logsConfig: withLogsDefaults(s.logsConfig),
  };
}
