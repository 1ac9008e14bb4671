/**
 * V2 trigger shapes are the declaration's (declaration/types.ts, AWS's member names verbatim);
 * re-exported here for the matcher, which adds the repository event it matches against.
 */
import type { GitPullRequestEventType } from '../declaration/types.js';

export type {
  GitConfiguration,
  GitFilterCriteria,
  GitPullRequestEventType,
  GitPullRequestFilter,
  GitPushFilter,
  PipelineTriggerDeclaration,
} from '../declaration/types.js';

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
