import type { SourceDeps } from '../deps.js';
import { repositoryNotFound } from '../errors.js';
import { checkRepositoryName } from '../names.js';
import type { Repository, SourceScope } from '../types.js';
import { repositoryDir } from './repository-dir.js';
import { findRepository } from './repository-repo.js';

/** The named repository of the scope; RepositoryNameRequired / InvalidRepositoryName / RepositoryNotFound otherwise. */
export async function loadRepository(deps: Pick<SourceDeps, 'db'>, scope: SourceScope, name: string | undefined): Promise<Repository> {
  const valid = checkRepositoryName(name);
  const repo = await findRepository(deps.db, scope, valid);
  if (!repo) throw repositoryNotFound(valid);
  return repo;
}

export function gitDirOf(deps: Pick<SourceDeps, 'dataDir'>, repo: Repository): string {
  return repositoryDir(deps.dataDir, repo.id);
}
