/**
 * Source / AWS / CodeStarSourceConnection (GitHub v2, GitLab, Bitbucket) and Source / ThirdParty /
 * GitHub v1 (spec C.7), read from the git URL the server maps the repository to (`--git-remotes`,
 * remote-repository.ts) or else from the hosted repository that stands in for the remote one
 * (hosted-repository.ts), with each provider's own output variables. The connection must exist
 * in the pipeline's account (nagare's CodeConnections service; it is AVAILABLE from creation).
 */
import { findConnection } from '../../connections/index.js';
import { configurationError, type ActionOutcome, type ActionRun } from './types.js';
import { runGitSource, type GitOrigin } from './git-source.js';
import { remoteFor, remoteOrigin } from './remote-repository.js';
import { findHostedRepository, hostedOrigin, repositoryPart } from './hosted-repository.js';

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
  const origin = await originOf(run, fullId);
  if (!origin) return notHosted(fullId, repositoryPart(fullId));
  return runGitSource(run, origin, branch, (head, message) => ({
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
  const origin = await originOf(run, `${owner}/${repoName}`);
  if (!origin) return notHosted(`${owner}/${repoName}`, repoName);
  return runGitSource(run, origin, branch, (head, message) => ({
    CommitId: head.commitId,
    CommitMessage: message,
    CommitUrl: `https://github.com/${owner}/${repoName}/commit/${head.commitId}`,
    RepositoryName: repoName,
    BranchName: branch,
    AuthorDate: head.authorDate.toISOString(),
    CommitterDate: head.committerDate.toISOString(),
  }), (commit) => `https://github.com/${owner}/${repoName}/commit/${commit}`);
}

/** A `--git-remotes` rule for the id first (the server's explicit choice), else the hosted repository. */
async function originOf(run: ActionRun, fullId: string): Promise<GitOrigin | undefined> {
  const remote = remoteFor(run.deps.gitRemotes, fullId);
  if (remote) return remoteOrigin(run.deps, remote);
  const repo = await findHostedRepository(run.deps, run.scope, repositoryPart(fullId));
  return repo ? hostedOrigin(run, repo) : undefined;
}

function notHosted(fullId: string, name: string): ActionOutcome {
  return configurationError(
    `Repository ${fullId} is not available to nagare: create a hosted repository named ${name} (aws codecommit create-repository --repository-name ${name}) and push the code to its cloneUrlHttp, or map it to a git URL when starting the server (nagare up --git-remotes '${fullId}=https://…')`,
  );
}
