import type { Queryable } from '../../store/index.js';
import { prefixSuccessor } from '../listing/successor.js';
import type { ObjectVersion, Upload } from '../types.js';
import { UPLOAD_COLUMNS, VERSION_COLUMNS, toUpload, toVersion, type UploadRow, type VersionRow } from './rows.js';

/** Candidate queries of the lifecycle enforcer; each result is re-checked under locks before acting. */
function prefixClause(prefix: string, params: unknown[], column = 'key'): string {
  if (prefix === '') return '';
  params.push(prefix);
  let sql = ` AND ${column} >= $${params.length}`;
  const succ = prefixSuccessor(prefix);
  if (succ !== undefined) {
    params.push(succ);
    sql += ` AND ${column} < $${params.length}`;
  }
  return sql;
}

/** Current objects (not delete markers) last modified at or before `cutoff`. */
export async function currentObjectsBefore(q: Queryable, bucket: string, prefix: string, cutoff: Date | null, limit: number): Promise<ObjectVersion[]> {
  const params: unknown[] = [bucket];
  let where = 'bucket = $1 AND is_latest AND NOT is_delete_marker';
  if (cutoff) {
    params.push(cutoff);
    where += ` AND last_modified <= $${params.length}`;
  }
  where += prefixClause(prefix, params);
  params.push(limit);
  const r = await q.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM s3_versions WHERE ${where} ORDER BY key LIMIT $${params.length}`, params);
  return r.rows.map(toVersion);
}

/**
 * Noncurrent versions that became noncurrent (= their successor was created) at or before
 * `cutoff`, and that have more than `keepNewer` newer noncurrent versions.
 */
export async function noncurrentVersionsBefore(
  q: Queryable, bucket: string, prefix: string, cutoff: Date, keepNewer: number, limit: number,
): Promise<ObjectVersion[]> {
  const params: unknown[] = [bucket];
  const where = 'bucket = $1' + prefixClause(prefix, params);
  params.push(cutoff, keepNewer, limit);
  const n = params.length;
  const r = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM (
       SELECT v.*, lag(last_modified) OVER w AS noncurrent_since, row_number() OVER w AS pos
       FROM s3_versions v WHERE ${where}
       WINDOW w AS (PARTITION BY key ORDER BY seq DESC)
     ) x
     WHERE NOT is_latest AND noncurrent_since <= $${n - 2} AND pos - 2 >= $${n - 1}
     ORDER BY key, seq DESC LIMIT $${n}`,
    params,
  );
  return r.rows.map(toVersion);
}

/** Latest delete markers that are the only version left of their key. */
export async function loneDeleteMarkers(q: Queryable, bucket: string, prefix: string, limit: number): Promise<ObjectVersion[]> {
  const params: unknown[] = [bucket];
  const where = 'v.bucket = $1 AND v.is_latest AND v.is_delete_marker' + prefixClause(prefix, params, 'v.key');
  params.push(limit);
  const r = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS.split(', ').map((c) => `v.${c}`).join(', ')} FROM s3_versions v
     WHERE ${where} AND NOT EXISTS (SELECT 1 FROM s3_versions o WHERE o.bucket = v.bucket AND o.key = v.key AND o.seq <> v.seq)
     ORDER BY v.key LIMIT $${params.length}`,
    params,
  );
  return r.rows.map(toVersion);
}

export async function uploadsInitiatedBefore(q: Queryable, bucket: string, prefix: string, cutoff: Date, limit: number): Promise<Upload[]> {
  const r = await q.query<UploadRow>(
    `SELECT ${UPLOAD_COLUMNS} FROM s3_uploads WHERE bucket = $1 AND starts_with(key, $2) AND initiated_at <= $3
     ORDER BY initiated_at LIMIT $4`,
    [bucket, prefix, cutoff, limit],
  );
  return r.rows.map(toUpload);
}
