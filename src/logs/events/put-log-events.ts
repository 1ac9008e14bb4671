import { groupNotFound, streamNotFound } from '../errors.js';
import { validateGroupName, validateStreamName } from '../names.js';
import { groupIdOf } from '../store/group-repo.js';
import { lockStream } from '../store/stream-repo.js';
import { writeTransaction } from '../store/transaction.js';
import { DAY_MS, type InputEvent, type LogsDeps, type LogsScope } from '../types.js';
import { judgeBatch, type RejectedInfo } from './batch-rules.js';
import { sequenceToken, writeLockedBatch } from './write-batch.js';

export interface PutLogEventsResult {
  nextSequenceToken: string;
  rejected?: RejectedInfo;
}

/**
 * PutLogEvents. The group and stream must exist. The batch is judged by AWS's rules
 * (batch-rules.ts); the accepted slice is stored atomically. The sequence token is ignored, as
 * AWS has ignored it since 2023, and parallel calls on one stream are fine (they serialise on the
 * stream row).
 */
export async function putLogEvents(deps: LogsDeps, scope: LogsScope, group: string, stream: string, events: readonly InputEvent[]): Promise<PutLogEventsResult> {
  validateGroupName(group);
  validateStreamName(stream);
  const now = deps.clock.now().getTime();
  return writeTransaction(deps.db, async (tx) => {
    const locked = await lockStream(tx, scope, group, stream);
    if (!locked) {
      if ((await groupIdOf(tx, scope, group)) === undefined) throw groupNotFound(group);
      throw streamNotFound(group, stream);
    }
    const retentionRealMs = locked.retentionDays === null ? undefined : deps.clock.scaledDelayMs(locked.retentionDays * DAY_MS);
    const verdict = judgeBatch(events, now, retentionRealMs);
    const lastSeq =
      verdict.end > verdict.start
        ? await writeLockedBatch(tx, locked.streamId, locked.groupId, events.slice(verdict.start, verdict.end), now)
        : locked.lastSeq;
    return { nextSequenceToken: sequenceToken(locked.streamId, lastSeq), rejected: verdict.rejected };
  });
}
