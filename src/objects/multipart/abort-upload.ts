import { requireBucket } from '../buckets/get-bucket.js';
import { noSuchUpload } from '../errors.js';
import { releaseBlobs } from '../store/garbage-repo.js';
import { deleteUpload, findUpload } from '../store/upload-repo.js';
import type { ObjectsDeps } from '../types.js';

/** Drops an upload and releases its parts. */
export async function abortMultipartUpload(deps: ObjectsDeps, t: { bucket: string; key: string; uploadId: string }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await requireBucket(tx, t.bucket, 'share');
    const upload = await findUpload(tx, t.bucket, t.key, t.uploadId, 'update');
    if (!upload) throw noSuchUpload(t.uploadId);
    await releaseBlobs(tx, await deleteUpload(tx, t.uploadId), deps.clock.now());
  });
}
