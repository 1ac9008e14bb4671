import { isAppError } from '../../shared/index.js';
import { requireBucket } from '../buckets/get-bucket.js';
import { objectsError } from '../errors.js';
import { assertObjectKey } from '../names.js';
import { evaluateReadConditions, type ReadConditions } from '../read/conditions.js';
import { findLatest, lockKey } from '../store/version-repo.js';
import { CONTENT_HEADERS, s3Now, type Bucket, type ObjectAttributes, type ObjectVersion, type ObjectsDeps } from '../types.js';
import { discardBlobAfter } from './discard-blob.js';
import { resolveObject, type ObjectRef } from './get-object.js';
import { installVersion } from './install-version.js';
import { announceCreated } from './announce-created.js';
import { checkWriteConditions, type WriteConditions } from './preconditions.js';

export interface CopyObjectInput {
  source: ObjectRef;
  bucket: string;
  key: string;
  metadataDirective: 'COPY' | 'REPLACE';
  taggingDirective: 'COPY' | 'REPLACE';
  /** What the request itself specified (used per directive). */
  attributes: ObjectAttributes;
  /** True when the request changes storage class, encryption or website redirect. */
  changesAttributes: boolean;
  sourceConditions: ReadConditions;
  conditions?: WriteConditions;
}

export interface CopyObjectResult {
  version: ObjectVersion;
  destination: Bucket;
  source: ObjectVersion;
  sourceBucket: Bucket;
}

/** Resolves a copy source; a delete marker named by version id is InvalidRequest, as in S3. */
export async function resolveCopySource(deps: ObjectsDeps, source: ObjectRef): Promise<{ bucket: Bucket; version: ObjectVersion }> {
  try {
    return await resolveObject(deps.db, source);
  } catch (err) {
    if (isAppError(err) && err.code === 'MethodNotAllowed') {
      throw objectsError('InvalidRequest', 'The source of a copy request may not specifically refer to a delete marker by version id.');
    }
    throw err;
  }
}

/**
 * Server-side copy: the destination gets its own blob (a copy-on-write clone where the filesystem
 * can), so deleting either object never affects the other. Copying an object onto itself is
 * refused unless something changes (REPLACE metadata, storage class, encryption), as in S3.
 */
export async function copyObject(deps: ObjectsDeps, input: CopyObjectInput): Promise<CopyObjectResult> {
  assertObjectKey(input.key);
  const { bucket: sourceBucket, version: src } = await resolveCopySource(deps, input.source);
  evaluateReadConditions(input.sourceConditions, src.etag, src.lastModified, true);
  const sameObject = input.source.bucket === input.bucket && input.source.key === input.key
    && (input.source.versionId === undefined || input.source.versionId === src.versionId) && src.isLatest;
  if (sameObject && input.metadataDirective === 'COPY' && !input.changesAttributes) {
    throw objectsError(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  await requireBucket(deps.db, input.bucket);
  const blobId = await deps.blobs.clone(src.blobId as string);
  try {
    const version = await deps.db.transaction(async (tx) => {
      const bucket = await requireBucket(tx, input.bucket, 'share');
      await lockKey(tx, input.bucket, input.key);
      if (input.conditions) checkWriteConditions(input.key, await findLatest(tx, input.bucket, input.key), input.conditions);
      const now = s3Now(deps.clock);
      return installVersion(tx, bucket, input.key, {
        ...copiedAttributes(src, input),
        isDeleteMarker: false,
        blobId,
        size: src.size,
        etag: src.md5 ?? src.etag,
        md5: src.md5,
        lastModified: now,
        checksum: src.checksum?.type === 'FULL_OBJECT' ? src.checksum : null,
        parts: null,
      }, now);
    });
    const destination = await requireBucket(deps.db, input.bucket);
    await announceCreated(deps, destination, version);
    return { version, destination, source: src, sourceBucket };
  } catch (err) {
    await discardBlobAfter(err, deps.blobs, blobId);
    throw err;
  }
}

function copiedAttributes(src: ObjectVersion, input: CopyObjectInput): ObjectAttributes {
  const req = input.attributes;
  const headers: Record<string, string> = {};
  const contentFrom = input.metadataDirective === 'COPY' ? src.headers : req.headers;
  for (const [k, v] of Object.entries(contentFrom)) if (CONTENT_HEADERS.includes(k)) headers[k] = v;
  for (const [k, v] of Object.entries(req.headers)) if (!CONTENT_HEADERS.includes(k)) headers[k] = v;
  return {
    headers,
    meta: input.metadataDirective === 'COPY' ? src.meta : req.meta,
    tags: input.taggingDirective === 'COPY' ? src.tags : req.tags,
    storageClass: req.storageClass,
  };
}
