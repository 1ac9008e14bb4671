import type { Queryable } from '../../store/index.js';
import type { Bucket, VersioningStatus } from '../types.js';
import type { LifecycleRule } from '../lifecycle/types.js';
import { BUCKET_COLUMNS, toBucket, type BucketRow } from './rows.js';

/**
 * Lock modes: 'share' for writers of objects in the bucket (they must not race a DeleteBucket),
 * 'update' for DeleteBucket and configuration changes.
 */
export async function findBucket(q: Queryable, name: string, lock?: 'share' | 'update'): Promise<Bucket | undefined> {
  const suffix = lock === 'share' ? ' FOR SHARE' : lock === 'update' ? ' FOR UPDATE' : '';
  const r = await q.query<BucketRow>(`SELECT ${BUCKET_COLUMNS} FROM s3_buckets WHERE name = $1${suffix}`, [name]);
  const row = r.rows[0];
  return row ? toBucket(row) : undefined;
}

/** Inserts the bucket; false when the name is taken. */
export async function insertBucket(q: Queryable, b: Bucket): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO s3_buckets (name, region, owner_account, created_at, versioning) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (name) DO NOTHING`,
    [b.name, b.region, b.ownerAccount, b.createdAt, b.versioning],
  );
  return r.rowCount > 0;
}

export async function deleteBucketRow(q: Queryable, name: string): Promise<void> {
  await q.query('DELETE FROM s3_buckets WHERE name = $1', [name]);
}

export async function listBucketRows(q: Queryable, owner: string): Promise<Bucket[]> {
  const r = await q.query<BucketRow>(`SELECT ${BUCKET_COLUMNS} FROM s3_buckets WHERE owner_account = $1 ORDER BY name`, [owner]);
  return r.rows.map(toBucket);
}

export async function setVersioning(q: Queryable, name: string, status: VersioningStatus): Promise<void> {
  await q.query('UPDATE s3_buckets SET versioning = $2 WHERE name = $1', [name, status]);
}

export async function getLifecycleRules(q: Queryable, name: string): Promise<LifecycleRule[] | null> {
  const r = await q.query<{ lifecycle: LifecycleRule[] | null }>('SELECT lifecycle FROM s3_buckets WHERE name = $1', [name]);
  return r.rows[0]?.lifecycle ?? null;
}

export async function setLifecycleRules(q: Queryable, name: string, rules: LifecycleRule[] | null): Promise<void> {
  await q.query('UPDATE s3_buckets SET lifecycle = $2::jsonb WHERE name = $1', [name, rules === null ? null : JSON.stringify(rules)]);
}

export async function bucketsWithLifecycle(q: Queryable): Promise<{ name: string; versioning: VersioningStatus; rules: LifecycleRule[] }[]> {
  const r = await q.query<{ name: string; versioning: VersioningStatus; lifecycle: LifecycleRule[] }>(
    'SELECT name, versioning, lifecycle FROM s3_buckets WHERE lifecycle IS NOT NULL ORDER BY name',
  );
  return r.rows.map((x) => ({ name: x.name, versioning: x.versioning, rules: x.lifecycle }));
}
