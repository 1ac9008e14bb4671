import { groupNotFound, streamNotFound } from '../errors.js';
import { groupIdOf } from '../store/group-repo.js';
import { queueStreamPurge } from '../store/purge-repo.js';
import { deleteStreamRow, lockStream } from '../store/stream-repo.js';
import { writeTransaction } from '../store/transaction.js';
import type { LogsDeps, LogsScope } from '../types.js';

/**
 * DeleteLogStream. Waits for a writer holding the stream (its batch commits first), then removes
 * the stream for every reader and queues its events for the purge task.
 */
export async function deleteLogStream(deps: LogsDeps, scope: LogsScope, group: string, stream: string): Promise<void> {
  await writeTransaction(deps.db, async (tx) => {
    const locked = await lockStream(tx, scope, group, stream);
    if (!locked) {
      if ((await groupIdOf(tx, scope, group)) === undefined) throw groupNotFound(group);
      throw streamNotFound(group, stream);
    }
    await queueStreamPurge(tx, locked.streamId, deps.clock.now().getTime());
    await deleteStreamRow(tx, locked.streamId);
  });
}
