import { createHash } from 'node:crypto';
import { requireBucket } from '../buckets/get-bucket.js';
import { noSuchUpload, objectsError } from '../errors.js';
import { compositeChecksum } from '../integrity/checksums.js';
import { discardBlobAfter } from '../objects/discard-blob.js';
import { installVersion } from '../objects/install-version.js';
import { announceCreated } from '../objects/announce-created.js';
import { checkWriteConditions, unquoteEtag, type WriteConditions } from '../objects/preconditions.js';
import { releaseBlobs } from '../store/garbage-repo.js';
import { allParts, deleteUpload, findUpload } from '../store/upload-repo.js';
import { findLatest, lockKey } from '../store/version-repo.js';
import { s3Now, type Bucket, type ObjectVersion, type ObjectsDeps, type Part, type StoredChecksum, type Upload } from '../types.js';

/** Every part but the last must be at least this big. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

export interface CompletedPart {
  partNumber: number;
  etag: string;
}

export interface CompleteUploadInput {
  bucket: string;
  key: string;
  uploadId: string;
  parts: CompletedPart[];
  conditions?: WriteConditions;
}

/** S3's multipart ETag: md5 over the concatenated binary md5s of the parts, then `-<count>`. */
export function multipartEtag(partMd5s: readonly string[]): string {
  const h = createHash('md5');
  for (const m of partMd5s) h.update(Buffer.from(m, 'hex'));
  return `${h.digest('hex')}-${partMd5s.length}`;
}

/** Checks the client's part list against the stored parts; returns the chosen parts in order. */
export function selectParts(upload: Upload, stored: Part[], listed: CompletedPart[]): Part[] {
  if (listed.length === 0) {
    throw objectsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
  }
  const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
  const chosen: Part[] = [];
  let previous = 0;
  for (const l of listed) {
    if (l.partNumber <= previous) {
      throw objectsError('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', {
        UploadId: upload.uploadId,
      });
    }
    previous = l.partNumber;
    const p = byNumber.get(l.partNumber);
    if (!p || p.etag !== unquoteEtag(l.etag)) {
      throw objectsError('InvalidPart', 'One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part\'s entity tag.', {
        UploadId: upload.uploadId, PartNumber: l.partNumber, ETag: l.etag,
      });
    }
    chosen.push(p);
  }
  chosen.forEach((p, i) => {
    if (i < chosen.length - 1 && p.size < MIN_PART_BYTES) {
      throw objectsError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', {
        ProposedSize: p.size, MinSizeAllowed: MIN_PART_BYTES, PartNumber: p.partNumber, ETag: `"${p.etag}"`,
      });
    }
  });
  return chosen;
}

function uploadChecksum(upload: Upload, parts: Part[]): StoredChecksum | null {
  const alg = upload.checksumAlgorithm;
  if (!alg || parts.some((p) => p.checksum?.algorithm !== alg)) return null;
  return { algorithm: alg, value: compositeChecksum(alg, parts.map((p) => (p.checksum as StoredChecksum).value)), type: 'COMPOSITE' };
}

/**
 * Completes an upload: the chosen parts are concatenated into one new durable blob (outside any
 * transaction: it can take a while), then one transaction re-checks that the upload and the
 * chosen parts are unchanged, installs the object and drops the upload, releasing every part blob.
 */
export async function completeMultipartUpload(deps: ObjectsDeps, input: CompleteUploadInput): Promise<ObjectVersion> {
  await requireBucket(deps.db, input.bucket);
  const upload = await findUpload(deps.db, input.bucket, input.key, input.uploadId);
  if (!upload) throw noSuchUpload(input.uploadId);
  const chosen = selectParts(upload, await allParts(deps.db, input.uploadId), input.parts);
  const blob = await deps.blobs.concat(chosen.map((p) => p.blobId));
  let created: readonly [Bucket, ObjectVersion];
  try {
    created = await deps.db.transaction(async (tx) => {
      const bucket = await requireBucket(tx, input.bucket, 'share');
      await lockKey(tx, input.bucket, input.key);
      const locked = await findUpload(tx, input.bucket, input.key, input.uploadId, 'update');
      if (!locked) throw noSuchUpload(input.uploadId);
      const now = await allParts(tx, input.uploadId);
      const current = new Map(now.map((p) => [p.partNumber, p.blobId]));
      if (chosen.some((p) => current.get(p.partNumber) !== p.blobId)) {
        throw objectsError('InvalidPart', 'One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part\'s entity tag.', { UploadId: input.uploadId });
      }
      if (input.conditions) checkWriteConditions(input.key, await findLatest(tx, input.bucket, input.key), input.conditions);
      const modified = s3Now(deps.clock);
      const version = await installVersion(tx, bucket, input.key, {
        headers: upload.headers,
        meta: upload.meta,
        tags: upload.tags,
        storageClass: upload.storageClass,
        isDeleteMarker: false,
        blobId: blob.id,
        size: blob.size,
        etag: multipartEtag(chosen.map((p) => p.md5)),
        md5: blob.md5,
        lastModified: modified,
        checksum: uploadChecksum(upload, chosen),
        parts: chosen.map((p) => p.size),
      }, modified);
      await releaseBlobs(tx, await deleteUpload(tx, input.uploadId), modified);
      return [bucket, version] as const;
    });
  } catch (err) {
    await discardBlobAfter(err, deps.blobs, blob.id);
    throw err;
  }
  await announceCreated(deps, created[0], created[1]);
  return created[1];
}
