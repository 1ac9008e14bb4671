/** ListRepositories: 1,000 per page (AWS's batch size); default order by name, ascending. */
import type { SourceDeps } from '../deps.js';
import { pageOf } from '../page-token.js';
import type { SourceScope } from '../types.js';
import { listRepositoryIds, type RepositorySortBy } from './repository-repo.js';

const PAGE = 1000;

export interface ListRepositoriesInput {
  sortBy?: RepositorySortBy;
  order?: 'ascending' | 'descending';
  nextToken?: string;
}

export async function listRepositories(
  deps: Pick<SourceDeps, 'db'>,
  scope: SourceScope,
  input: ListRepositoriesInput,
): Promise<{ repositories: Array<{ name: string; id: string }>; nextToken?: string }> {
  const sortBy = input.sortBy ?? 'repositoryName';
  const order = input.order ?? 'ascending';
  const all = await listRepositoryIds(deps.db, scope, sortBy, order === 'descending');
  const { page, nextToken } = pageOf(`repositories:${sortBy}:${order}`, all, PAGE, input.nextToken);
  return { repositories: page, ...(nextToken !== undefined ? { nextToken } : {}) };
}
