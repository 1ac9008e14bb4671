/**
 * DeleteRepository: the row goes first (the repository stops existing for every caller at once),
 * then its directory, under the ref lock so no push is half-way through it. Deleting a missing
 * repository succeeds without an id, as on AWS.
 */
import type { SourceDeps } from '../deps.js';
import { checkRepositoryName } from '../names.js';
import { withRefLock } from '../push/ref-lock.js';
import type { SourceScope } from '../types.js';
import { removeRepositoryDir } from './repository-dir.js';
import { deleteRepositoryRow } from './repository-repo.js';

export async function deleteRepository(deps: SourceDeps, scope: SourceScope, name: string): Promise<string | undefined> {
  const id = await deleteRepositoryRow(deps.db, scope, checkRepositoryName(name));
  if (id !== undefined) await withRefLock(id, () => removeRepositoryDir(deps.dataDir, id));
  return id;
}
