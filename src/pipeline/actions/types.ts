/**
 * The contract between the pipeline engine and the code that performs one action (spec C.7). A
 * runner gets the action's resolved configuration and artifact locations and answers with an
 * outcome; it never touches pipeline state — the engine records the outcome and feeds the pure
 * execution machine. `waiting` means the action goes on elsewhere (a build, an approval) and its
 * result will arrive later as an event.
 */
import type { ActionTypeId } from '../declaration/index.js';
import type { PipelineDeps } from '../deps.js';

export interface PipelineScope {
  accountId: string;
  region: string;
}

/** An artifact in the artifact store (and, for source outputs, the revision behind it). */
export interface ArtifactLocation {
  name: string;
  bucket: string;
  key: string;
  versionId?: string;
  revision?: string;
  /**
   * Set when a git source wrote `OutputArtifactFormat: CODEBUILD_CLONE_REF`: the object at `key` is
   * only a reference, and a downstream CodeBuild action clones this itself (spec C.7).
   */
  cloneRef?: CloneRef;
}

/** A full-clone reference: the repository's git URL and the commit to check out on `branch`. */
export interface CloneRef {
  url: string;
  branch: string;
  commitId: string;
  /** The URL is one of nagare's hosted repositories: the clone authenticates with the build's key. */
  hosted: boolean;
}

/** StartPipelineExecution.sourceRevisions entry or a trigger's revision, for one source action. */
export interface SourceOverride {
  actionName: string;
  revisionType: 'COMMIT_ID' | 'IMAGE_DIGEST' | 'S3_OBJECT_VERSION_ID' | 'S3_OBJECT_KEY';
  revisionValue: string;
}

export interface ActionRun {
  deps: PipelineDeps;
  scope: PipelineScope;
  pipelineName: string;
  executionId: string;
  stageName: string;
  actionName: string;
  actionExecutionId: string;
  actionTypeId: ActionTypeId;
  /** With every `#{…}` already replaced. */
  configuration: Record<string, string>;
  inputArtifacts: ArtifactLocation[];
  /** Where each declared output goes (keys chosen by the engine, spec C.10). */
  outputArtifacts: ArtifactLocation[];
  /** Source actions: the revisions this execution must use instead of the branch/object tip. */
  sourceOverrides: SourceOverride[];
  /** Base URL builds should use to reach this server (their AWS_ENDPOINT_URL). */
  endpoint?: string;
  /** Scratch directory for this run, removed afterwards by the engine. */
  tmpDir: string;
}

export interface SourceRevision {
  revisionId: string;
  revisionSummary?: string;
  revisionUrl?: string;
  created?: Date;
}

export interface ErrorDetails {
  code: string;
  message: string;
}

export type ActionOutcome =
  | {
      kind: 'succeeded';
      summary?: string;
      externalExecutionId?: string;
      externalExecutionUrl?: string;
      outputVariables?: Record<string, string>;
      /** The outputs as written (with version ids / revisions). */
      outputArtifacts?: ArtifactLocation[];
      revision?: SourceRevision;
    }
  | { kind: 'failed'; error: ErrorDetails; summary?: string; externalExecutionId?: string; externalExecutionUrl?: string }
  | {
      kind: 'waiting';
      summary?: string;
      externalExecutionId?: string;
      externalExecutionUrl?: string;
      /** Manual approval: the token PutApprovalResult must quote and the (scaled) wait before it times out. */
      approval?: { token: string; timeoutMs: number };
    };

export type ActionRunner = (run: ActionRun) => Promise<ActionOutcome>;

/** A failure of the user's configuration (not of nagare): the action fails with this message. */
export const configurationError = (message: string): ActionOutcome => ({ kind: 'failed', error: { code: 'ConfigurationError', message } });
export const jobFailed = (message: string): ActionOutcome => ({ kind: 'failed', error: { code: 'JobFailed', message } });
