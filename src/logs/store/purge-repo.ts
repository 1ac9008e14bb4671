import type { Queryable } from '../../store/index.js';

/**
 * The purge queue (log_purges): streams whose metadata is gone and whose events a background task
 * deletes in bounded batches, so deleting a 1 GB stream is one small transaction for the caller.
 */

/** Queues every stream of the group (call with the group row locked). */
export async function queueGroupPurge(tx: Queryable, groupId: number, nowMs: number): Promise<void> {
  await tx.query('INSERT INTO log_purges (stream_id, queued_ms) SELECT id, $2 FROM log_streams WHERE group_id = $1 ON CONFLICT DO NOTHING', [groupId, nowMs]);
}

export async function queueStreamPurge(tx: Queryable, streamId: number, nowMs: number): Promise<void> {
  await tx.query('INSERT INTO log_purges (stream_id, queued_ms) VALUES ($1, $2) ON CONFLICT DO NOTHING', [streamId, nowMs]);
}

export async function queuedPurges(q: Queryable, limit: number): Promise<number[]> {
  const r = await q.query<{ stream_id: number }>('SELECT stream_id FROM log_purges ORDER BY queued_ms, stream_id LIMIT $1', [limit]);
  return r.rows.map((row) => Number(row.stream_id));
}

/** Deletes up to `batch` events of a purged stream; returns how many. */
export async function purgeStreamEvents(q: Queryable, streamId: number, batch: number): Promise<number> {
  const r = await q.query(
    'DELETE FROM log_events WHERE (stream_id, ts, seq) IN (SELECT stream_id, ts, seq FROM log_events WHERE stream_id = $1 LIMIT $2)',
    [streamId, batch],
  );
  return r.rowCount;
}

export async function forgetPurge(q: Queryable, streamId: number): Promise<void> {
  await q.query('DELETE FROM log_purges WHERE stream_id = $1', [streamId]);
}
