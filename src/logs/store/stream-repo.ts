import type { Queryable } from '../../store/index.js';
import type { LogsScope, LogStreamRecord } from '../types.js';

/** SQL for log_streams (migration 0020). */

interface StreamRow {
  id: number;
  group_id: number;
  name: string;
  created_ms: number;
  first_event_ms: number | null;
  last_event_ms: number | null;
  last_ingestion_ms: number | null;
  last_seq: number;
}

const STREAM_COLUMNS = 's.id, s.group_id, s.name, s.created_ms, s.first_event_ms, s.last_event_ms, s.last_ingestion_ms, s.last_seq';
const nullableNumber = (v: number | null): number | null => (v === null ? null : Number(v));

function toRecord(r: StreamRow): LogStreamRecord {
  return {
    id: Number(r.id),
    groupId: Number(r.group_id),
    name: r.name,
    createdMs: Number(r.created_ms),
    firstEventMs: nullableNumber(r.first_event_ms),
    lastEventMs: nullableNumber(r.last_event_ms),
    lastIngestionMs: nullableNumber(r.last_ingestion_ms),
    lastSeq: Number(r.last_seq),
  };
}

/** Creates the stream; undefined when it already exists. */
export async function insertStream(q: Queryable, groupId: number, name: string, createdMs: number): Promise<number | undefined> {
  const r = await q.query<{ id: number }>(
    'INSERT INTO log_streams (group_id, name, created_ms) VALUES ($1, $2, $3) ON CONFLICT (group_id, name) DO NOTHING RETURNING id',
    [groupId, name, createdMs],
  );
  return r.rows[0] ? Number(r.rows[0].id) : undefined;
}

export async function findStream(q: Queryable, groupId: number, name: string): Promise<LogStreamRecord | undefined> {
  const r = await q.query<StreamRow>(`SELECT ${STREAM_COLUMNS} FROM log_streams s WHERE s.group_id = $1 AND s.name = $2`, [groupId, name]);
  return r.rows[0] ? toRecord(r.rows[0]) : undefined;
}

export interface LockedStream {
  streamId: number;
  groupId: number;
  retentionDays: number | null;
  lastSeq: number;
}

/**
 * Locks the stream row (by group and stream name) for the rest of the transaction. Writers to one
 * stream serialise here, which is what makes ingestion numbers commit in order per stream.
 */
export async function lockStream(tx: Queryable, scope: LogsScope, group: string, stream: string): Promise<LockedStream | undefined> {
  const r = await tx.query<{ id: number; group_id: number; retention_days: number | null; last_seq: number }>(
    `SELECT s.id, s.group_id, g.retention_days, s.last_seq FROM log_streams s JOIN log_groups g ON g.id = s.group_id
     WHERE g.account_id = $1 AND g.region = $2 AND g.name = $3 AND s.name = $4 FOR UPDATE OF s`,
    [scope.accountId, scope.region, group, stream],
  );
  const row = r.rows[0];
  return row ? { streamId: Number(row.id), groupId: Number(row.group_id), retentionDays: nullableNumber(row.retention_days), lastSeq: Number(row.last_seq) } : undefined;
}

export async function deleteStreamRow(tx: Queryable, id: number): Promise<void> {
  await tx.query('DELETE FROM log_streams WHERE id = $1', [id]);
}

export interface WriteSummary {
  firstTs: number;
  lastTs: number;
  ingestedMs: number;
  lastSeq: number;
  bytes: number;
}

/** Folds one committed batch into the stream's metadata (same transaction as the insert). */
export async function recordWrite(tx: Queryable, streamId: number, w: WriteSummary): Promise<void> {
  await tx.query(
    `UPDATE log_streams SET
       first_event_ms = LEAST(COALESCE(first_event_ms, $2), $2),
       last_event_ms = GREATEST(COALESCE(last_event_ms, $3), $3),
       last_ingestion_ms = GREATEST(COALESCE(last_ingestion_ms, $4), $4),
       last_seq = GREATEST(last_seq, $5),
       stored_bytes = stored_bytes + $6
     WHERE id = $1`,
    [streamId, w.firstTs, w.lastTs, w.ingestedMs, w.lastSeq, w.bytes],
  );
}

export type StreamOrder = 'LogStreamName' | 'LastEventTime';

export interface StreamListing {
  prefix?: string;
  orderBy: StreamOrder;
  descending: boolean;
  /** Keyset cursor: the sort value (name, or last event time with 0 for none) and name of the last row. */
  after?: { time: number; name: string };
  limit: number;
}

/** One page of a group's streams. LastEventTime orders streams without events as time 0. */
export async function listStreams(q: Queryable, groupId: number, l: StreamListing): Promise<LogStreamRecord[]> {
  const params: unknown[] = [groupId];
  const where = ['s.group_id = $1'];
  const cmp = l.descending ? '<' : '>';
  const dir = l.descending ? 'DESC' : 'ASC';
  if (l.prefix !== undefined && l.prefix !== '') {
    params.push(l.prefix);
    where.push(`starts_with(s.name, $${params.length})`);
  }
  let order: string;
  if (l.orderBy === 'LogStreamName') {
    if (l.after) {
      params.push(l.after.name);
      where.push(`s.name ${cmp} $${params.length}`);
    }
    order = `s.name ${dir}`;
  } else {
    if (l.after) {
      params.push(l.after.time, l.after.name);
      where.push(`(COALESCE(s.last_event_ms, 0), s.name) ${cmp} ($${params.length - 1}, $${params.length})`);
    }
    order = `COALESCE(s.last_event_ms, 0) ${dir}, s.name ${dir}`;
  }
  params.push(l.limit);
  const r = await q.query<StreamRow>(`SELECT ${STREAM_COLUMNS} FROM log_streams s WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT $${params.length}`, params);
  return r.rows.map(toRecord);
}
