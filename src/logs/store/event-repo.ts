import type { Queryable } from '../../store/index.js';
import type { EventKey } from '../events/event-key.js';
import type { InputEvent } from '../types.js';

/**
 * SQL for log_events (migration 0020). Reads come in two steps so no step holds more than one
 * response's worth of messages: first keys and sizes (cheap: octet_length reads the TOAST header),
 * then the messages of the keys that fit.
 */

export interface KeyRow extends EventKey {
  streamId: number;
  /** UTF-8 bytes of the message. */
  bytes: number;
}

export interface EventRow extends EventKey {
  streamId: number;
  /** '' when the stream was deleted between the two read steps. */
  streamName: string;
  ingestedMs: number;
  message: string;
}

/** Exclusive key bounds of a read. */
export interface KeyRange {
  lower: EventKey;
  upper: EventKey;
}

/**
 * Inserts events (already in the order they are to be numbered) and returns the largest
 * ingestion number drawn. The caller holds the stream's row lock.
 */
export async function insertEvents(tx: Queryable, streamId: number, groupId: number, events: readonly InputEvent[], ingestedMs: number): Promise<number> {
  // The ordered subquery makes nextval() run in batch order, so equal timestamps keep it.
  const r = await tx.query<{ last: number }>(
    `WITH ins AS (
       INSERT INTO log_events (stream_id, group_id, ts, seq, ingested_ms, message)
       SELECT $1, $2, u.ts, nextval('log_event_seq'), $3, u.message
       FROM (SELECT x.ts, x.message FROM unnest($4::bigint[], $5::text[]) WITH ORDINALITY AS x(ts, message, ord) ORDER BY x.ord) u
       RETURNING seq)
     SELECT max(seq) AS last FROM ins`,
    [streamId, groupId, ingestedMs, events.map((e) => e.timestamp), events.map((e) => e.message)],
  );
  return Number(r.rows[0]?.last ?? 0);
}

interface KeySqlRow {
  ts: number;
  seq: number;
  stream_id: number;
  bytes: number;
}

const toKey = (r: KeySqlRow): KeyRow => ({ ts: Number(r.ts), seq: Number(r.seq), streamId: Number(r.stream_id), bytes: Number(r.bytes) });

/** Keys of one stream's events inside `range`, ascending or descending. */
export async function streamKeys(q: Queryable, streamId: number, range: KeyRange, descending: boolean, limit: number): Promise<KeyRow[]> {
  const dir = descending ? 'DESC' : 'ASC';
  const r = await q.query<KeySqlRow>(
    `SELECT ts, seq, stream_id, octet_length(message) AS bytes FROM log_events
     WHERE stream_id = $1 AND (ts, seq) > ($2, $3) AND (ts, seq) < ($4, $5)
     ORDER BY ts ${dir}, seq ${dir} LIMIT $6`,
    [streamId, range.lower.ts, range.lower.seq, range.upper.ts, range.upper.seq, limit],
  );
  return r.rows.map(toKey);
}

export interface StreamSelector {
  names?: readonly string[];
  prefix?: string;
}

/** Keys of a group's events inside `range`, ascending, from live streams matching `sel`. */
export async function groupKeys(q: Queryable, groupId: number, range: KeyRange, sel: StreamSelector, limit: number): Promise<KeyRow[]> {
  const params: unknown[] = [groupId, range.lower.ts, range.lower.seq, range.upper.ts, range.upper.seq];
  let extra = '';
  if (sel.names !== undefined) {
    params.push(sel.names);
    extra += ` AND s.name = ANY($${params.length}::text[])`;
  }
  if (sel.prefix !== undefined && sel.prefix !== '') {
    params.push(sel.prefix);
    extra += ` AND starts_with(s.name, $${params.length})`;
  }
  params.push(limit);
  const r = await q.query<KeySqlRow>(
    `SELECT e.ts, e.seq, e.stream_id, octet_length(e.message) AS bytes
     FROM log_events e JOIN log_streams s ON s.id = e.stream_id
     WHERE e.group_id = $1 AND (e.ts, e.seq) > ($2, $3) AND (e.ts, e.seq) < ($4, $5)${extra}
     ORDER BY e.ts, e.seq LIMIT $${params.length}`,
    params,
  );
  return r.rows.map(toKey);
}

/** Where the keys of a read came from: one stream (GetLogEvents) or a whole group (FilterLogEvents). */
export type KeySource = { streamId: number } | { groupId: number };

/**
 * The full events for `keys` (ascending, from one read of `source`), fetched as one index range
 * scan between the first and last key; rows in that range that are not in `keys` (written in
 * between) are dropped, so the result is exactly the keys that still exist.
 */
export async function eventsByKeys(q: Queryable, source: KeySource, keys: readonly KeyRow[]): Promise<EventRow[]> {
  if (keys.length === 0) return [];
  let lo = keys[0]!;
  let hi = keys[0]!;
  for (const k of keys) {
    if (k.ts < lo.ts || (k.ts === lo.ts && k.seq < lo.seq)) lo = k;
    if (k.ts > hi.ts || (k.ts === hi.ts && k.seq > hi.seq)) hi = k;
  }
  // Within a group, only the keys' own streams: another stream's events in the same time range
  // could be any amount of data.
  const byGroup = 'groupId' in source;
  const r = await q.query<{ stream_id: number; name: string | null; ts: number; seq: number; ingested_ms: number; message: string }>(
    `SELECT e.stream_id, s.name, e.ts, e.seq, e.ingested_ms, e.message
     FROM log_events e LEFT JOIN log_streams s ON s.id = e.stream_id
     WHERE ${byGroup ? 'e.group_id = $1 AND e.stream_id = ANY($6::bigint[])' : 'e.stream_id = $1'}
       AND (e.ts, e.seq) >= ($2, $3) AND (e.ts, e.seq) <= ($4, $5)
     ORDER BY e.ts, e.seq`,
    [byGroup ? source.groupId : source.streamId, lo.ts, lo.seq, hi.ts, hi.seq, ...(byGroup ? [[...new Set(keys.map((k) => k.streamId))]] : [])],
  );
  // Ingestion numbers are unique server-wide, so seq alone identifies a key.
  const wanted = new Set(keys.map((k) => k.seq));
  return r.rows
    .filter((row) => wanted.has(Number(row.seq)))
    .map((row) => ({ streamId: Number(row.stream_id), streamName: row.name ?? '', ts: Number(row.ts), seq: Number(row.seq), ingestedMs: Number(row.ingested_ms), message: row.message }));
}

/**
 * Deletes up to `batch` events of the group older than `beforeTs` and takes their bytes off their
 * streams' counters, in one statement. Returns how many events went.
 */
export async function expireEvents(q: Queryable, groupId: number, beforeTs: number, batch: number): Promise<number> {
  const r = await q.query<{ n: number }>(
    `WITH doomed AS (
       DELETE FROM log_events WHERE (stream_id, ts, seq) IN (
         SELECT stream_id, ts, seq FROM log_events WHERE group_id = $1 AND ts < $2 ORDER BY ts, seq LIMIT $3)
       RETURNING stream_id, octet_length(message) AS bytes),
     per_stream AS (SELECT stream_id, sum(bytes) AS bytes FROM doomed GROUP BY stream_id),
     upd AS (
       UPDATE log_streams s SET stored_bytes = GREATEST(0, s.stored_bytes - p.bytes)
       FROM per_stream p WHERE s.id = p.stream_id RETURNING 1)
     SELECT count(*) AS n FROM doomed`,
    [groupId, beforeTs, batch],
  );
  return Number(r.rows[0]?.n ?? 0);
}
