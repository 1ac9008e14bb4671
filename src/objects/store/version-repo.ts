import type { Queryable } from '../../store/index.js';
import type { ObjectVersion, StoredChecksum, ObjectAttributes } from '../types.js';
import { prefixSuccessor } from '../listing/successor.js';
import { VERSION_COLUMNS, toVersion, type VersionRow } from './rows.js';

/**
 * Serialises writers of one key across transactions and replicas (a transaction-scoped advisory
 * lock: no row needs to exist yet). Bucket names cannot contain '/', so `bucket/key` is unique.
 */
export async function lockKey(q: Queryable, bucket: string, key: string): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`s3:${bucket}/${key}`]);
}

export async function findLatest(q: Queryable, bucket: string, key: string): Promise<ObjectVersion | undefined> {
  const r = await q.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM s3_versions WHERE bucket = $1 AND key = $2 AND is_latest`, [bucket, key]);
  const row = r.rows[0];
  return row ? toVersion(row) : undefined;
}

export async function findVersion(q: Queryable, bucket: string, key: string, versionId: string): Promise<ObjectVersion | undefined> {
  const r = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM s3_versions WHERE bucket = $1 AND key = $2 AND version_id = $3`,
    [bucket, key, versionId],
  );
  const row = r.rows[0];
  return row ? toVersion(row) : undefined;
}

export interface NewVersion extends ObjectAttributes {
  bucket: string;
  key: string;
  versionId: string;
  isDeleteMarker: boolean;
  blobId: string | null;
  size: number;
  etag: string;
  md5: string | null;
  lastModified: Date;
  checksum: StoredChecksum | null;
  parts: number[] | null;
}

/** Inserts a version as the latest one; the caller has cleared the previous latest flag. */
export async function insertLatest(q: Queryable, v: NewVersion): Promise<ObjectVersion> {
  const r = await q.query<VersionRow>(
    `INSERT INTO s3_versions (bucket, key, version_id, is_latest, is_delete_marker, blob_id, size, etag, md5, last_modified,
       storage_class, headers, meta, tags, checksum, parts)
     VALUES ($1, $2, $3, true, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14::jsonb, $15::jsonb)
     RETURNING ${VERSION_COLUMNS}`,
    [
      v.bucket, v.key, v.versionId, v.isDeleteMarker, v.blobId, v.size, v.etag, v.md5, v.lastModified, v.storageClass,
      JSON.stringify(v.headers), JSON.stringify(v.meta), JSON.stringify(v.tags),
      v.checksum === null ? null : JSON.stringify(v.checksum), v.parts === null ? null : JSON.stringify(v.parts),
    ],
  );
  return toVersion(r.rows[0] as VersionRow);
}

export async function clearLatest(q: Queryable, bucket: string, key: string): Promise<void> {
  await q.query('UPDATE s3_versions SET is_latest = false WHERE bucket = $1 AND key = $2 AND is_latest', [bucket, key]);
}

/** Removes one version row; returns the blob it referenced (now garbage). */
export async function deleteVersionRow(q: Queryable, seq: number): Promise<string | null> {
  const r = await q.query<{ blob_id: string | null }>('DELETE FROM s3_versions WHERE seq = $1 RETURNING blob_id', [seq]);
  return r.rows[0]?.blob_id ?? null;
}

/** Makes the newest remaining version of the key the latest one (after the latest was deleted). */
export async function promoteNewest(q: Queryable, bucket: string, key: string): Promise<void> {
  await q.query(
    `UPDATE s3_versions SET is_latest = true
     WHERE seq = (SELECT max(seq) FROM s3_versions WHERE bucket = $1 AND key = $2)
       AND NOT EXISTS (SELECT 1 FROM s3_versions WHERE bucket = $1 AND key = $2 AND is_latest)`,
    [bucket, key],
  );
}

export async function bucketHasVersions(q: Queryable, bucket: string): Promise<boolean> {
  const r = await q.query('SELECT 1 FROM s3_versions WHERE bucket = $1 LIMIT 1', [bucket]);
  return r.rows.length > 0;
}

export async function countVersionsOfKey(q: Queryable, bucket: string, key: string): Promise<number> {
  const r = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM s3_versions WHERE bucket = $1 AND key = $2', [bucket, key]);
  return Number(r.rows[0]?.n ?? 0);
}

export async function updateTags(q: Queryable, seq: number, tags: ObjectAttributes['tags']): Promise<void> {
  await q.query('UPDATE s3_versions SET tags = $2::jsonb WHERE seq = $1', [seq, JSON.stringify(tags)]);
}

/** `key >= prefix AND key < successor(prefix)`: the index range of keys that start with `prefix`. */
function prefixRange(prefix: string, first: number): { sql: string; params: string[] } {
  if (prefix === '') return { sql: '', params: [] };
  const succ = prefixSuccessor(prefix);
  if (succ === undefined) return { sql: ` AND key >= $${first}`, params: [prefix] };
  return { sql: ` AND key >= $${first} AND key < $${first + 1}`, params: [prefix, succ] };
}

/** Current (non-delete-marker) objects with key > `after` (or >= `from`), in key order. */
export async function listLatestRows(
  q: Queryable,
  bucket: string,
  prefix: string,
  start: { after?: string; from?: string },
  limit: number,
): Promise<ObjectVersion[]> {
  const params: unknown[] = [bucket];
  let where = 'bucket = $1 AND is_latest AND NOT is_delete_marker';
  if (start.after !== undefined) {
    params.push(start.after);
    where += ` AND key > $${params.length}`;
  }
  if (start.from !== undefined) {
    params.push(start.from);
    where += ` AND key >= $${params.length}`;
  }
  const range = prefixRange(prefix, params.length + 1);
  params.push(...range.params);
  params.push(limit);
  const r = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM s3_versions WHERE ${where}${range.sql} ORDER BY key LIMIT $${params.length}`,
    params,
  );
  return r.rows.map(toVersion);
}

/**
 * All versions in (key ASC, newest first) order, starting strictly after the position
 * (afterKey, afterSeq) — afterSeq undefined means after every version of afterKey — or at `fromKey`.
 */
export async function listVersionRows(
  q: Queryable,
  bucket: string,
  prefix: string,
  start: { afterKey?: string; afterSeq?: number; fromKey?: string },
  limit: number,
): Promise<ObjectVersion[]> {
  const params: unknown[] = [bucket];
  let where = 'bucket = $1';
  if (start.afterKey !== undefined) {
    params.push(start.afterKey);
    const k = `$${params.length}`;
    if (start.afterSeq !== undefined) {
      params.push(start.afterSeq);
      where += ` AND (key > ${k} OR (key = ${k} AND seq < $${params.length}))`;
    } else {
      where += ` AND key > ${k}`;
    }
  }
  if (start.fromKey !== undefined) {
    params.push(start.fromKey);
    where += ` AND key >= $${params.length}`;
  }
  const range = prefixRange(prefix, params.length + 1);
  params.push(...range.params);
  params.push(limit);
  const r = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM s3_versions WHERE ${where}${range.sql} ORDER BY key, seq DESC LIMIT $${params.length}`,
    params,
  );
  return r.rows.map(toVersion);
}
