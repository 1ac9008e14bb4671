import { compileFilterPattern } from '../filter-pattern/index.js';
import { groupNotFound, invalidParameter, logsError } from '../errors.js';
import { decodePageToken, encodePageToken } from '../page-token.js';
import { groupIdOf } from '../store/group-repo.js';
import { eventsByKeys, groupKeys, type StreamSelector } from '../store/event-repo.js';
import { EVENT_OVERHEAD_BYTES, MAX_READ_BYTES, MAX_READ_EVENTS, type FilteredEvent, type LogsDeps, type LogsScope } from '../types.js';
import { formatKey, ZERO_KEY, type EventKey } from './event-key.js';
import { fitToBytes } from './read-budget.js';

export interface FilterLogEventsInput {
  group: string;
  streamNames?: readonly string[];
  streamPrefix?: string;
  /** Inclusive, epoch ms. */
  startTime?: number;
  /** Inclusive, epoch ms (GetLogEvents' endTime is exclusive; AWS documents them so). */
  endTime?: number;
  pattern?: string;
  nextToken?: string;
  limit?: number;
}

export interface FilterLogEventsResult {
  events: FilteredEvent[];
  nextToken?: string;
}

/** Keys read per round trip, and how much one request may scan before it answers with a token. */
const SCAN_CHUNK = 10_000;
const SCAN_BUDGET_BYTES = 8 * 1_048_576;
const SCAN_BUDGET_EVENTS = 50_000;
const MAX_KEY: EventKey = { ts: Number.MAX_SAFE_INTEGER, seq: Number.MAX_SAFE_INTEGER };

/**
 * FilterLogEvents: a group's events across its (live) streams, interleaved in (timestamp,
 * ingestion) order, filtered by stream and pattern. Paging contract, as AWS documents it: a page
 * holds ≤ limit events and ≤ 1 MiB and may be partial or even empty while a nextToken is
 * returned (a selective pattern over much data answers after scanning SCAN_BUDGET, so no request
 * runs unbounded); no nextToken means the search is finished. The token is the key of the last
 * event examined, so new events that sort after it are found by the next call (`tail --follow`).
 */
export async function filterLogEvents(deps: LogsDeps, scope: LogsScope, input: FilterLogEventsInput): Promise<FilterLogEventsResult> {
  if (input.streamNames !== undefined && input.streamPrefix !== undefined) {
    throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  }
  const compiled = compileFilterPattern(input.pattern);
  if (!compiled.ok) throw logsError('InvalidFilterPattern', compiled.message);
  const cursor = input.nextToken === undefined ? undefined : decodePageToken<{ ts: number; seq: number }>('filter', input.nextToken, { ts: 'number', seq: 'number' });
  const groupId = await groupIdOf(deps.db, scope, input.group);
  if (groupId === undefined) throw groupNotFound(input.group);

  let lower: EventKey = cursor ?? (input.startTime === undefined ? ZERO_KEY : { ts: Math.max(0, input.startTime), seq: 0 });
  if (cursor && input.startTime !== undefined && cursor.ts < input.startTime) lower = { ts: input.startTime, seq: 0 };
  const upper: EventKey = input.endTime === undefined ? MAX_KEY : { ts: Math.max(0, input.endTime) + 1, seq: 0 };
  const selector: StreamSelector = { names: input.streamNames, prefix: input.streamPrefix };
  const limit = Math.min(input.limit ?? MAX_READ_EVENTS, MAX_READ_EVENTS);

  const events: FilteredEvent[] = [];
  let bytes = 0;
  let scannedBytes = 0;
  let scannedEvents = 0;
  for (;;) {
    const keys = await groupKeys(deps.db, groupId, { lower, upper }, selector, SCAN_CHUNK);
    if (keys.length === 0) return { events };
    const batch = fitToBytes(keys, MAX_READ_BYTES);
    const rows = await eventsByKeys(deps.db, { groupId }, batch);
    for (const row of rows) {
      const size = Buffer.byteLength(row.message, 'utf8') + EVENT_OVERHEAD_BYTES;
      // An empty name: the stream was deleted between the two read steps; its events are gone.
      if (row.streamName !== '' && compiled.match(row.message)) {
        if (events.length >= limit || (events.length > 0 && bytes + size > MAX_READ_BYTES)) return { events, nextToken: token(lower) };
        events.push({ logStreamName: row.streamName, timestamp: row.ts, message: row.message, ingestionTime: row.ingestedMs, eventId: formatKey(row) });
        bytes += size;
      }
      lower = { ts: row.ts, seq: row.seq };
      scannedBytes += size;
      scannedEvents++;
    }
    // A key whose event vanished in between (retention, purge) still moves the scan on.
    const lastKey = batch[batch.length - 1]!;
    if (lastKey.ts > lower.ts || (lastKey.ts === lower.ts && lastKey.seq > lower.seq)) lower = { ts: lastKey.ts, seq: lastKey.seq };
    if (keys.length < SCAN_CHUNK && batch.length === keys.length) return { events };
    if (scannedBytes >= SCAN_BUDGET_BYTES || scannedEvents >= SCAN_BUDGET_EVENTS) return { events, nextToken: token(lower) };
  }
}

function token(after: EventKey): string {
  return encodePageToken('filter', { ts: after.ts, seq: after.seq });
}
