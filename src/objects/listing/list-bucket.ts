import { requireBucket } from '../buckets/get-bucket.js';
import { objectsError } from '../errors.js';
import { findVersion } from '../store/version-repo.js';
import type { Bucket, ObjectsDeps } from '../types.js';
import { listCurrent, type ListCurrentInput, type ListPage } from './list-current.js';
import { listVersions, type VersionEntry } from './list-versions.js';

export async function listObjects(deps: Pick<ObjectsDeps, 'db'>, input: ListCurrentInput): Promise<ListPage & { bucket: Bucket }> {
  const bucket = await requireBucket(deps.db, input.bucket);
  return { bucket, ...(await listCurrent(deps.db, input)) };
}

export interface ListObjectVersionsInput {
  bucket: string;
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  keyMarker?: string;
  versionIdMarker?: string;
}

/**
 * ListObjectVersions. A VersionIdMarker needs a KeyMarker and must name an existing version of
 * that key (S3 answers InvalidArgument otherwise).
 */
export async function listObjectVersions(
  deps: Pick<ObjectsDeps, 'db'>, input: ListObjectVersionsInput,
): Promise<{ bucket: Bucket; entries: VersionEntry[]; isTruncated: boolean }> {
  const bucket = await requireBucket(deps.db, input.bucket);
  let afterSeq: number | undefined;
  if (input.versionIdMarker !== undefined && input.versionIdMarker !== '') {
    if (input.keyMarker === undefined || input.keyMarker === '') {
      throw objectsError('InvalidArgument', 'A version-id marker cannot be specified without a key marker.', {
        ArgumentName: 'version-id-marker', ArgumentValue: input.versionIdMarker,
      });
    }
    const v = await findVersion(deps.db, input.bucket, input.keyMarker, input.versionIdMarker);
    if (!v) {
      throw objectsError('InvalidArgument', 'Invalid version id specified', {
        ArgumentName: 'version-id-marker', ArgumentValue: input.versionIdMarker,
      });
    }
    afterSeq = v.seq;
  }
  const keyMarker = input.keyMarker === '' ? undefined : input.keyMarker;
  const page = await listVersions(deps.db, {
    bucket: input.bucket, prefix: input.prefix, maxKeys: input.maxKeys,
    ...(input.delimiter ? { delimiter: input.delimiter } : {}),
    ...(keyMarker !== undefined ? { keyMarker } : {}),
    ...(afterSeq !== undefined ? { afterSeq } : {}),
  });
  return { bucket, ...page };
}
