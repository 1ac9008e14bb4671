import { invalidParameter, logsError } from '../errors.js';
import { validateGroupName, validateStreamName } from '../names.js';
import { groupIdOf, insertGroup } from '../store/group-repo.js';
import { insertStream, lockStream, type LockedStream } from '../store/stream-repo.js';
import { FOREIGN_KEY_VIOLATION, pgErrorCode, writeTransaction } from '../store/transaction.js';
import type { Queryable } from '../../store/index.js';
import { EVENT_OVERHEAD_BYTES, MAX_BATCH_BYTES, MAX_EVENT_BYTES, type InputEvent, type LogsDeps, type LogsScope } from '../types.js';
import { writeLockedBatch } from './write-batch.js';

/** Events per transaction: bounds each INSERT's parameters (and so memory) whatever the caller passes. */
const CHUNK_EVENTS = 1_000;

/**
 * The domain API for in-process writers (CodeBuild writes each build's output here).
 *
 * Contract:
 * - Creates the group and stream on demand (STANDARD class, no retention), so a writer needs no
 *   setup call and survives a user deleting the stream mid-build (a fresh stream is created).
 * - Events are stored in the order given; each gets the next server-wide ingestion number, so
 *   readers (GetLogEvents forward tokens, FilterLogEvents, `aws logs tail --follow`) see them in
 *   (timestamp, ingestion) order, exactly once, even when timestamps repeat. Timestamps need not
 *   be increasing, but a reader already past a timestamp will not go back for a late event (AWS
 *   behaves the same), so writers should pass non-decreasing timestamps.
 * - Unlike PutLogEvents, no age, span or batch-size rules apply: the caller is trusted. Each
 *   message must be non-empty (as in AWS; end lines with "\n" as CodeBuild's events do) and at
 *   most 1 MiB; timestamps are epoch milliseconds ≥ 0.
 * - Large inputs are written in chunks of ≤ 1,000 events / 1 MiB, each its own transaction: a
 *   failure part-way leaves the earlier chunks stored. Several writers on one stream are safe.
 */
export async function appendEvents(deps: LogsDeps, scope: LogsScope, group: string, stream: string, events: readonly InputEvent[]): Promise<{ appended: number }> {
  validateGroupName(group);
  validateStreamName(stream);
  for (const e of events) {
    if (e.message.length === 0) throw invalidParameter('A log event message must not be empty.');
    if (!Number.isSafeInteger(e.timestamp) || e.timestamp < 0) throw invalidParameter(`Log event timestamp must be a non-negative number of milliseconds: ${e.timestamp}`);
    const size = Buffer.byteLength(e.message, 'utf8') + EVENT_OVERHEAD_BYTES;
    if (size > MAX_EVENT_BYTES) throw invalidParameter(`Log event too large: ${size} bytes exceeds limit of ${MAX_EVENT_BYTES}`);
  }
  for (const chunk of chunks(events)) await appendChunk(deps, scope, group, stream, chunk);
  return { appended: events.length };
}

function* chunks(events: readonly InputEvent[]): Generator<readonly InputEvent[]> {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < events.length; i++) {
    const size = Buffer.byteLength(events[i]!.message, 'utf8') + EVENT_OVERHEAD_BYTES;
    if (i > start && (i - start >= CHUNK_EVENTS || bytes + size > MAX_BATCH_BYTES)) {
      yield events.slice(start, i);
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (start < events.length) yield events.slice(start);
}

async function appendChunk(deps: LogsDeps, scope: LogsScope, group: string, stream: string, chunk: readonly InputEvent[]): Promise<void> {
  // One retry covers a group or stream deleted between our create and our lock.
  for (let attempt = 0; ; attempt++) {
    try {
      await writeTransaction(deps.db, async (tx) => {
        const now = deps.clock.now().getTime();
        const locked = (await lockStream(tx, scope, group, stream)) ?? (await createAndLock(tx, scope, group, stream, now));
        await writeLockedBatch(tx, locked.streamId, locked.groupId, chunk, now);
      });
      return;
    } catch (err) {
      if (attempt > 0 || pgErrorCode(err) !== FOREIGN_KEY_VIOLATION) throw err;
    }
  }
}

async function createAndLock(tx: Queryable, scope: LogsScope, group: string, stream: string, now: number): Promise<LockedStream> {
  const groupId = (await insertGroup(tx, scope, { name: group, createdMs: now })) ?? (await groupIdOf(tx, scope, group));
  if (groupId === undefined) throw logsError('OperationAborted', `Log group ${group} was deleted while it was being created; try again.`);
  await insertStream(tx, groupId, stream, now);
  const locked = await lockStream(tx, scope, group, stream);
  if (!locked) throw logsError('OperationAborted', `Log stream ${stream} was deleted while it was being created; try again.`);
  return locked;
}
