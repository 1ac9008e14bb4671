import { requireBucket } from '../buckets/get-bucket.js';
import { noSuchUpload, objectsError } from '../errors.js';
import { ingest, type BodyExpectations, type Ingested } from '../integrity/ingest.js';
import { discardBlobAfter } from '../objects/discard-blob.js';
import { evaluateReadConditions, type ReadConditions } from '../read/conditions.js';
import { resolveRange } from '../read/range.js';
import { resolveCopySource } from '../objects/copy-object.js';
import type { ObjectRef } from '../objects/get-object.js';
import { releaseBlobs } from '../store/garbage-repo.js';
import { findUpload, putPart } from '../store/upload-repo.js';
import { s3Now, type ObjectVersion, type ObjectsDeps, type Part, type Upload } from '../types.js';

/** S3's largest part. */
export const MAX_PART_BYTES = 5 * 1024 ** 3;

export interface PartTarget {
  bucket: string;
  key: string;
  uploadId: string;
  partNumber: number;
}

export function assertPartNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 10000) {
    throw objectsError('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', {
      ArgumentName: 'partNumber', ArgumentValue: String(n),
    });
  }
}

async function requireUpload(deps: ObjectsDeps, t: PartTarget): Promise<Upload> {
  await requireBucket(deps.db, t.bucket);
  const upload = await findUpload(deps.db, t.bucket, t.key, t.uploadId);
  if (!upload) throw noSuchUpload(t.uploadId);
  return upload;
}

/** Stores one part (replacing an earlier upload of the same part number). */
export async function uploadPart(
  deps: ObjectsDeps, t: PartTarget, body: AsyncIterable<Uint8Array>, expect: Omit<BodyExpectations, 'maxBytes'>,
): Promise<Part> {
  assertPartNumber(t.partNumber);
  const upload = await requireUpload(deps, t);
  const algorithm = expect.checksum?.algorithm ?? upload.checksumAlgorithm ?? undefined;
  const ingested = await ingest(deps, body, {
    ...expect,
    ...(algorithm ? { checksum: { algorithm, ...(expect.checksum?.value ? { value: expect.checksum.value } : {}) } } : {}),
    maxBytes: MAX_PART_BYTES,
  });
  return commitPart(deps, t, ingested);
}

export interface CopyPartInput {
  source: ObjectRef;
  /** x-amz-copy-source-range, `bytes=first-last`. */
  range?: string;
  sourceConditions: ReadConditions;
}

/** UploadPartCopy: a part made of (a byte range of) an existing object. */
export async function uploadPartCopy(
  deps: ObjectsDeps, t: PartTarget, input: CopyPartInput,
): Promise<{ part: Part; source: ObjectVersion; sourceVersioned: boolean }> {
  assertPartNumber(t.partNumber);
  const upload = await requireUpload(deps, t);
  const { bucket: srcBucket, version: src } = await resolveCopySource(deps, input.source);
  evaluateReadConditions(input.sourceConditions, src.etag, src.lastModified, true);
  let range;
  if (input.range !== undefined) {
    const m = /^bytes=(\d+)-(\d+)$/.exec(input.range);
    if (!m || Number(m[2]) < Number(m[1])) {
      throw objectsError('InvalidArgument', 'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy', {
        ArgumentName: 'x-amz-copy-source-range', ArgumentValue: input.range,
      });
    }
    if (Number(m[2]) >= src.size) {
      throw objectsError('InvalidRange', 'The requested range is not satisfiable', { RangeRequested: input.range, ActualObjectSize: src.size });
    }
    range = resolveRange(input.range, src.size);
  }
  const algorithm = upload.checksumAlgorithm ?? undefined;
  const ingested = await ingest(deps, deps.blobs.read(src.blobId as string, range), {
    ...(algorithm ? { checksum: { algorithm } } : {}),
    maxBytes: MAX_PART_BYTES,
  });
  const part = await commitPart(deps, t, ingested);
  return { part, source: src, sourceVersioned: srcBucket.versioning !== 'Unversioned' };
}

async function commitPart(deps: ObjectsDeps, t: PartTarget, { blob, checksum }: Ingested): Promise<Part> {
  const part: Part = {
    partNumber: t.partNumber,
    blobId: blob.id,
    size: blob.size,
    etag: blob.md5,
    md5: blob.md5,
    lastModified: s3Now(deps.clock),
    checksum,
  };
  try {
    await deps.db.transaction(async (tx) => {
      const upload = await findUpload(tx, t.bucket, t.key, t.uploadId, 'share');
      if (!upload) throw noSuchUpload(t.uploadId);
      const replaced = await putPart(tx, t.uploadId, part);
      await releaseBlobs(tx, [replaced], deps.clock.now());
    });
  } catch (err) {
    await discardBlobAfter(err, deps.blobs, blob.id);
    throw err;
  }
  return part;
}
