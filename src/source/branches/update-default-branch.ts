/** UpdateDefaultBranch: the branch must exist; HEAD follows so clones check it out. */
import type { SourceDeps } from '../deps.js';
import { branchNotFound } from '../errors.js';
import { readBranch, setHead } from '../git/refs.js';
import { checkBranchName } from '../names.js';
import { withRefLock } from '../push/ref-lock.js';
import { gitDirOf, loadRepository } from '../repositories/load-repository.js';
import { updateRepositoryRow } from '../repositories/repository-repo.js';
import type { SourceScope } from '../types.js';

export async function updateDefaultBranch(deps: SourceDeps, scope: SourceScope, repositoryName: string, branchName: string): Promise<void> {
  const repo = await loadRepository(deps, scope, repositoryName);
  const branch = checkBranchName(branchName);
  const gitDir = gitDirOf(deps, repo);
  await withRefLock(repo.id, async () => {
    if ((await readBranch(deps, gitDir, branch)) === undefined) throw branchNotFound(branch);
    await setHead(deps, gitDir, branch);
    await updateRepositoryRow(deps.db, { ...repo, defaultBranch: branch, lastModified: deps.clock.now() });
  });
}
