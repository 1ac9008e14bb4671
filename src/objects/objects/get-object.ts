import { requireBucket } from '../buckets/get-bucket.js';
import { noSuchKey, objectsError } from '../errors.js';
import { findLatest, findVersion } from '../store/version-repo.js';
import type { Queryable } from '../../store/index.js';
import type { Bucket, ObjectVersion } from '../types.js';

export interface ObjectRef {
  bucket: string;
  key: string;
  versionId?: string;
}

/**
 * Resolves the version a GET/HEAD addresses. A current delete marker is NoSuchKey (details tell
 * the marker's id, for the x-amz-delete-marker header); addressing a delete marker by version id
 * is MethodNotAllowed, as in S3.
 */
export async function resolveObject(q: Queryable, ref: ObjectRef): Promise<{ bucket: Bucket; version: ObjectVersion }> {
  const bucket = await requireBucket(q, ref.bucket);
  if (ref.versionId !== undefined) {
    const v = await findVersion(q, ref.bucket, ref.key, ref.versionId);
    if (!v) {
      throw objectsError('NoSuchVersion', 'The specified version does not exist.', { Key: ref.key, VersionId: ref.versionId });
    }
    if (v.isDeleteMarker) {
      throw objectsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
        Method: 'GET', ResourceType: 'DeleteMarker', deleteMarker: true, versionId: v.versionId, lastModified: v.lastModified,
      });
    }
    return { bucket, version: v };
  }
  const v = await findLatest(q, ref.bucket, ref.key);
  if (!v) throw noSuchKey(ref.key);
  if (v.isDeleteMarker) throw noSuchKey(ref.key, { deleteMarker: true, versionId: v.versionId, lastModified: v.lastModified });
  return { bucket, version: v };
}
