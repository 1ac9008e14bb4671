import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand, ListObjectVersionsCommand,
  PutBucketVersioningCommand, PutObjectCommand, S3Client, UploadPartCommand,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { signRequest } from '../support/signed-request.js';

/** kill -9 at any moment leaves either the old or the new object visible, never a partial one. */

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const client = (n: NagareHandle) =>
  new S3Client({ endpoint: n.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });

async function read(s3: S3Client, Key: string, VersionId?: string): Promise<Buffer> {
  const r = await s3.send(new GetObjectCommand({ Bucket: 'durable', Key, ...(VersionId ? { VersionId } : {}) }));
  return Buffer.from(await r.Body!.transformToByteArray());
}

test('objects, versions and multipart objects survive kill -9 byte-identical; an interrupted overwrite leaves the old object', async () => {
  let nagare = await startNagare();
  try {
    let s3 = client(nagare);
    await s3.send(new CreateBucketCommand({ Bucket: 'durable' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'durable', VersioningConfiguration: { Status: 'Enabled' } }));
    const written = new Map<string, Buffer>();
    for (let i = 0; i < 10; i++) {
      const body = randomBytes(1000 * (i + 1) ** 3);
      await s3.send(new PutObjectCommand({ Bucket: 'durable', Key: `obj/${i}`, Body: body }));
      written.set(`obj/${i}`, body);
    }
    const v1 = randomBytes(5000);
    const v2 = randomBytes(7000);
    const first = await s3.send(new PutObjectCommand({ Bucket: 'durable', Key: 'versioned', Body: v1 }));
    await s3.send(new PutObjectCommand({ Bucket: 'durable', Key: 'versioned', Body: v2 }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'durable', Key: 'multi' }));
    const parts = [randomBytes(5 * 1024 * 1024), randomBytes(123_456)];
    const etags: string[] = [];
    for (const [i, Body] of parts.entries()) {
      etags.push((await s3.send(new UploadPartCommand({ Bucket: 'durable', Key: 'multi', UploadId, PartNumber: i + 1, Body }))).ETag!);
    }
    await s3.send(new CompleteMultipartUploadCommand({
      Bucket: 'durable', Key: 'multi', UploadId, MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
    }));
    const old = randomBytes(1000);
    await s3.send(new PutObjectCommand({ Bucket: 'durable', Key: 'overwritten', Body: old }));

    // Start a 64 MiB overwrite of 'overwritten' and kill the server while the body is still streaming.
    const size = 64 * 1024 * 1024;
    const signed = await signRequest(nagare.endpoint, {
      method: 'PUT', path: '/durable/overwritten',
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(size) },
    }, { service: 's3', contentSha256: false });
    const url = new URL(nagare.endpoint);
    const req = request({ host: url.hostname, port: Number(url.port), method: 'PUT', path: signed.path, headers: signed.headers });
    req.on('error', () => undefined);
    const chunk = Buffer.alloc(1024 * 1024, 0xab);
    for (let i = 0; i < 20; i++) await new Promise<void>((ok) => (req.write(chunk) ? ok() : req.once('drain', () => ok())));
    s3.destroy();
    nagare = await nagare.restart(); // kill -9, then start on the same data dir
    req.destroy();
    s3 = client(nagare);

    for (const [key, body] of written) assert.equal(sha(await read(s3, key)), sha(body), key);
    assert.equal(sha(await read(s3, 'versioned')), sha(v2));
    assert.equal(sha(await read(s3, 'versioned', first.VersionId)), sha(v1));
    assert.equal(sha(await read(s3, 'multi')), sha(Buffer.concat(parts)));
    assert.equal(sha(await read(s3, 'overwritten')), sha(old), 'the interrupted PUT never became visible');
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: 'durable', Prefix: 'overwritten' }));
    assert.equal(versions.Versions?.length, 1);
    // The interrupted upload's temp file was discarded at start-up.
    assert.deepEqual(await readdir(join(nagare.dataDir, 'blobs', 's3', 'tmp')), []);
    s3.destroy();
  } finally {
    await nagare.stop();
  }
});
