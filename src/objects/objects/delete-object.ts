import type { Queryable } from '../../store/index.js';
import { requireBucket } from '../buckets/get-bucket.js';
import { assertObjectKey } from '../names.js';
import { releaseBlobs } from '../store/garbage-repo.js';
import { deleteVersionRow, findLatest, findVersion, lockKey, promoteNewest } from '../store/version-repo.js';
import { s3Now, type Bucket, type ObjectsDeps } from '../types.js';
import { installVersion } from './install-version.js';

export interface DeleteOutcome {
  /** The version removed, or the id of the delete marker created; undefined in unversioned buckets. */
  versionId?: string;
  /** True when a delete marker was created, or the version removed was a delete marker. */
  deleteMarker: boolean;
}

/**
 * DeleteObject as S3 does it. Without a version id: unversioned buckets remove the object;
 * versioned buckets add a delete marker (Suspended: the "null" marker, replacing the null
 * version), even when the key has no object. With a version id: that version is removed for
 * good, and if it was the latest the next newest becomes latest. Deleting what does not exist
 * succeeds.
 */
export async function deleteObject(deps: ObjectsDeps, ref: { bucket: string; key: string; versionId?: string }): Promise<DeleteOutcome> {
  assertObjectKey(ref.key);
  return deps.db.transaction(async (tx) => {
    const bucket = await requireBucket(tx, ref.bucket, 'share');
    await lockKey(tx, ref.bucket, ref.key);
    return deleteLocked(tx, bucket, ref.key, ref.versionId, s3Now(deps.clock));
  });
}

/** The body of deleteObject, for callers that already hold the bucket and key locks (lifecycle). */
export async function deleteLocked(tx: Queryable, bucket: Bucket, key: string, versionId: string | undefined, now: Date): Promise<DeleteOutcome> {
  if (versionId !== undefined) {
    const v = await findVersion(tx, bucket.name, key, versionId);
    if (!v) return { versionId, deleteMarker: false };
    await releaseBlobs(tx, [await deleteVersionRow(tx, v.seq)], now);
    if (v.isLatest) await promoteNewest(tx, bucket.name, key);
    return { versionId, deleteMarker: v.isDeleteMarker };
  }
  if (bucket.versioning === 'Unversioned') {
    const latest = await findLatest(tx, bucket.name, key);
    if (latest) await releaseBlobs(tx, [await deleteVersionRow(tx, latest.seq)], now);
    return { deleteMarker: false };
  }
  const marker = await installVersion(tx, bucket, key, {
    headers: {}, meta: {}, tags: [], storageClass: 'STANDARD',
    isDeleteMarker: true, blobId: null, size: 0, etag: '', md5: null, lastModified: now, checksum: null, parts: null,
  }, now);
  return { versionId: marker.versionId, deleteMarker: true };
}
