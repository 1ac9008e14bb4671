import { randomToken } from '../../shared/index.js';
import { requireBucket } from '../buckets/get-bucket.js';
import { assertObjectKey } from '../names.js';
import { insertUpload } from '../store/upload-repo.js';
import type { ChecksumAlgorithm, ObjectAttributes, ObjectsDeps, Upload } from '../types.js';

export interface CreateUploadInput {
  bucket: string;
  key: string;
  attributes: ObjectAttributes;
  checksumAlgorithm: ChecksumAlgorithm | null;
}

/** Starts a multipart upload; the object's metadata is fixed now and applied at completion. */
export async function createMultipartUpload(deps: ObjectsDeps, input: CreateUploadInput): Promise<Upload> {
  assertObjectKey(input.key);
  const upload: Upload = {
    ...input.attributes,
    uploadId: randomToken(36),
    bucket: input.bucket,
    key: input.key,
    initiatedAt: deps.clock.now(),
    checksumAlgorithm: input.checksumAlgorithm,
  };
  await deps.db.transaction(async (tx) => {
    await requireBucket(tx, input.bucket, 'share');
    await insertUpload(tx, upload);
  });
  return upload;
}
