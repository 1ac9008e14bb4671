import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandOutput,
} from '@aws-sdk/client-s3';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, GetParametersByPathCommand, GetParametersCommand, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';

/**
 * The AWS SDK for JavaScript v3 against a real `nagare up`: its serializers, its SigV4 signer, its
 * flexible-checksum aws-chunked uploads (CRC32 trailer) and its typed deserializers (Dates, numbers, Uint8Arrays).
 */

let nagare: NagareHandle;
let s3: S3Client;
let ssm: SSMClient;
let sm: SecretsManagerClient;
let work: string;
const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

before(async () => {
  nagare = await startNagare();
  work = await mkdtemp(join(tmpdir(), 'nagare-sdk-'));
  const common = {
    endpoint: nagare.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  };
  s3 = new S3Client({ ...common, forcePathStyle: true });
  ssm = new SSMClient(common);
  sm = new SecretsManagerClient(common);
});
after(async () => {
  s3?.destroy();
  ssm?.destroy();
  sm?.destroy();
  await nagare?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('@aws-sdk/client-s3', () => {
  const Bucket = 'sdk-v3-bucket';

  test('create bucket, put/get/head/list/delete objects with typed outputs', async () => {
    const created = await s3.send(new CreateBucketCommand({ Bucket }));
    assert.equal(created.$metadata.httpStatusCode, 200);
    const buckets = await s3.send(new ListBucketsCommand({}));
    const mine = buckets.Buckets?.find((b) => b.Name === Bucket);
    assert.ok(mine, 'the bucket is listed');
    assert.ok(mine.CreationDate instanceof Date && Math.abs(mine.CreationDate.getTime() - Date.now()) < 600_000);

    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'docs/hello.txt', Body: 'hello from sdk v3', ContentType: 'text/plain', Metadata: { purpose: 'e2e' } }));
    assert.match(put.ETag ?? '', /^"[0-9a-f]{32}"$/);
    assert.equal(put.ETag, `"${createHash('md5').update('hello from sdk v3').digest('hex')}"`);

    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'docs/hello.txt' }));
    assert.equal(await got.Body?.transformToString(), 'hello from sdk v3');
    assert.equal(got.ContentType, 'text/plain');
    assert.equal(got.ContentLength, 17);
    assert.equal(got.ETag, put.ETag);
    assert.ok(got.LastModified instanceof Date);
    assert.deepEqual(got.Metadata, { purpose: 'e2e' });

    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'docs/hello.txt' }));
    assert.equal(head.ContentLength, 17);
    assert.equal(typeof head.ContentLength, 'number');

    const binary = randomBytes(1024 * 1024 + 3);
    await s3.send(new PutObjectCommand({ Bucket, Key: 'docs/binary.bin', Body: binary }));
    const gotBinary = await s3.send(new GetObjectCommand({ Bucket, Key: 'docs/binary.bin' }));
    assert.equal(sha256(await gotBinary.Body!.transformToByteArray()), sha256(binary));

    const list = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'docs/' }));
    assert.equal(list.KeyCount, 2);
    assert.equal(typeof list.KeyCount, 'number');
    assert.equal(list.IsTruncated, false);
    assert.deepEqual(list.Contents?.map((c) => c.Key), ['docs/binary.bin', 'docs/hello.txt']);
    for (const c of list.Contents ?? []) {
      assert.ok(c.LastModified instanceof Date, 'LastModified is a Date');
      assert.equal(typeof c.Size, 'number');
    }
    assert.equal(list.Contents?.find((c) => c.Key === 'docs/binary.bin')?.Size, binary.length);

    const page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'docs/', MaxKeys: 1 }));
    assert.equal(page.IsTruncated, true);
    assert.ok(page.NextContinuationToken);
    const page2 = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'docs/', MaxKeys: 1, ContinuationToken: page.NextContinuationToken }));
    assert.deepEqual(page2.Contents?.map((c) => c.Key), ['docs/hello.txt']);

    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'docs/hello.txt' }));
    await assert.rejects(s3.send(new GetObjectCommand({ Bucket, Key: 'docs/hello.txt' })), (err: unknown) => {
      assert.ok(err instanceof NoSuchKey, `NoSuchKey, got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 404);
      return true;
    });
  });

  test('streamed uploads go aws-chunked with a CRC32 trailer and store the exact bytes', async () => {
    // Capture what the SDK really put on the wire (the deserialize step sees the signed request).
    const sent: Array<Record<string, string>> = [];
    s3.middlewareStack.add(
      (next) => async (args) => {
        const req = args.request as { headers?: Record<string, string> };
        if (req.headers) sent.push({ ...req.headers });
        return next(args);
      },
      { step: 'deserialize', name: 'captureHeaders' },
    );
    try {
      // 1. A file stream without ContentLength (the SDK finds the length itself), 2. a generator stream.
      const fileData = randomBytes(2 * 1024 * 1024 + 77);
      const file = join(work, 'stream-me.bin');
      await writeFile(file, fileData);
      const chunks = Array.from({ length: 40 }, (_, i) => randomBytes(64 * 1024 + i * 13));
      const generated = Buffer.concat(chunks);
      async function* generate(): AsyncGenerator<Buffer> {
        for (const c of chunks) {
          await new Promise((r) => setImmediate(r));
          yield c;
        }
      }
      const uploads: Array<[string, Buffer, () => Promise<PutObjectCommandOutput>]> = [
        ['from-file.bin', fileData, () => s3.send(new PutObjectCommand({ Bucket, Key: 'from-file.bin', Body: createReadStream(file) }))],
        [
          'generated.bin',
          generated,
          () => s3.send(new PutObjectCommand({ Bucket, Key: 'generated.bin', Body: Readable.from(generate()), ContentLength: generated.length })),
        ],
      ];
      for (const [key, data, upload] of uploads) {
        sent.length = 0;
        const put = await upload();
        assert.equal(put.$metadata.httpStatusCode, 200);
        const h = sent.at(-1) ?? {};
        assert.match(h['x-amz-content-sha256'] ?? '', /^STREAMING-(UNSIGNED-PAYLOAD|AWS4-HMAC-SHA256-PAYLOAD)-TRAILER$/, `${key}: ${JSON.stringify(h)}`);
        assert.match(h['content-encoding'] ?? '', /aws-chunked/);
        assert.equal(h['x-amz-trailer'], 'x-amz-checksum-crc32');
        assert.equal(h['x-amz-decoded-content-length'], String(data.length));
        assert.match(put.ChecksumCRC32 ?? '', /^[A-Za-z0-9+/]{6}==$/, `${key}: nagare answers the verified CRC32`);

        // ChecksumMode ENABLED makes the SDK verify the returned CRC32 against the bytes it receives.
        const got = await s3.send(new GetObjectCommand({ Bucket, Key: key, ChecksumMode: 'ENABLED' }));
        const bytes = await got.Body!.transformToByteArray();
        assert.equal(got.ContentLength, data.length);
        assert.equal(sha256(bytes), sha256(data), `${key}: exact bytes (no chunk framing stored)`);
        assert.equal(got.ChecksumCRC32, put.ChecksumCRC32);
      }
    } finally {
      s3.middlewareStack.remove('captureHeaders');
    }

    for (const Key of ['from-file.bin', 'generated.bin', 'docs/binary.bin']) await s3.send(new DeleteObjectCommand({ Bucket, Key }));
    const del = await s3.send(new DeleteBucketCommand({ Bucket }));
    assert.equal(del.$metadata.httpStatusCode, 204);
  });
});

describe('@aws-sdk/client-ssm', () => {
  test('put/get parameters with decryption; typed outputs (Version number, LastModifiedDate Date)', async () => {
    const put = await ssm.send(new PutParameterCommand({ Name: '/sdk/db/password', Value: 'p@ss w0rd', Type: 'SecureString' }));
    assert.equal(put.Version, 1);
    assert.equal(put.Tier, 'Standard');
    const put2 = await ssm.send(new PutParameterCommand({ Name: '/sdk/db/password', Value: 'second', Type: 'SecureString', Overwrite: true }));
    assert.equal(put2.Version, 2);
    await ssm.send(new PutParameterCommand({ Name: '/sdk/db/host', Value: 'db.internal', Type: 'String' }));

    const dec = await ssm.send(new GetParameterCommand({ Name: '/sdk/db/password', WithDecryption: true }));
    const p = dec.Parameter!;
    assert.equal(p.Value, 'second');
    assert.equal(p.Type, 'SecureString');
    assert.equal(p.Version, 2);
    assert.equal(typeof p.Version, 'number');
    assert.ok(p.LastModifiedDate instanceof Date, 'LastModifiedDate is a Date');
    assert.ok(Math.abs(p.LastModifiedDate.getTime() - Date.now()) < 600_000);
    assert.equal(p.ARN, 'arn:aws:ssm:us-east-1:000000000000:parameter/sdk/db/password');

    const enc = await ssm.send(new GetParameterCommand({ Name: '/sdk/db/password' }));
    assert.notEqual(enc.Parameter?.Value, 'second', 'without decryption a SecureString is not returned in plaintext');

    const v1 = await ssm.send(new GetParameterCommand({ Name: '/sdk/db/password:1', WithDecryption: true }));
    assert.equal(v1.Parameter?.Value, 'p@ss w0rd');
    assert.equal(v1.Parameter?.Version, 1);

    const many = await ssm.send(new GetParametersCommand({ Names: ['/sdk/db/host', '/sdk/db/nope'], WithDecryption: true }));
    assert.deepEqual(many.Parameters?.map((x) => x.Value), ['db.internal']);
    assert.deepEqual(many.InvalidParameters, ['/sdk/db/nope']);

    const byPath = await ssm.send(new GetParametersByPathCommand({ Path: '/sdk/db', WithDecryption: true }));
    assert.deepEqual(
      byPath.Parameters?.map((x) => [x.Name, x.Value]).sort(),
      [
        ['/sdk/db/host', 'db.internal'],
        ['/sdk/db/password', 'second'],
      ],
    );

    await assert.rejects(ssm.send(new GetParameterCommand({ Name: '/sdk/missing' })), (err: unknown) => {
      assert.ok(err instanceof ParameterNotFound, `ParameterNotFound, got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
      return true;
    });
  });
});

describe('@aws-sdk/client-secrets-manager', () => {
  test('create/get/put secret values; typed outputs (CreatedDate Date, SecretBinary Uint8Array)', async () => {
    const created = await sm.send(new CreateSecretCommand({ Name: 'sdk/app', SecretString: '{"user":"app","password":"one"}' }));
    assert.match(created.ARN ?? '', /^arn:aws:secretsmanager:us-east-1:000000000000:secret:sdk\/app-[A-Za-z0-9]{6}$/);
    assert.equal(created.Name, 'sdk/app');
    assert.ok(created.VersionId);

    const got = await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/app' }));
    assert.equal(got.SecretString, '{"user":"app","password":"one"}');
    assert.equal(got.ARN, created.ARN);
    assert.equal(got.VersionId, created.VersionId);
    assert.deepEqual(got.VersionStages, ['AWSCURRENT']);
    assert.ok(got.CreatedDate instanceof Date, 'CreatedDate is a Date');

    const put = await sm.send(new PutSecretValueCommand({ SecretId: created.ARN, SecretString: '{"user":"app","password":"two"}' }));
    assert.ok(put.VersionId && put.VersionId !== created.VersionId);
    assert.deepEqual(put.VersionStages, ['AWSCURRENT']);
    const current = await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/app' }));
    assert.equal(current.SecretString, '{"user":"app","password":"two"}');
    const previous = await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/app', VersionStage: 'AWSPREVIOUS' }));
    assert.equal(previous.SecretString, '{"user":"app","password":"one"}');
    assert.equal(previous.VersionId, created.VersionId);
    const byId = await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/app', VersionId: created.VersionId }));
    assert.equal(byId.SecretString, '{"user":"app","password":"one"}');

    const described = await sm.send(new DescribeSecretCommand({ SecretId: 'sdk/app' }));
    assert.ok(described.CreatedDate instanceof Date);
    assert.ok(described.LastChangedDate instanceof Date);
    assert.deepEqual(described.VersionIdsToStages?.[put.VersionId], ['AWSCURRENT']);
    assert.deepEqual(described.VersionIdsToStages?.[created.VersionId], ['AWSPREVIOUS']);

    const bytes = new Uint8Array(randomBytes(48));
    await sm.send(new CreateSecretCommand({ Name: 'sdk/binary', SecretBinary: bytes }));
    const bin = await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/binary' }));
    assert.ok(bin.SecretBinary instanceof Uint8Array, 'SecretBinary is bytes');
    assert.deepEqual(Buffer.from(bin.SecretBinary), Buffer.from(bytes));
    assert.equal(bin.SecretString, undefined);

    await assert.rejects(sm.send(new GetSecretValueCommand({ SecretId: 'sdk/nope' })), (err: unknown) => {
      assert.ok(err instanceof ResourceNotFoundException, `ResourceNotFoundException, got ${String(err)}`);
      assert.equal(err.$metadata.httpStatusCode, 400);
      return true;
    });
  });
});
