/**
 * AWS shapes of V2 pipeline triggers (botocore codepipeline model: PipelineTriggerDeclaration,
 * GitConfiguration, GitPushFilter, GitPullRequestFilter, Git*FilterCriteria), declared here so the
 * matcher stays independent of the generated models. Field names are AWS's, verbatim.
 */
export interface GitFilterCriteria {
  includes?: string[];
  excludes?: string[];
}

export interface GitPushFilter {
  tags?: GitFilterCriteria;
  branches?: GitFilterCriteria;
  filePaths?: GitFilterCriteria;
}

export type GitPullRequestEventType = 'OPEN' | 'UPDATED' | 'CLOSED';

export interface GitPullRequestFilter {
  events?: GitPullRequestEventType[];
  branches?: GitFilterCriteria;
  filePaths?: GitFilterCriteria;
}

export interface GitConfiguration {
  sourceActionName: string;
  push?: GitPushFilter[];
  pullRequest?: GitPullRequestFilter[];
}

export interface PipelineTriggerDeclaration {
  providerType: 'CodeStarSourceConnection' | (string & {});
  gitConfiguration: GitConfiguration;
}

/**
 * A repository event, already reduced to what the matcher needs (github-payload.ts builds these
 * from GitHub deliveries; our own git server builds them from ref updates).
 * `changedFiles` undefined means "not known": file-path criteria then cannot be decided and the
 * matcher answers `needs-changed-files` so the caller can fetch them (e.g. the PR files API).
 */
export type GitTriggerEvent =
  | {
      type: 'push';
      /** Full ref: `refs/heads/<branch>` or `refs/tags/<tag>`. */
      ref: string;
      /** The new tip (branch) or the tagged commit (tag). */
      revision: string;
      /** The ref was deleted: nothing to build. */
      deleted?: boolean;
      changedFiles?: readonly string[];
    }
  | {
      type: 'pullRequest';
      event: GitPullRequestEventType;
      /** Branch names without `refs/heads/`. */
      targetBranch: string;
      sourceBranch: string;
      /** Head commit of the source branch: what the execution builds (spec Surprise 31). */
      revision: string;
      changedFiles?: readonly string[];
    };
