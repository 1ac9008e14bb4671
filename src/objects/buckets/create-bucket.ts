import { objectsError } from '../errors.js';
import { assertBucketName } from '../names.js';
import { findBucket, insertBucket } from '../store/bucket-repo.js';
import type { Bucket, ObjectsDeps } from '../types.js';

export interface CreateBucketInput {
  name: string;
  /** Region of the endpoint the request was sent to (its SigV4 scope). */
  requestRegion: string;
  /** LocationConstraint from the body, if any. */
  locationConstraint?: string;
  ownerAccount: string;
}

/**
 * Creates a bucket in the region S3 would: the LocationConstraint, else us-east-1. Like S3, the
 * us-east-1 (global) endpoint accepts any constraint, a regional endpoint only its own region, and
 * an explicit "us-east-1" constraint is refused. Re-creating a bucket you own is
 * BucketAlreadyOwnedByYou, except in us-east-1 where S3 answers 200 for legacy compatibility
 * (`created: false`).
 */
export async function createBucket(deps: ObjectsDeps, input: CreateBucketInput): Promise<{ bucket: Bucket; created: boolean }> {
  assertBucketName(input.name);
  const lc = input.locationConstraint;
  if (lc === 'us-east-1') {
    throw objectsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', { LocationConstraint: lc });
  }
  const region = lc === undefined || lc === '' ? 'us-east-1' : lc === 'EU' ? 'eu-west-1' : lc;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw objectsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', { LocationConstraint: lc ?? '' });
  }
  if (input.requestRegion !== 'us-east-1' && input.requestRegion !== region) {
    const what = lc === undefined || lc === '' ? 'unspecified location constraint' : `${lc} location constraint`;
    throw objectsError(
      'IllegalLocationConstraintException',
      `The ${what} is incompatible for the region specific endpoint this request was sent to.`,
    );
  }
  const bucket: Bucket = { name: input.name, region, ownerAccount: input.ownerAccount, createdAt: deps.clock.now(), versioning: 'Unversioned' };
  return deps.db.transaction(async (tx) => {
    if (await insertBucket(tx, bucket)) return { bucket, created: true };
    const existing = await findBucket(tx, input.name);
    if (!existing) throw objectsError('InvalidRequest', 'The bucket is being deleted; try again.', { BucketName: input.name });
    if (existing.ownerAccount !== input.ownerAccount) {
      throw objectsError(
        'BucketAlreadyExists',
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
        { BucketName: input.name },
      );
    }
    if (existing.region === 'us-east-1' && input.requestRegion === 'us-east-1' && region === 'us-east-1') {
      return { bucket: existing, created: false };
    }
    throw objectsError(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      { BucketName: input.name },
    );
  });
}
