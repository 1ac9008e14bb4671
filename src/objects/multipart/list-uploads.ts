import { requireBucket } from '../buckets/get-bucket.js';
import { noSuchUpload } from '../errors.js';
import { commonPrefixOf } from '../listing/list-current.js';
import { listPartRows, listUploadRows, findUpload } from '../store/upload-repo.js';
import type { ObjectsDeps, Part, Upload } from '../types.js';

export interface ListUploadsInput {
  bucket: string;
  prefix: string;
  delimiter?: string;
  keyMarker?: string;
  uploadIdMarker?: string;
  maxUploads: number;
}

export type UploadEntry = { kind: 'upload'; upload: Upload } | { kind: 'prefix'; prefix: string };

/** ListMultipartUploads, in (key, initiation) order; with a delimiter, keys roll up into prefixes. */
export async function listMultipartUploads(
  deps: ObjectsDeps, input: ListUploadsInput,
): Promise<{ entries: UploadEntry[]; isTruncated: boolean }> {
  await requireBucket(deps.db, input.bucket);
  const entries: UploadEntry[] = [];
  if (input.maxUploads <= 0) return { entries, isTruncated: false };
  const keyMarker = input.keyMarker === '' ? undefined : input.keyMarker;
  const uploadIdMarker = keyMarker === undefined || input.uploadIdMarker === '' ? undefined : input.uploadIdMarker;
  // Uploads in progress are few; roll-up happens here rather than in SQL.
  const rows = await listUploadRows(deps.db, input.bucket, input.prefix, keyMarker, uploadIdMarker, 100_000);
  const seen = new Set<string>();
  for (const u of rows) {
    const cp = commonPrefixOf(u.key, input.prefix, input.delimiter);
    if (cp === undefined) entries.push({ kind: 'upload', upload: u });
    else if (!seen.has(cp) && (keyMarker === undefined || cp > keyMarker)) {
      seen.add(cp);
      entries.push({ kind: 'prefix', prefix: cp });
    }
    if (entries.length > input.maxUploads) break;
  }
  const isTruncated = entries.length > input.maxUploads;
  return { entries: isTruncated ? entries.slice(0, input.maxUploads) : entries, isTruncated };
}

/** ListParts, in part-number order after `partNumberMarker`. */
export async function listParts(
  deps: ObjectsDeps, t: { bucket: string; key: string; uploadId: string }, partNumberMarker: number, maxParts: number,
): Promise<{ upload: Upload; parts: Part[]; isTruncated: boolean }> {
  await requireBucket(deps.db, t.bucket);
  const upload = await findUpload(deps.db, t.bucket, t.key, t.uploadId);
  if (!upload) throw noSuchUpload(t.uploadId);
  const rows = maxParts <= 0 ? [] : await listPartRows(deps.db, t.uploadId, partNumberMarker, maxParts + 1);
  const isTruncated = rows.length > maxParts;
  return { upload, parts: isTruncated ? rows.slice(0, maxParts) : rows, isTruncated };
}
