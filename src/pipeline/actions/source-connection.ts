/**
 * Source / AWS / CodeStarSourceConnection (GitHub v2, GitLab, Bitbucket) and Source / ThirdParty /
 * GitHub v1 (spec C.7), read from the hosted repository that stands in for the remote one
 * (hosted-repository.ts), with each provider's own output variables. The connection must exist
 * in the pipeline's account (nagare's CodeConnections service; it is AVAILABLE from creation).
 */
import { findConnection } from '../../connections/index.js';
import { configurationError, type ActionOutcome, type ActionRun } from './types.js';
import { findHostedRepository, repositoryPart } from './hosted-repository.js';
import { runHostedGitSource } from './source-codecommit.js';

export async function runConnectionSource(run: ActionRun): Promise<ActionOutcome> {
  const { ConnectionArn: connectionArn, FullRepositoryId: fullId, BranchName: branch } = run.configuration;
  if (!connectionArn || !fullId || !branch) return configurationError('ConnectionArn, FullRepositoryId and BranchName are required');
  const connection = await findConnection(run.deps, connectionArn);
  if (!connection || connection.ownerAccountId !== run.scope.accountId) {
    return configurationError(
      `Unable to use Connection: ${connectionArn}. The provided connection ARN does not exist in account ${run.scope.accountId}: create it with aws codestar-connections create-connection (or aws codeconnections create-connection) and use the ARN it returns`,
    );
  }
  if (connection.status !== 'AVAILABLE') return configurationError(`Unable to use Connection: ${connectionArn}. The connection is in ${connection.status} state`);
  const repo = await findHostedRepository(run.deps, run.scope, repositoryPart(fullId));
  if (!repo) return notHosted(fullId, repositoryPart(fullId));
  return runHostedGitSource(run, repo, branch, (head, message) => ({
    AuthorDate: head.authorDate.toISOString(),
    BranchName: branch,
    CommitId: head.commitId,
    CommitMessage: message,
    ConnectionArn: connectionArn,
    FullRepositoryName: fullId,
  }), (commit) => `https://github.com/${fullId}/commit/${commit}`);
}

export async function runGitHubV1Source(run: ActionRun): Promise<ActionOutcome> {
  const { Owner: owner, Repo: repoName, Branch: branch } = run.configuration;
  if (!owner || !repoName || !branch) return configurationError('Owner, Repo, Branch and OAuthToken are required');
  const repo = await findHostedRepository(run.deps, run.scope, repoName);
  if (!repo) return notHosted(`${owner}/${repoName}`, repoName);
  return runHostedGitSource(run, repo, branch, (head, message) => ({
    CommitId: head.commitId,
    CommitMessage: message,
    CommitUrl: `https://github.com/${owner}/${repoName}/commit/${head.commitId}`,
    RepositoryName: repoName,
    BranchName: branch,
    AuthorDate: head.authorDate.toISOString(),
    CommitterDate: head.committerDate.toISOString(),
  }), (commit) => `https://github.com/${owner}/${repoName}/commit/${commit}`);
}

function notHosted(fullId: string, name: string): ActionOutcome {
  return configurationError(
    `Repository ${fullId} is not available to nagare: create a hosted repository named ${name} (aws codecommit create-repository --repository-name ${name}) and push the code to its cloneUrlHttp`,
  );
}
