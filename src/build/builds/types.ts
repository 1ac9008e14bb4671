/**
 * The build aggregate (spec B.3 `Build`). A build freezes the effective settings it started with
 * (project + StartBuild overrides) so RetryBuild can repeat them and a project update never
 * changes a running build. Phases are kept in the BatchGetBuilds shape (spec A.10).
 */
import type { BuildPhase, ExportedEnvironmentVariable, StatusType } from '../executor/index.js';
import type {
  CodeBuildScope,
  EnvironmentVariable,
  LogsConfig,
  ProjectArtifacts,
  ProjectCache,
  ProjectEnvironment,
  ProjectSource,
  SourceVersion,
} from '../projects/types.js';

export type { BuildPhase, ExportedEnvironmentVariable, StatusType };

/**
 * A CodePipeline input artifact as the pipeline engine hands it over (internal, not an AWS shape):
 * a zip in the artifact store. The first input is the primary source; others become
 * `CODEBUILD_SRC_DIR_<name>` (spec A.14, C.7).
 */
export interface PipelineInputArtifact {
  name: string;
  bucket: string;
  key: string;
  versionId?: string;
  /** The source revision (commit) behind the artifact: `CODEBUILD_RESOLVED_SOURCE_VERSION`. */
  revision?: string;
  /**
   * `OutputArtifactFormat: CODEBUILD_CLONE_REF` upstream: the object is only a reference and the
   * build makes a full git clone of `url`, on `branch` at `commitId` (spec C.7).
   */
  cloneRef?: { url: string; branch: string; commitId: string; hosted: boolean };
}

/** Where a CodePipeline output artifact goes: a zip at this key (spec A.12 `CODEPIPELINE`, C.10). */
export interface PipelineOutputArtifact {
  name: string;
  bucket: string;
  key: string;
}

export interface PipelineContext {
  pipelineName: string;
  inputs: PipelineInputArtifact[];
  outputs: PipelineOutputArtifact[];
}

/** The effective settings of one build. Member names are AWS's (Build output shape). */
export interface BuildSettings {
  source: ProjectSource;
  secondarySources: ProjectSource[];
  sourceVersion?: string;
  secondarySourceVersions: SourceVersion[];
  artifacts: ProjectArtifacts;
  secondaryArtifacts: ProjectArtifacts[];
  cache: ProjectCache;
  /** With the effective variables: project variables overridden by name (spec A.5). */
  environment: ProjectEnvironment;
  serviceRole: string;
  timeoutInMinutes: number;
  queuedTimeoutInMinutes: number;
  encryptionKey: string;
  logsConfig: LogsConfig;
  vpcConfig?: Record<string, unknown>;
  fileSystemLocations: Record<string, unknown>[];
  debugSessionEnabled?: boolean;
  initiator: string;
  /** Base URL of the API the build was started through: the build's `AWS_ENDPOINT_URL`. */
  endpoint?: string;
  pipeline?: PipelineContext;
  /** A job to enqueue when the build completes (internal: the pipeline engine's callback). */
  notify?: BuildNotification;
}

/** Payload gets `buildId`, `buildArn` and `buildStatus` added. */
export interface BuildNotification {
  kind: string;
  payload: Record<string, unknown>;
}

/** What the run produced (absent members: not produced). */
export interface BuildOutcome {
  artifacts?: BuildArtifacts;
  secondaryArtifacts?: BuildArtifacts[];
  exportedEnvironmentVariables?: ExportedEnvironmentVariable[];
  resolvedSourceVersion?: string;
  reportArns?: string[];
}

/** `[CBM BuildArtifacts]`. */
export interface BuildArtifacts {
  location?: string;
  sha256sum?: string;
  md5sum?: string;
  overrideArtifactName?: boolean;
  encryptionDisabled?: boolean;
  artifactIdentifier?: string;
}

export interface Build {
  scope: CodeBuildScope;
  id: string;
  uuid: string;
  arn: string;
  projectName: string;
  buildNumber: number;
  buildStatus: StatusType;
  currentPhase: string;
  buildComplete: boolean;
  startTime: Date;
  endTime?: Date;
  phases: BuildPhase[];
  settings: BuildSettings;
  outcome: BuildOutcome;
  stopRequested: boolean;
}

export type { EnvironmentVariable };
