import { requireBucket } from '../buckets/get-bucket.js';
import { objectsError } from '../errors.js';
import { getLifecycleRules, setLifecycleRules } from '../store/bucket-repo.js';
import type { ObjectsDeps } from '../types.js';
import type { LifecycleRule } from './types.js';
import { validateLifecycle } from './validate.js';

export async function putBucketLifecycle(deps: ObjectsDeps, bucket: string, rules: LifecycleRule[]): Promise<void> {
  validateLifecycle(rules);
  await deps.db.transaction(async (tx) => {
    await requireBucket(tx, bucket, 'update');
    await setLifecycleRules(tx, bucket, rules);
  });
}

export async function getBucketLifecycle(deps: ObjectsDeps, bucket: string): Promise<LifecycleRule[]> {
  await requireBucket(deps.db, bucket);
  const rules = await getLifecycleRules(deps.db, bucket);
  if (!rules) {
    throw objectsError('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', { BucketName: bucket });
  }
  return rules;
}

export async function deleteBucketLifecycle(deps: ObjectsDeps, bucket: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await requireBucket(tx, bucket, 'update');
    await setLifecycleRules(tx, bucket, null);
  });
}
