/** ListBranches: branch names in git's (byte) order, 100 per page. */
import type { SourceDeps } from '../deps.js';
import { listBranches as gitBranches } from '../git/refs.js';
import { pageOf } from '../page-token.js';
import { gitDirOf, loadRepository } from '../repositories/load-repository.js';
import type { SourceScope } from '../types.js';

const PAGE = 100;

export async function listBranches(
  deps: Pick<SourceDeps, 'db' | 'dataDir' | 'hostPath'>,
  scope: SourceScope,
  repositoryName: string,
  nextToken?: string,
): Promise<{ branches: string[]; nextToken?: string }> {
  const repo = await loadRepository(deps, scope, repositoryName);
  const all = await gitBranches(deps, gitDirOf(deps, repo));
  const { page, nextToken: next } = pageOf(`branches:${repo.id}`, all, PAGE, nextToken);
  return { branches: page, ...(next !== undefined ? { nextToken: next } : {}) };
}
