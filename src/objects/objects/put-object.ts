import { requireBucket } from '../buckets/get-bucket.js';
import { ingest, type BodyExpectations } from '../integrity/ingest.js';
import { assertObjectKey } from '../names.js';
import { findLatest, lockKey } from '../store/version-repo.js';
import { s3Now, type Bucket, type ObjectAttributes, type ObjectVersion, type ObjectsDeps } from '../types.js';
import { discardBlobAfter } from './discard-blob.js';
import { announceCreated } from './announce-created.js';
import { installVersion } from './install-version.js';
import { checkWriteConditions, type WriteConditions } from './preconditions.js';

/** S3's largest single PUT. */
export const MAX_PUT_BYTES = 5 * 1024 ** 3;

export interface PutObjectInput {
  bucket: string;
  key: string;
  body: AsyncIterable<Uint8Array>;
  attributes: ObjectAttributes;
  expect: Omit<BodyExpectations, 'maxBytes'>;
  conditions?: WriteConditions;
}

/**
 * Stores the body as a durable blob first, then makes it the latest version in one transaction.
 * A crash before the commit leaves the old version visible and an orphan blob for the sweep; a
 * failed commit deletes the blob at once.
 */
export async function putObject(deps: ObjectsDeps, input: PutObjectInput): Promise<ObjectVersion> {
  assertObjectKey(input.key);
  await requireBucket(deps.db, input.bucket);
  const { blob, checksum } = await ingest(deps, input.body, { ...input.expect, maxBytes: MAX_PUT_BYTES });
  let created: readonly [Bucket, ObjectVersion];
  try {
    created = await deps.db.transaction(async (tx) => {
      const bucket = await requireBucket(tx, input.bucket, 'share');
      await lockKey(tx, input.bucket, input.key);
      if (input.conditions) checkWriteConditions(input.key, await findLatest(tx, input.bucket, input.key), input.conditions);
      const now = s3Now(deps.clock);
      return [bucket, await installVersion(tx, bucket, input.key, {
        ...input.attributes,
        isDeleteMarker: false,
        blobId: blob.id,
        size: blob.size,
        etag: blob.md5,
        md5: blob.md5,
        lastModified: now,
        checksum,
        parts: null,
      }, now)] as const;
    });
  } catch (err) {
    await discardBlobAfter(err, deps.blobs, blob.id);
    throw err;
  }
  await announceCreated(deps, created[0], created[1]);
  return created[1];
}
