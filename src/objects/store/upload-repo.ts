import type { Queryable } from '../../store/index.js';
import type { Part, StoredChecksum, Upload } from '../types.js';
import { PART_COLUMNS, UPLOAD_COLUMNS, toPart, toUpload, type PartRow, type UploadRow } from './rows.js';

export async function insertUpload(q: Queryable, u: Upload): Promise<void> {
  await q.query(
    `INSERT INTO s3_uploads (upload_id, bucket, key, initiated_at, storage_class, headers, meta, tags, checksum_algorithm)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9)`,
    [u.uploadId, u.bucket, u.key, u.initiatedAt, u.storageClass, JSON.stringify(u.headers), JSON.stringify(u.meta),
      JSON.stringify(u.tags), u.checksumAlgorithm],
  );
}

/** 'share' lets parts upload in parallel; 'update' is for complete and abort. */
export async function findUpload(
  q: Queryable, bucket: string, key: string, uploadId: string, lock?: 'share' | 'update',
): Promise<Upload | undefined> {
  const suffix = lock === 'share' ? ' FOR SHARE' : lock === 'update' ? ' FOR UPDATE' : '';
  const r = await q.query<UploadRow>(
    `SELECT ${UPLOAD_COLUMNS} FROM s3_uploads WHERE upload_id = $1 AND bucket = $2 AND key = $3${suffix}`,
    [uploadId, bucket, key],
  );
  const row = r.rows[0];
  return row ? toUpload(row) : undefined;
}

/** Removes the upload and its parts; returns the part blobs (now garbage). */
export async function deleteUpload(q: Queryable, uploadId: string): Promise<string[]> {
  const parts = await q.query<{ blob_id: string }>('DELETE FROM s3_parts WHERE upload_id = $1 RETURNING blob_id', [uploadId]);
  await q.query('DELETE FROM s3_uploads WHERE upload_id = $1', [uploadId]);
  return parts.rows.map((r) => r.blob_id);
}

/** Upserts a part; returns the blob of the part it replaced, if any. */
export async function putPart(
  q: Queryable, uploadId: string, p: Part,
): Promise<string | undefined> {
  // Serialises two uploads of the same part number so the replaced blob is always released.
  await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`s3part:${uploadId}/${p.partNumber}`]);
  const old = await q.query<{ blob_id: string }>(
    'SELECT blob_id FROM s3_parts WHERE upload_id = $1 AND part_number = $2 FOR UPDATE',
    [uploadId, p.partNumber],
  );
  await q.query(
    `INSERT INTO s3_parts (upload_id, part_number, blob_id, size, etag, md5, last_modified, checksum)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
     ON CONFLICT (upload_id, part_number) DO UPDATE SET blob_id = EXCLUDED.blob_id, size = EXCLUDED.size,
       etag = EXCLUDED.etag, md5 = EXCLUDED.md5, last_modified = EXCLUDED.last_modified, checksum = EXCLUDED.checksum`,
    [uploadId, p.partNumber, p.blobId, p.size, p.etag, p.md5, p.lastModified, checksumJson(p.checksum)],
  );
  return old.rows[0]?.blob_id;
}

function checksumJson(c: StoredChecksum | null): string | null {
  return c === null ? null : JSON.stringify(c);
}

export async function listPartRows(q: Queryable, uploadId: string, afterPart: number, limit: number): Promise<Part[]> {
  const r = await q.query<PartRow>(
    `SELECT ${PART_COLUMNS} FROM s3_parts WHERE upload_id = $1 AND part_number > $2 ORDER BY part_number LIMIT $3`,
    [uploadId, afterPart, limit],
  );
  return r.rows.map(toPart);
}

export async function allParts(q: Queryable, uploadId: string): Promise<Part[]> {
  return listPartRows(q, uploadId, 0, 100_000);
}

/** Uploads of the bucket in (key, initiated, upload id) order, starting after the given markers. */
export async function listUploadRows(
  q: Queryable, bucket: string, prefix: string, keyMarker: string | undefined, uploadIdMarker: string | undefined, limit: number,
): Promise<Upload[]> {
  const params: unknown[] = [bucket, prefix];
  let where = 'bucket = $1 AND starts_with(key, $2)';
  if (keyMarker !== undefined) {
    params.push(keyMarker);
    const k = `$${params.length}`;
    if (uploadIdMarker !== undefined) {
      params.push(uploadIdMarker);
      const u = `$${params.length}`;
      where += ` AND (key > ${k} OR (key = ${k} AND (initiated_at, upload_id) >
        (SELECT initiated_at, upload_id FROM s3_uploads WHERE upload_id = ${u})))`;
    } else {
      where += ` AND key > ${k}`;
    }
  }
  params.push(limit);
  const r = await q.query<UploadRow>(
    `SELECT ${UPLOAD_COLUMNS} FROM s3_uploads WHERE ${where} ORDER BY key, initiated_at, upload_id LIMIT $${params.length}`,
    params,
  );
  return r.rows.map(toUpload);
}

export async function uploadsOfBucket(q: Queryable, bucket: string): Promise<string[]> {
  const r = await q.query<{ upload_id: string }>('SELECT upload_id FROM s3_uploads WHERE bucket = $1', [bucket]);
  return r.rows.map((x) => x.upload_id);
}
