/**
 * DeleteBranch: refuses the default branch (DefaultBranchCannotBeDeletedException); a branch
 * that does not exist deletes nothing and succeeds (AWS models no BranchDoesNotExist here).
 */
import type { SourceDeps } from '../deps.js';
import { sourceError } from '../errors.js';
import { compareAndSwapRef, readBranch } from '../git/refs.js';
import { checkBranchName } from '../names.js';
import { withRefLock } from '../push/ref-lock.js';
import { recordRefChanges } from '../push/record-ref-changes.js';
import { gitDirOf, loadRepository } from '../repositories/load-repository.js';
import { ZERO_SHA, type SourceScope } from '../types.js';

export async function deleteBranch(deps: SourceDeps, scope: SourceScope, repositoryName: string, branchName: string): Promise<{ branchName: string; commitId: string } | undefined> {
  const repo = await loadRepository(deps, scope, repositoryName);
  const branch = checkBranchName(branchName);
  if (repo.defaultBranch === branch) {
    throw sourceError('DefaultBranchCannotBeDeleted', `The default branch ${branch} cannot be deleted.`, { branch });
  }
  const gitDir = gitDirOf(deps, repo);
  const ref = `refs/heads/${branch}`;
  const deleted = await withRefLock(repo.id, async () => {
    const commitId = await readBranch(deps, gitDir, branch);
    if (commitId === undefined) return undefined;
    return (await compareAndSwapRef(deps, gitDir, ref, ZERO_SHA, commitId)) ? commitId : undefined;
  });
  if (deleted === undefined) return undefined;
  await recordRefChanges(deps, repo, [{ ref, before: deleted, after: ZERO_SHA }]);
  return { branchName: branch, commitId: deleted };
}
