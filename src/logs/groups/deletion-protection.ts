import { groupNotFound } from '../errors.js';
import { groupNameFromIdentifier } from '../names.js';
import { setDeletionProtection } from '../store/group-repo.js';
import type { LogsDeps, LogsScope } from '../types.js';

/** PutLogGroupDeletionProtection: while enabled, DeleteLogGroup refuses. */
export async function putDeletionProtection(deps: LogsDeps, scope: LogsScope, identifier: string, enabled: boolean): Promise<void> {
  const name = groupNameFromIdentifier(scope, identifier);
  if (!(await setDeletionProtection(deps.db, scope, name, enabled))) throw groupNotFound(name);
}
