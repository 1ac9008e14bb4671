import { invalidParameter } from '../errors.js';
import { DAY_MS, EVENT_OVERHEAD_BYTES, HOUR_MS, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_EVENT_BYTES, type InputEvent } from '../types.js';

/** AWS's PutLogEvents answer for events it skipped (indexes into the request's list). */
export interface RejectedInfo {
  tooNewLogEventStartIndex?: number;
  tooOldLogEventEndIndex?: number;
  expiredLogEventEndIndex?: number;
}

/** The accepted events are the contiguous slice [start, end) of the (chronological) batch. */
export interface BatchVerdict {
  start: number;
  end: number;
  rejected: RejectedInfo | undefined;
}

export const MAX_PAST_MS = 14 * DAY_MS;
export const MAX_FUTURE_MS = 2 * HOUR_MS;
export const MAX_SPAN_MS = DAY_MS;

export function eventBytes(message: string): number {
  return Buffer.byteLength(message, 'utf8') + EVENT_OVERHEAD_BYTES;
}

/**
 * PutLogEvents' batch rules, in AWS's order: sizes and count, chronological order, then each event
 * classified (too old: > 14 days; expired: older than the group's retention, measured in AWS time
 * so a time scale shortens it as it shortens the retention sweep; too new: > 2 hours ahead). Those
 * are reported in `rejected`, not thrown; the valid rest may span at most 24 hours.
 *
 * @param retentionRealMs the group's retention converted to real milliseconds
 *   (`clock.scaledDelayMs(days × 1 day)`), or undefined when the group keeps events forever.
 */
export function judgeBatch(events: readonly InputEvent[], nowMs: number, retentionRealMs: number | undefined): BatchVerdict {
  if (events.length === 0) throw invalidParameter('1 validation error detected: Value at \'logEvents\' failed to satisfy constraint: Member must have length greater than or equal to 1');
  if (events.length > MAX_BATCH_EVENTS) {
    throw invalidParameter(`1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to ${MAX_BATCH_EVENTS}`);
  }
  let total = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.message.length === 0) throw invalidParameter(`1 validation error detected: Value '' at 'logEvents.${i + 1}.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1`);
    if (!Number.isSafeInteger(e.timestamp) || e.timestamp < 0) throw invalidParameter(`Log event timestamp must be a non-negative number of milliseconds: ${e.timestamp}`);
    const size = eventBytes(e.message);
    if (size > MAX_EVENT_BYTES) throw invalidParameter(`Log event too large: ${size} bytes exceeds limit of ${MAX_EVENT_BYTES}`);
    total += size;
  }
  if (total > MAX_BATCH_BYTES) throw invalidParameter(`Upload too large: ${total} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.timestamp < events[i - 1]!.timestamp) throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
  }

  const rejected: RejectedInfo = {};
  let start = 0;
  let end = events.length;
  const tooOldBefore = nowMs - MAX_PAST_MS;
  const expiredBefore = retentionRealMs === undefined ? undefined : nowMs - retentionRealMs;
  events.forEach((e, i) => {
    if (e.timestamp < tooOldBefore) {
      rejected.tooOldLogEventEndIndex = i;
      start = i + 1;
    }
    if (expiredBefore !== undefined && e.timestamp < expiredBefore) {
      rejected.expiredLogEventEndIndex = i;
      start = Math.max(start, i + 1);
    }
    if (e.timestamp > nowMs + MAX_FUTURE_MS && end === events.length) {
      rejected.tooNewLogEventStartIndex = i;
      end = i;
    }
  });
  if (end < start) end = start;
  if (end - start > 1 && events[end - 1]!.timestamp - events[start]!.timestamp > MAX_SPAN_MS) {
    throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  }
  return { start, end, rejected: Object.keys(rejected).length > 0 ? rejected : undefined };
}
