import { groupNotFound, logsError } from '../errors.js';
import { validateGroupName, validateStreamName } from '../names.js';
import { groupIdOf } from '../store/group-repo.js';
import { insertStream } from '../store/stream-repo.js';
import { FOREIGN_KEY_VIOLATION, pgErrorCode, writeTransaction } from '../store/transaction.js';
import type { LogsDeps, LogsScope } from '../types.js';

/** CreateLogStream. A group deleted while the stream is being created answers as not found. */
export async function createLogStream(deps: LogsDeps, scope: LogsScope, group: string, stream: string): Promise<void> {
  validateGroupName(group);
  validateStreamName(stream);
  try {
    await writeTransaction(deps.db, async (tx) => {
      const groupId = await groupIdOf(tx, scope, group);
      if (groupId === undefined) throw groupNotFound(group);
      const id = await insertStream(tx, groupId, stream, deps.clock.now().getTime());
      if (id === undefined) throw logsError('LogStreamAlreadyExists', 'The specified log stream already exists', { logGroupName: group, logStreamName: stream });
    });
  } catch (err) {
    if (pgErrorCode(err) === FOREIGN_KEY_VIOLATION) throw groupNotFound(group);
    throw err;
  }
}
