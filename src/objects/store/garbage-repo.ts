import type { Queryable } from '../../store/index.js';

/** Records blobs that the current transaction stopped referencing (see s3_garbage). */
export async function releaseBlobs(q: Queryable, blobIds: readonly (string | null | undefined)[], at: Date): Promise<void> {
  const ids = blobIds.filter((id): id is string => typeof id === 'string' && id.length > 0);
  if (ids.length === 0) return;
  await q.query(
    `INSERT INTO s3_garbage (blob_id, released_at) SELECT unnest($1::text[]), $2 ON CONFLICT (blob_id) DO NOTHING`,
    [ids, at],
  );
}

export async function dueGarbage(q: Queryable, releasedBefore: Date, limit: number): Promise<string[]> {
  const r = await q.query<{ blob_id: string }>(
    'SELECT blob_id FROM s3_garbage WHERE released_at < $1 ORDER BY released_at LIMIT $2',
    [releasedBefore, limit],
  );
  return r.rows.map((x) => x.blob_id);
}

export async function forgetGarbage(q: Queryable, blobId: string): Promise<void> {
  await q.query('DELETE FROM s3_garbage WHERE blob_id = $1', [blobId]);
}

/** Which of `ids` a version, a part or the garbage list still names (the sweep must keep those). */
export async function referencedBlobs(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const r = await q.query<{ id: string }>(
    `SELECT blob_id AS id FROM s3_versions WHERE blob_id = ANY($1::text[])
     UNION SELECT blob_id FROM s3_parts WHERE blob_id = ANY($1::text[])
     UNION SELECT blob_id FROM s3_garbage WHERE blob_id = ANY($1::text[])`,
    [ids],
  );
  return new Set(r.rows.map((x) => x.id));
}
