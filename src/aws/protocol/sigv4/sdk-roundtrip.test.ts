import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createAwsChunkedDecoder } from './aws-chunked-decoder.js';
import { AKID, SECRET, secretFor } from './test-support.js';
import type { SigV4Context } from './types.js';
import { verifySigV4 } from './verify.js';

/**
 * The real AWS SDK for JavaScript v3 talking to a bare HTTP server that verifies every request the
 * way the gateway will: request line + `headersDistinct`, body hashed or aws-chunked-decoded.
 */
interface Seen {
  ctx?: SigV4Context;
  error?: unknown;
  body?: Buffer;
  trailers?: Record<string, string>;
  path: string;
}

const seen: Seen[] = [];
let server: Server;
let endpoint = '';

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const request = {
    method: req.method ?? 'GET',
    rawPath: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers: req.headersDistinct,
  };
  const record: Seen = { path: request.rawPath };
  seen.push(record);
  const now = new Date();
  try {
    if (req.headers['x-amz-target'] !== undefined) {
      const body = await buffer(req);
      record.ctx = verifySigV4(request, { family: 'json', secretFor, now, expectedService: 'ssm', payloadHash: sha256(body) });
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(JSON.stringify({ Parameter: { Name: '/app/db', Type: 'String', Value: 'v', Version: 1 } }));
      return;
    }
    const ctx = verifySigV4(request, { family: 's3', secretFor, now, expectedService: 's3', expectedRegion: 'us-east-1' });
    record.ctx = ctx;
    if (ctx.payload.kind === 'hashed' || ctx.payload.kind === 'unsigned') {
      record.body = await buffer(req);
      if (ctx.payload.kind === 'hashed') assert.equal(sha256(record.body), ctx.payload.sha256);
    } else {
      const decoder = createAwsChunkedDecoder(ctx, { family: 's3', decodedContentLength: Number(req.headers['x-amz-decoded-content-length']) });
      record.body = await buffer(req.pipe(decoder));
      record.trailers = decoder.trailers;
    }
    if (req.method === 'PUT') res.setHeader('etag', '"d41d8cd98f00b204e9800998ecf8427e"');
    if (request.rawQuery.includes('list-type=2')) {
      res.setHeader('content-type', 'application/xml');
      res.end('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>b</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>');
      return;
    }
    res.end(req.method === 'GET' ? 'hello' : '');
  } catch (error) {
    record.error = error;
    res.statusCode = 400;
    res.end();
  }
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const crc32Base64 = (b: Buffer): string => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(b));
  return out.toString('base64');
};

describe('AWS SDK v3 requests verify end to end', () => {
  before(async () => {
    server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const credentials = { accessKeyId: AKID, secretAccessKey: SECRET };
  const last = (): Seen => {
    const s = seen.at(-1);
    assert.ok(s);
    assert.equal(s.error, undefined, 'the server rejected the request');
    return s;
  };

  it('SSM GetParameter (json-1.1, with a session token)', async () => {
    const ssm = new SSMClient({ endpoint, region: 'us-east-1', credentials: { ...credentials, sessionToken: 'FwoGZXIvYXdzEJr//token' } });
    const out = await ssm.send(new GetParameterCommand({ Name: '/app/db', WithDecryption: true }));
    assert.equal(out.Parameter?.Value, 'v');
    assert.equal(last().ctx?.service, 'ssm');
  });

  const s3 = (): S3Client => new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  const key = 'dir/my key ü/a+b=c&d(1)!.txt';

  it('S3 PutObject from a Buffer (special-character key)', async () => {
    await s3().send(new PutObjectCommand({ Bucket: 'my-bucket', Key: key, Body: Buffer.from('hello world') }));
    const s = last();
    assert.equal(s.body?.toString(), 'hello world');
    assert.match(s.path, /^\/my-bucket\/dir\/my%20key%20%C3%BC\//);
  });

  it('S3 PutObject from a stream: aws-chunked with a CRC32 trailer', async () => {
    const data = Buffer.from('streamed body '.repeat(5000));
    const body = Readable.from([data.subarray(0, 1000), data.subarray(1000)]);
    await s3().send(new PutObjectCommand({ Bucket: 'my-bucket', Key: key, Body: body, ContentLength: data.length }));
    const s = last();
    assert.equal(s.ctx?.payload.kind, 'streaming-unsigned-trailer');
    assert.deepEqual(s.body, data);
    assert.equal(s.trailers?.['x-amz-checksum-crc32'], crc32Base64(data));
  });

  it('S3 GetObject and ListObjectsV2 with special characters in the query', async () => {
    const got = await s3().send(new GetObjectCommand({ Bucket: 'my-bucket', Key: key, Range: 'bytes=0-4' }));
    assert.equal(await got.Body?.transformToString(), 'hello');
    await s3().send(new ListObjectsV2Command({ Bucket: 'my-bucket', Prefix: 'a b/c+d=é&', Delimiter: '/', StartAfter: '~x*' }));
    assert.match(last().ctx?.signature ?? '', /^[0-9a-f]{64}$/);
  });
});
