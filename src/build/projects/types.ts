/**
 * The CodeBuild project aggregate (spec B.3). Member names are AWS's on purpose: a project is
 * stored and returned as the user described it, and the members nagare acts on (source, artifacts,
 * environment, timeouts, logs) are typed; the rest round-trips untouched (`[member: string]: unknown`).
 */
import type { EnvironmentVariable } from '../executor/index.js';

export type { EnvironmentVariable };

/** `[CBM SourceType]`. */
export type SourceType =
  | 'CODECOMMIT'
  | 'CODEPIPELINE'
  | 'GITHUB'
  | 'GITLAB'
  | 'GITLAB_SELF_MANAGED'
  | 'S3'
  | 'BITBUCKET'
  | 'GITHUB_ENTERPRISE'
  | 'NO_SOURCE';

/** Source types nagare fetches with `git clone`. */
export const GIT_SOURCE_TYPES: readonly string[] = ['CODECOMMIT', 'GITHUB', 'GITHUB_ENTERPRISE', 'BITBUCKET', 'GITLAB', 'GITLAB_SELF_MANAGED'];

export interface ProjectSource {
  type: SourceType;
  location?: string;
  gitCloneDepth?: number;
  buildspec?: string;
  sourceIdentifier?: string;
  insecureSsl?: boolean;
  [member: string]: unknown;
}

export interface SourceVersion {
  sourceIdentifier: string;
  sourceVersion: string;
}

export type ArtifactsType = 'CODEPIPELINE' | 'S3' | 'NO_ARTIFACTS';

export interface ProjectArtifacts {
  type: ArtifactsType;
  location?: string;
  path?: string;
  namespaceType?: 'NONE' | 'BUILD_ID';
  name?: string;
  packaging?: 'NONE' | 'ZIP';
  overrideArtifactName?: boolean;
  encryptionDisabled?: boolean;
  artifactIdentifier?: string;
  [member: string]: unknown;
}

export interface ProjectEnvironment {
  type: string;
  image: string;
  computeType: string;
  environmentVariables?: EnvironmentVariable[];
  privilegedMode?: boolean;
  imagePullCredentialsType?: string;
  [member: string]: unknown;
}

export interface LogsConfig {
  cloudWatchLogs?: { status: 'ENABLED' | 'DISABLED'; groupName?: string; streamName?: string };
  s3Logs?: { status: 'ENABLED' | 'DISABLED'; location?: string; encryptionDisabled?: boolean; [member: string]: unknown };
}

export interface ProjectCache {
  type: string;
  [member: string]: unknown;
}

export interface Tag {
  key: string;
  value?: string;
}

/** Everything CreateProject / UpdateProject set, with AWS's defaults filled in (see defaults.ts). */
export interface ProjectSettings {
  description?: string;
  source: ProjectSource;
  secondarySources: ProjectSource[];
  sourceVersion?: string;
  secondarySourceVersions: SourceVersion[];
  artifacts: ProjectArtifacts;
  secondaryArtifacts: ProjectArtifacts[];
  cache: ProjectCache;
  environment: ProjectEnvironment;
  serviceRole: string;
  timeoutInMinutes: number;
  queuedTimeoutInMinutes: number;
  encryptionKey: string;
  vpcConfig?: Record<string, unknown>;
  badgeEnabled: boolean;
  logsConfig: LogsConfig;
  fileSystemLocations: Record<string, unknown>[];
  buildBatchConfig?: Record<string, unknown>;
  concurrentBuildLimit?: number;
  autoRetryLimit?: number;
}

export interface Project {
  name: string;
  arn: string;
  settings: ProjectSettings;
  tags: Tag[];
  created: Date;
  lastModified: Date;
}

/** CreateProject's members (AWS names); UpdateProject takes the same, all optional. */
export type ProjectInput = Partial<Omit<ProjectSettings, 'badgeEnabled'>> & { badgeEnabled?: boolean; tags?: Tag[] };

/** Every project and build belongs to one account in one region. */
export interface CodeBuildScope {
  accountId: string;
  region: string;
}
