import { noSuchBucket, objectsError } from '../errors.js';
import { deleteBucketRow, findBucket } from '../store/bucket-repo.js';
import { releaseBlobs } from '../store/garbage-repo.js';
import { deleteUpload, uploadsOfBucket } from '../store/upload-repo.js';
import { bucketHasVersions } from '../store/version-repo.js';
import type { ObjectsDeps } from '../types.js';

/**
 * Deletes an empty bucket (no object versions and no delete markers). Multipart uploads still in
 * progress are aborted with it, their part blobs released.
 */
export async function deleteBucket(deps: ObjectsDeps, name: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const bucket = await findBucket(tx, name, 'update');
    if (!bucket) throw noSuchBucket(name);
    if (await bucketHasVersions(tx, name)) {
      throw objectsError('BucketNotEmpty', 'The bucket you tried to delete is not empty', { BucketName: name });
    }
    const released: string[] = [];
    for (const uploadId of await uploadsOfBucket(tx, name)) released.push(...(await deleteUpload(tx, uploadId)));
    await releaseBlobs(tx, released, deps.clock.now());
    await deleteBucketRow(tx, name);
  });
}
