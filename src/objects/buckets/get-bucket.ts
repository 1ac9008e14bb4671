import type { Queryable } from '../../store/index.js';
import { noSuchBucket } from '../errors.js';
import { findBucket, listBucketRows } from '../store/bucket-repo.js';
import type { Bucket, ObjectsDeps } from '../types.js';

/** The bucket, or NoSuchBucket. */
export async function getBucket(deps: Pick<ObjectsDeps, 'db'>, name: string): Promise<Bucket> {
  return requireBucket(deps.db, name);
}

export async function requireBucket(q: Queryable, name: string, lock?: 'share' | 'update'): Promise<Bucket> {
  const bucket = await findBucket(q, name, lock);
  if (!bucket) throw noSuchBucket(name);
  return bucket;
}

export async function listBuckets(deps: Pick<ObjectsDeps, 'db'>, ownerAccount: string): Promise<Bucket[]> {
  return listBucketRows(deps.db, ownerAccount);
}
