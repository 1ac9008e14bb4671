/** GetRepository and BatchGetRepositories. */
import type { SourceDeps } from '../deps.js';
import { sourceError } from '../errors.js';
import { checkRepositoryName } from '../names.js';
import type { Repository, SourceScope } from '../types.js';
import { loadRepository } from './load-repository.js';
import { findRepositories } from './repository-repo.js';

export async function getRepository(deps: Pick<SourceDeps, 'db'>, scope: SourceScope, name: string): Promise<Repository> {
  return loadRepository(deps, scope, name);
}

/** MaximumRepositoryNamesExceededException: "Currently, this number is 100." An empty list is allowed. */
const MAX_NAMES = 100;

export async function batchGetRepositories(
  deps: Pick<SourceDeps, 'db'>,
  scope: SourceScope,
  names: readonly string[],
): Promise<{ repositories: Repository[]; notFound: string[] }> {
  if (names.length > MAX_NAMES) throw sourceError('MaximumRepositoryNamesExceeded', `The maximum number of allowed repository names was exceeded. Currently, this number is ${MAX_NAMES}.`);
  for (const n of names) checkRepositoryName(n);
  const found = await findRepositories(deps.db, scope, names);
  const byName = new Map(found.map((r) => [r.name, r]));
  const repositories: Repository[] = [];
  const notFound: string[] = [];
  for (const n of new Set(names)) {
    const r = byName.get(n);
    if (r) repositories.push(r);
    else notFound.push(n);
  }
  return { repositories, notFound };
}
