import type { Queryable } from '../../store/index.js';
import { insertEvents } from '../store/event-repo.js';
import { recordWrite } from '../store/stream-repo.js';
import type { InputEvent } from '../types.js';

/**
 * Stores events in a stream whose row lock the caller holds, and folds them into the stream's
 * metadata. PostgreSQL text cannot hold NUL, so a NUL character is stored as U+FFFD.
 * Returns the ingestion number of the last event.
 */
export async function writeLockedBatch(tx: Queryable, streamId: number, groupId: number, events: readonly InputEvent[], ingestedMs: number): Promise<number> {
  const clean = events.map((e) => (e.message.includes('\u0000') ? { timestamp: e.timestamp, message: e.message.replaceAll('\u0000', '\uFFFD') } : e));
  const lastSeq = await insertEvents(tx, streamId, groupId, clean, ingestedMs);
  let firstTs = Number.MAX_SAFE_INTEGER;
  let lastTs = 0;
  let bytes = 0;
  for (const e of clean) {
    firstTs = Math.min(firstTs, e.timestamp);
    lastTs = Math.max(lastTs, e.timestamp);
    bytes += Buffer.byteLength(e.message, 'utf8');
  }
  await recordWrite(tx, streamId, { firstTs, lastTs, ingestedMs, lastSeq, bytes });
  return lastSeq;
}

/**
 * The sequence token PutLogEvents returns and DescribeLogStreams shows as uploadSequenceToken.
 * AWS ignores tokens since 2023; ours is the stream id and last ingestion number, in the
 * 56-digit shape AWS's tokens have.
 */
export function sequenceToken(streamId: number, lastSeq: number): string {
  return `49${String(streamId).padStart(18, '0')}${String(lastSeq).padStart(36, '0')}`;
}
