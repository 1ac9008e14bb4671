import { groupNotFound, invalidParameter } from '../errors.js';
import { setRetention } from '../store/group-repo.js';
import { RETENTION_DAYS, type LogsDeps, type LogsScope } from '../types.js';

/** PutRetentionPolicy: the retention sweep (maintenance/retention-task.ts) enforces it. */
export async function putRetentionPolicy(deps: LogsDeps, scope: LogsScope, name: string, days: number): Promise<void> {
  if (!RETENTION_DAYS.includes(days)) {
    throw invalidParameter(
      `1 validation error detected: Value '${days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`,
    );
  }
  if (!(await setRetention(deps.db, scope, name, days))) throw groupNotFound(name);
}

/** DeleteRetentionPolicy: events never expire again. */
export async function deleteRetentionPolicy(deps: LogsDeps, scope: LogsScope, name: string): Promise<void> {
  if (!(await setRetention(deps.db, scope, name, null))) throw groupNotFound(name);
}
