import { groupNotFound, logsError } from '../errors.js';
import { deleteGroupRow, lockGroup } from '../store/group-repo.js';
import { queueGroupPurge } from '../store/purge-repo.js';
import { writeTransaction } from '../store/transaction.js';
import type { LogsDeps, LogsScope } from '../types.js';

/**
 * DeleteLogGroup. Contract: when this returns, the group, its streams and its tags are gone for
 * every reader; the events themselves are queued for the purge task (a group with a gigabyte of
 * events is still one small transaction). The group row is locked first, so no stream can be
 * added between queueing the purge and deleting the rows.
 */
export async function deleteLogGroup(deps: LogsDeps, scope: LogsScope, name: string): Promise<void> {
  await writeTransaction(deps.db, async (tx) => {
    const group = await lockGroup(tx, scope, name);
    if (!group) throw groupNotFound(name);
    if (group.deletionProtection) {
      throw logsError('DeletionProtected', `Log group ${name} has deletion protection enabled. Disable it with PutLogGroupDeletionProtection before deleting the log group.`);
    }
    await queueGroupPurge(tx, group.id, deps.clock.now().getTime());
    await deleteGroupRow(tx, group.id);
  });
  deps.logger.info({ logGroup: name, account: scope.accountId, region: scope.region }, 'log group deleted');
}
