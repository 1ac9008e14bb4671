/**
 * Reading and writing S3 objects from a build, through the S3 domain (no HTTP hop): sources and
 * input artifacts come from it, artifacts go to it. Bodies stream; nothing is held in memory.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { putObject, resolveObject, type ObjectsDeps } from '../../../objects/index.js';

export interface S3Ref {
  bucket: string;
  key: string;
  versionId?: string;
}

/** Downloads one object version to a file; returns the version id S3 resolved (`null` when unversioned). */
export async function downloadObject(deps: ObjectsDeps, ref: S3Ref, file: string): Promise<{ versionId: string }> {
  const { version } = await resolveObject(deps.db, ref);
  if (version.blobId === null) throw new Error(`s3://${ref.bucket}/${ref.key} has no content`);
  await pipeline(deps.blobs.read(version.blobId), createWriteStream(file, { mode: 0o600 }));
  return { versionId: version.versionId };
}

export async function readObjectText(deps: ObjectsDeps, ref: S3Ref): Promise<string> {
  const { version } = await resolveObject(deps.db, ref);
  if (version.blobId === null) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of deps.blobs.read(version.blobId)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Uploads a file with CodeBuild's metadata (`x-amz-meta-codebuild-buildarn`, spec A.12). */
export async function uploadFile(deps: ObjectsDeps, bucket: string, key: string, file: string, buildArn: string, contentType = 'application/octet-stream'): Promise<void> {
  await putObject(deps, {
    bucket,
    key,
    body: createReadStream(file),
    attributes: { headers: { 'content-type': contentType }, meta: { 'codebuild-buildarn': buildArn }, tags: [], storageClass: 'STANDARD' },
    expect: {},
  });
}

/** `bucket/path/obj.zip` (spec B.3 S3 source location) → bucket and key. */
export function splitS3Location(location: string): { bucket: string; key: string } {
  const trimmed = location.replace(/^s3:\/\//, '').replace(/^arn:aws:s3:::/, '');
  const slash = trimmed.indexOf('/');
  return slash < 0 ? { bucket: trimmed, key: '' } : { bucket: trimmed.slice(0, slash), key: trimmed.slice(slash + 1) };
}
