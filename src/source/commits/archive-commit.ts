/**
 * The tree of one commit as a zip (`git archive --format=zip`): the CODE_ZIP source artifact a
 * CodeCommit source action hands to the next stage. `destZipPath` is chosen by nagare, never a user.
 */
import type { SourceDeps } from '../deps.js';
import { archiveZip } from '../git/diff.js';
import { gitDirOf, loadRepository } from '../repositories/load-repository.js';
import type { SourceScope } from '../types.js';
import { resolveSpecifier } from './resolve-specifier.js';

export async function archiveCommit(
  deps: Pick<SourceDeps, 'db' | 'dataDir' | 'hostPath'>,
  scope: SourceScope,
  repositoryName: string,
  commitId: string,
  destZipPath: string,
): Promise<{ commitId: string }> {
  const repo = await loadRepository(deps, scope, repositoryName);
  const gitDir = gitDirOf(deps, repo);
  const id = await resolveSpecifier(deps, gitDir, commitId);
  await archiveZip(deps, gitDir, id, destZipPath);
  return { commitId: id };
}
