import {
  CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectAttributesCommand, GetObjectCommand, ListObjectVersionsCommand,
  ListObjectsV2Command, PutBucketVersioningCommand, PutObjectCommand, S3Client, S3ServiceException, UploadPartCommand,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { rawRequest, signRequest, signedRequest } from '../support/signed-request.js';

/** S3 through the AWS SDK for JavaScript v3 (path style, virtual-hosted style, flexible checksums) and raw signed requests. */

let nagare: NagareHandle;
let s3: S3Client;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

before(async () => {
  nagare = await startNagare();
  s3 = new S3Client({ endpoint: nagare.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await s3.send(new CreateBucketCommand({ Bucket: 'sdk-bucket' }));
});
after(async () => {
  s3?.destroy();
  await nagare?.stop();
});

async function errorOf(p: Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof S3ServiceException) return { name: err.name, status: err.$metadata.httpStatusCode };
    throw err;
  }
  return { name: 'ok', status: 200 };
}

describe('SDK v3', () => {
  test('flexible checksums: CRC32 trailer on PutObject, SHA256/CRC32C/CRC64NVME verified, validated on GetObject', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket: 'sdk-bucket', Key: 'crc', Body: 'hello checksums' }));
    assert.ok(put.ChecksumCRC32, 'the SDK sends CRC32 by default and we echo it');
    for (const alg of ['SHA256', 'CRC32C', 'CRC64NVME', 'SHA1'] as const) {
      const r = await s3.send(new PutObjectCommand({ Bucket: 'sdk-bucket', Key: `alg-${alg}`, Body: `body ${alg}`, ChecksumAlgorithm: alg }));
      assert.ok(r[`Checksum${alg}`], alg);
      const got = await s3.send(new GetObjectCommand({ Bucket: 'sdk-bucket', Key: `alg-${alg}`, ChecksumMode: 'ENABLED' }));
      assert.equal(got[`Checksum${alg}`], r[`Checksum${alg}`]);
      assert.equal(await got.Body?.transformToString(), `body ${alg}`);
    }
    const bad = await errorOf(s3.send(new PutObjectCommand({ Bucket: 'sdk-bucket', Key: 'bad', Body: 'x', ChecksumCRC32: 'AAAAAA==' })));
    assert.deepEqual(bad, { name: 'BadDigest', status: 400 });
    const missing = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'sdk-bucket', Key: 'bad' })));
    assert.deepEqual(missing, { name: 'NoSuchKey', status: 404 });
  });

  test('multipart with composite CRC32 checksums', async () => {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'sdk-bucket', Key: 'mpu', ChecksumAlgorithm: 'CRC32' }));
    const a = Buffer.alloc(5 * 1024 * 1024, 1);
    const b = Buffer.from('last part');
    const p1 = await s3.send(new UploadPartCommand({ Bucket: 'sdk-bucket', Key: 'mpu', UploadId, PartNumber: 1, Body: a, ChecksumAlgorithm: 'CRC32' }));
    const p2 = await s3.send(new UploadPartCommand({ Bucket: 'sdk-bucket', Key: 'mpu', UploadId, PartNumber: 2, Body: b, ChecksumAlgorithm: 'CRC32' }));
    const done = await s3.send(new CompleteMultipartUploadCommand({
      Bucket: 'sdk-bucket', Key: 'mpu', UploadId,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag, ChecksumCRC32: p1.ChecksumCRC32 }, { PartNumber: 2, ETag: p2.ETag, ChecksumCRC32: p2.ChecksumCRC32 }] },
    }));
    assert.match(done.ChecksumCRC32 ?? '', /-2$/);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sdk-bucket', Key: 'mpu', ChecksumMode: 'ENABLED' }));
    assert.equal(sha(Buffer.from(await got.Body!.transformToByteArray())), sha(Buffer.concat([a, b])));
    const attrs = await s3.send(new GetObjectAttributesCommand({ Bucket: 'sdk-bucket', Key: 'mpu', ObjectAttributes: ['ETag', 'ObjectParts', 'ObjectSize', 'Checksum'] }));
    assert.equal(`"${attrs.ETag}"`, done.ETag);
    assert.equal(attrs.ObjectSize, a.length + b.length);
    assert.equal(attrs.ObjectParts?.TotalPartsCount, 2);
    assert.deepEqual(attrs.ObjectParts?.Parts?.map((p) => p.Size), [a.length, b.length]);
    assert.equal(attrs.Checksum?.ChecksumCRC32, done.ChecksumCRC32);
  });

  test('concurrent PUTs of one key: all succeed, last writer wins, versions stay consistent', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'sdk-race' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'sdk-race', VersioningConfiguration: { Status: 'Enabled' } }));
    const bodies = Array.from({ length: 12 }, (_, i) => `writer-${i}-${'x'.repeat(i * 1000)}`);
    const puts = await Promise.all(bodies.map((Body) => s3.send(new PutObjectCommand({ Bucket: 'sdk-race', Key: 'hot', Body }))));
    assert.equal(new Set(puts.map((p) => p.VersionId)).size, 12);
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: 'sdk-race' }));
    assert.equal(versions.Versions?.length, 12);
    const latest = versions.Versions?.filter((v) => v.IsLatest) ?? [];
    assert.equal(latest.length, 1);
    assert.equal(versions.Versions?.[0]?.IsLatest, true);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sdk-race', Key: 'hot' }));
    assert.equal(got.VersionId, latest[0]?.VersionId);
    assert.equal(got.ETag, latest[0]?.ETag);
    assert.ok(bodies.includes(await got.Body!.transformToString()));
  });

  test('virtual-hosted style: the SDK addresses <bucket>.localhost and nagare routes by Host', async () => {
    const vh = new S3Client({
      endpoint: `http://localhost:${nagare.port}`, region: 'us-east-1', forcePathStyle: false,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    // *.localhost may not resolve here: connect to 127.0.0.1 after signing, keeping the signed Host.
    vh.middlewareStack.addRelativeTo(((next: (a: unknown) => Promise<unknown>) => async (args: unknown) => {
      const r = (args as { request: { hostname: string; headers: Record<string, string> } }).request;
      assert.match(r.headers.host ?? '', /^sdk-bucket\.localhost:\d+$/);
      r.hostname = '127.0.0.1';
      return next(args);
    }) as never, { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'connectToLoopback' } as never);
    try {
      await vh.send(new PutObjectCommand({ Bucket: 'sdk-bucket', Key: 'vh/key one.txt', Body: 'virtual' }));
      const got = await vh.send(new GetObjectCommand({ Bucket: 'sdk-bucket', Key: 'vh/key one.txt' }));
      assert.equal(await got.Body?.transformToString(), 'virtual');
      const list = await vh.send(new ListObjectsV2Command({ Bucket: 'sdk-bucket', Prefix: 'vh/' }));
      assert.deepEqual(list.Contents?.map((c) => c.Key), ['vh/key one.txt']);
    } finally {
      vh.destroy();
    }
    for (const host of [`sdk-bucket.s3.localhost:${nagare.port}`, 'sdk-bucket.s3.us-east-1.amazonaws.com']) {
      const res = await rawRequest(nagare.endpoint, await signRequest(nagare.endpoint, { method: 'GET', path: '/vh/key%20one.txt', headers: { host } }, { service: 's3' }));
      assert.equal(res.status, 200, host);
      assert.equal(res.text, 'virtual');
    }
  });

  test('request documents: malformed XML, oversized XML, DOCTYPE, missing Content-MD5 on DeleteObjects', async () => {
    const send = (method: string, path: string, query: Record<string, string>, body: string, headers: Record<string, string> = {}) =>
      signedRequest(nagare.endpoint, { method, path, query, body, headers }, { service: 's3' });
    const malformed = await send('PUT', '/sdk-bucket', { versioning: '' }, '<VersioningConfiguration><Status>Enabled');
    assert.equal(malformed.status, 400);
    assert.match(malformed.text, /<Code>MalformedXML<\/Code>/);
    const badStatus = await send('PUT', '/sdk-bucket', { versioning: '' }, '<VersioningConfiguration><Status>Maybe</Status></VersioningConfiguration>');
    assert.match(badStatus.text, /<Code>MalformedXML<\/Code>/);
    const huge = await send('PUT', '/sdk-bucket', { lifecycle: '' }, `<LifecycleConfiguration>${'<Rule></Rule>'.repeat(300_000)}</LifecycleConfiguration>`);
    assert.equal(huge.status, 400);
    assert.match(huge.text, /<Code>MaxMessageLengthExceeded<\/Code>/);
    const doctype = await send('PUT', '/sdk-bucket', { lifecycle: '' }, '<!DOCTYPE a [<!ENTITY x "y">]><LifecycleConfiguration/>');
    assert.match(doctype.text, /<Code>MalformedXML<\/Code>/);
    const noMd5 = await send('POST', '/sdk-bucket', { delete: '' }, '<Delete><Object><Key>a</Key></Object></Delete>');
    assert.equal(noMd5.status, 400);
    assert.match(noMd5.text, /<Code>InvalidRequest<\/Code>/);
    const unsupported = await send('GET', '/sdk-bucket', { website: '' }, '');
    assert.equal(unsupported.status, 501);
    assert.match(unsupported.text, /<Code>NotImplemented<\/Code>/);
    const notAllowed = await send('POST', '/sdk-bucket/some-key', {}, '');
    assert.equal(notAllowed.status, 405);
    const nsk = await send('GET', '/sdk-bucket/no/such/key', {}, '');
    assert.match(nsk.text, /<Code>NoSuchKey<\/Code><Message>[^<]+<\/Message><Key>no\/such\/key<\/Key>/);
  });

  test('a 1 GiB streamed PUT and GET run in bounded server memory', async () => {
    const pid = nagare.child.pid!;
    const rss = async (field: 'VmRSS' | 'VmHWM') => Number(/\d+/.exec((await readFile(`/proc/${pid}/status`, 'utf8')).split('\n').find((l) => l.startsWith(field)) ?? '')?.[0]) * 1024;
    const before = await rss('VmRSS');
    const size = 1024 ** 3;
    const chunk = Buffer.alloc(4 * 1024 * 1024, 0x5a);
    const hash = createHash('sha256');
    function* gen() {
      for (let sent = 0; sent < size; sent += chunk.length) {
        hash.update(chunk);
        yield chunk;
      }
    }
    await s3.send(new PutObjectCommand({ Bucket: 'sdk-bucket', Key: 'gig', Body: Readable.from(gen()), ContentLength: size }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sdk-bucket', Key: 'gig' }));
    const back = createHash('sha256');
    let n = 0;
    for await (const c of got.Body as Readable) {
      back.update(c as Buffer);
      n += (c as Buffer).length;
    }
    assert.equal(n, size);
    assert.equal(back.digest('hex'), hash.digest('hex'));
    const peak = await rss('VmHWM');
    assert.ok(peak - before < 256 * 1024 * 1024, `server peak RSS grew by ${Math.round((peak - before) / 1048576)} MiB`);
  });
});
