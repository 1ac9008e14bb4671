import type { SourceDeps } from '../deps.js';
import type { SourceScope } from '../types.js';
import { gitDirOf, loadRepository } from './load-repository.js';

/**
 * The bare repository directory of a hosted repository, so a build on this host can
 * `git clone <path>` without going through HTTP (and without credentials). Read-only use only:
 * ref changes must go through the git route or the API, which report them.
 */
export async function repositoryPath(deps: Pick<SourceDeps, 'db' | 'dataDir'>, scope: SourceScope, name: string): Promise<string> {
  return gitDirOf(deps, await loadRepository(deps, scope, name));
}
