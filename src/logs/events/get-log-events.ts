import { groupNotFound, streamNotFound } from '../errors.js';
import { groupIdOf } from '../store/group-repo.js';
import { eventsByKeys, streamKeys } from '../store/event-repo.js';
import { findStream } from '../store/stream-repo.js';
import { MAX_READ_BYTES, MAX_READ_EVENTS, type LogsDeps, type LogsScope, type OutputEvent } from '../types.js';
import { compareKeys, nextKey, previousKey, ZERO_KEY, type EventKey } from './event-key.js';
import { fitToBytes } from './read-budget.js';
import { formatStreamToken, parseStreamToken, type Direction } from './stream-token.js';

export interface GetLogEventsInput {
  group: string;
  stream: string;
  /** Inclusive, epoch ms. */
  startTime?: number;
  /** Exclusive, epoch ms. */
  endTime?: number;
  nextToken?: string;
  limit?: number;
  startFromHead?: boolean;
}

export interface GetLogEventsResult {
  events: OutputEvent[];
  nextForwardToken: string;
  nextBackwardToken: string;
}

const MAX_KEY: EventKey = { ts: Number.MAX_SAFE_INTEGER, seq: Number.MAX_SAFE_INTEGER };

/**
 * GetLogEvents with AWS's paging contract:
 * - no token: the first `limit` events of the time range (startFromHead) or the last ones (default);
 * - a forward token: the events after it; a backward token: the events just before it;
 * - a page holds ≤ limit (default and max 10,000) events and ≤ 1 MiB, always ascending;
 * - nextForwardToken follows the page's last event, nextBackwardToken precedes its first; a page
 *   that comes back empty returns the caller's own token for its direction, which is how clients
 *   (and `aws logs get-log-events` loops) know they reached the end.
 * The time range still applies when a token is given. Memory: one page of messages.
 */
export async function getLogEvents(deps: LogsDeps, scope: LogsScope, input: GetLogEventsInput): Promise<GetLogEventsResult> {
  const token = input.nextToken === undefined ? undefined : parseStreamToken(input.nextToken);
  const groupId = await groupIdOf(deps.db, scope, input.group);
  if (groupId === undefined) throw groupNotFound(input.group);
  const stream = await findStream(deps.db, groupId, input.stream);
  if (!stream) throw streamNotFound(input.group, input.stream);

  // Exclusive bounds: seq 0 never names an event, so (t, 0) sits just before every event at t.
  let lower: EventKey = input.startTime === undefined ? ZERO_KEY : { ts: Math.max(0, input.startTime), seq: 0 };
  let upper: EventKey = input.endTime === undefined ? MAX_KEY : { ts: Math.max(0, input.endTime), seq: 0 };
  const rangeStart = lower;
  let direction: Direction = input.startFromHead ? 'forward' : 'backward';
  if (token) {
    direction = token.direction;
    if (direction === 'forward' && compareKeys(token.key, lower) > 0) lower = token.key;
    if (direction === 'backward' && compareKeys(token.key, upper) < 0) upper = token.key;
  }
  const limit = Math.min(input.limit ?? MAX_READ_EVENTS, MAX_READ_EVENTS);
  const keys = compareKeys(lower, upper) < 0 ? await streamKeys(deps.db, stream.id, { lower, upper }, direction === 'backward', limit) : [];
  const page = fitToBytes(keys, MAX_READ_BYTES);
  const rows = await eventsByKeys(deps.db, { streamId: stream.id }, page);
  const events = rows.map((r) => ({ timestamp: r.ts, message: r.message, ingestionTime: r.ingestedMs }));

  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first && last) {
    return { events, nextForwardToken: formatStreamToken({ direction: 'forward', key: last }), nextBackwardToken: formatStreamToken({ direction: 'backward', key: first }) };
  }
  if (token && input.nextToken !== undefined) {
    const other = token.direction === 'forward' ? { direction: 'backward' as const, key: nextKey(token.key) } : { direction: 'forward' as const, key: previousKey(token.key) };
    const echo = input.nextToken;
    return token.direction === 'forward'
      ? { events, nextForwardToken: echo, nextBackwardToken: formatStreamToken(other) }
      : { events, nextForwardToken: formatStreamToken(other), nextBackwardToken: echo };
  }
  // Nothing in range and no token: both tokens sit at the start of the range (f/000…0 and b/000…0
  // for a whole empty stream, as AWS answers); a forward read from there picks up later events.
  return { events, nextForwardToken: formatStreamToken({ direction: 'forward', key: rangeStart }), nextBackwardToken: formatStreamToken({ direction: 'backward', key: rangeStart }) };
}
