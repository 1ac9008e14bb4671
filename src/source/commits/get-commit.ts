/** GetCommit: a full commit id only (InvalidCommitIdException otherwise), as CodeCommit asks. */
import type { SourceDeps } from '../deps.js';
import { sourceError } from '../errors.js';
import { readCommit } from '../git/commits.js';
import { isFullSha } from '../names.js';
import { gitDirOf, loadRepository } from '../repositories/load-repository.js';
import type { CommitInfo, SourceScope } from '../types.js';

export async function getCommit(deps: Pick<SourceDeps, 'db' | 'dataDir' | 'hostPath'>, scope: SourceScope, repositoryName: string, commitId: string | undefined): Promise<CommitInfo> {
  const repo = await loadRepository(deps, scope, repositoryName);
  if (commitId === undefined || commitId === '') throw sourceError('CommitIdRequired', 'A commit ID is required, but was not specified.');
  const id = commitId.toLowerCase();
  if (!isFullSha(id)) throw sourceError('InvalidCommitId', `The specified commit ID is not valid: ${commitId}`, { commitId });
  const commit = await readCommit(deps, gitDirOf(deps, repo), id);
  if (!commit) throw sourceError('CommitIdNotFound', `Could not find commit with ID ${commitId}`, { commitId });
  return commit;
}
