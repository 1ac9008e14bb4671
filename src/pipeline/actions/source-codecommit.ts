/**
 * Source / AWS / CodeCommit (spec C.7): the tip of `BranchName` (or the commit this execution was
 * started for) of a hosted repository, as a zip or a clone reference, with the source output
 * variables.
 */
import { runGitSource } from './git-source.js';
import { hostedOrigin } from './hosted-repository.js';
import { configurationError, type ActionOutcome, type ActionRun } from './types.js';

export async function runCodeCommitSource(run: ActionRun): Promise<ActionOutcome> {
  const { RepositoryName: repo, BranchName: branch } = run.configuration;
  if (!repo || !branch) return configurationError('RepositoryName and BranchName are required');
  return runGitSource(run, hostedOrigin(run, repo), branch, (head, message) => ({
    CommitId: head.commitId,
    CommitMessage: message,
    RepositoryName: repo,
    BranchName: branch,
    AuthorDate: head.authorDate.toISOString(),
    CommitterDate: head.committerDate.toISOString(),
  }));
}
