/** GetBranch and resolveBranch (the pipeline engine's view: the tip commit with its facts). */
import type { SourceDeps } from '../deps.js';
import { branchNotFound, gitFailure } from '../errors.js';
import { readCommit } from '../git/commits.js';
import { readBranch } from '../git/refs.js';
import { checkBranchName } from '../names.js';
import { gitDirOf, loadRepository } from '../repositories/load-repository.js';
import type { BranchHead, SourceScope } from '../types.js';

type Deps = Pick<SourceDeps, 'db' | 'dataDir' | 'hostPath'>;

/** The commit id a branch points to; BranchNotFound when there is no such branch. */
export async function getBranch(deps: Deps, scope: SourceScope, repositoryName: string | undefined, branchName: string | undefined): Promise<{ branchName: string; commitId: string }> {
  const repo = await loadRepository(deps, scope, repositoryName);
  const branch = checkBranchName(branchName);
  const commitId = await readBranch(deps, gitDirOf(deps, repo), branch);
  if (commitId === undefined) throw branchNotFound(branch);
  return { branchName: branch, commitId };
}

export async function resolveBranch(deps: Deps, scope: SourceScope, repositoryName: string, branchName: string): Promise<BranchHead> {
  const repo = await loadRepository(deps, scope, repositoryName);
  const branch = checkBranchName(branchName);
  const commitId = await readBranch(deps, gitDirOf(deps, repo), branch);
  if (commitId === undefined) throw branchNotFound(branch);
  const commit = await readCommit(deps, gitDirOf(deps, repo), commitId);
  if (!commit) throw gitFailure(`cat-file ${commitId}`, new Error('branch points to a missing commit'));
  return { ...commit, branchName: branch, authorDate: commit.author.date, committerDate: commit.committer.date };
}
