/** UpdateRepositoryName and UpdateRepositoryDescription: metadata only (the directory is named by id). */
import type { SourceDeps } from '../deps.js';
import { repositoryNameExists, repositoryNotFound } from '../errors.js';
import { checkRepositoryName } from '../names.js';
import type { SourceScope } from '../types.js';
import { loadRepository } from './load-repository.js';
import { findRepository, updateRepositoryRow } from './repository-repo.js';

export async function updateRepositoryName(deps: Pick<SourceDeps, 'db' | 'clock'>, scope: SourceScope, oldName: string, newName: string): Promise<void> {
  const from = checkRepositoryName(oldName);
  const to = checkRepositoryName(newName);
  try {
    await deps.db.transaction(async (tx) => {
      const repo = await findRepository(tx, scope, from, true);
      if (!repo) throw repositoryNotFound(from);
      if (from === to) return;
      if (await findRepository(tx, scope, to)) throw repositoryNameExists(to);
      await updateRepositoryRow(tx, { ...repo, name: to, lastModified: deps.clock.now() });
    });
  } catch (err) {
    // Two renames racing to the same new name: the primary key decides, the loser hears why.
    if ((err as { code?: unknown }).code === '23505') throw repositoryNameExists(to);
    throw err;
  }
}

export async function updateRepositoryDescription(deps: Pick<SourceDeps, 'db' | 'clock'>, scope: SourceScope, name: string, description: string | undefined): Promise<void> {
  const repo = await loadRepository(deps, scope, name);
  const { description: _old, ...rest } = repo;
  await updateRepositoryRow(deps.db, { ...rest, ...(description !== undefined ? { description } : {}), lastModified: deps.clock.now() });
}
