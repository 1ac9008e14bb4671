/**
 * Artifact bytes in and out of the artifact store through the S3 domain (no HTTP hop). Files are
 * streamed; nothing is held in memory.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { putObject, resolveObject, type ObjectsDeps } from '../../objects/index.js';

export interface StoredArtifact {
  bucket: string;
  key: string;
  versionId?: string;
}

export async function uploadArtifact(
  deps: ObjectsDeps,
  bucket: string,
  key: string,
  file: string,
  meta: Record<string, string> = {},
  contentType = 'application/zip',
): Promise<StoredArtifact> {
  const r = await putObject(deps, {
    bucket,
    key,
    body: createReadStream(file),
    attributes: { headers: { 'content-type': contentType }, meta, tags: [], storageClass: 'STANDARD' },
    expect: {},
  });
  return { bucket, key, ...(r.versionId !== 'null' ? { versionId: r.versionId } : {}) };
}

export async function downloadArtifact(deps: ObjectsDeps, ref: StoredArtifact, file: string): Promise<{ versionId: string; etag: string }> {
  const { version } = await resolveObject(deps.db, ref);
  if (version.blobId === null) throw new Error(`s3://${ref.bucket}/${ref.key} has no content`);
  await pipeline(deps.blobs.read(version.blobId), createWriteStream(file, { mode: 0o600 }));
  return { versionId: version.versionId, etag: version.etag };
}
