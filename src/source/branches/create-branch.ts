/**
 * CreateBranch: a new branch at an existing commit. The ref is created only if absent (atomic in
 * git), under the repository's ref lock; onPush hears about it like a pushed branch, since AWS
 * emits the same reference-created event for API-made branches.
 */
import type { SourceDeps } from '../deps.js';
import { commitNotFound, sourceError } from '../errors.js';
import { resolveCommit } from '../git/commits.js';
import { compareAndSwapRef } from '../git/refs.js';
import { checkBranchName, isFullSha } from '../names.js';
import { withRefLock } from '../push/ref-lock.js';
import { recordRefChanges } from '../push/record-ref-changes.js';
import { gitDirOf, loadRepository } from '../repositories/load-repository.js';
import { ZERO_SHA, type SourceScope } from '../types.js';

export async function createBranch(deps: SourceDeps, scope: SourceScope, repositoryName: string, branchName: string, commitId: string | undefined): Promise<void> {
  const repo = await loadRepository(deps, scope, repositoryName);
  const branch = checkBranchName(branchName);
  if (commitId === undefined || commitId === '') throw sourceError('CommitIdRequired', 'A commit ID is required, but was not specified.');
  if (!isFullSha(commitId.toLowerCase())) throw sourceError('InvalidCommitId', `The specified commit ID is not valid: ${commitId}`, { commitId });
  const gitDir = gitDirOf(deps, repo);
  const ref = `refs/heads/${branch}`;
  const created = await withRefLock(repo.id, async () => {
    const target = await resolveCommit(deps, gitDir, commitId.toLowerCase());
    if (target === undefined) throw commitNotFound(commitId);
    if (!(await compareAndSwapRef(deps, gitDir, ref, target, ZERO_SHA))) {
      throw sourceError('BranchNameExists', `Branch ${branch} already exists`, { branch });
    }
    return target;
  });
  await recordRefChanges(deps, repo, [{ ref, before: ZERO_SHA, after: created }]);
}
