import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { createAwsChunkedDecoder } from './aws-chunked-decoder.js';
import { sha256Hex } from './canonical-request.js';
import { chunkStringToSign, signChunk } from './chunk-signature.js';
import type { SigV4Request } from './types.js';
import { verifySigV4 } from './verify.js';

/**
 * The worked examples of S3's "Authenticating Requests (AWS Signature Version 4)" pages: header auth
 * (GET Object, PUT Object, GET lifecycle, list objects), the presigned URL, and the chunked upload
 * (seed signature and all three chunk signatures).
 */
const AKIA = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const NOW = new Date('2013-05-24T00:00:00Z');
const DATE = '20130524T000000Z';
const SCOPE = '20130524/us-east-1/s3/aws4_request';
const secretFor = (id: string): string | undefined => (id === AKIA ? SECRET : undefined);
const auth = (signed: string, sig: string): string =>
  `AWS4-HMAC-SHA256 Credential=${AKIA}/${SCOPE},SignedHeaders=${signed},Signature=${sig}`;
const verify = (req: SigV4Request) => verifySigV4(req, { family: 's3', secretFor, now: NOW, expectedService: 's3', expectedRegion: 'us-east-1' });
const EMPTY = sha256Hex('');
const HOST = 'examplebucket.s3.amazonaws.com';

describe('S3 documentation examples', () => {
  it('GET Object (range, empty payload)', () => {
    const ctx = verify({
      method: 'GET',
      rawPath: '/test.txt',
      rawQuery: '',
      headers: {
        host: HOST,
        range: 'bytes=0-9',
        'x-amz-content-sha256': EMPTY,
        'x-amz-date': DATE,
        authorization: auth('host;range;x-amz-content-sha256;x-amz-date', 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'),
      },
    });
    assert.deepEqual(ctx.payload, { kind: 'hashed', sha256: EMPTY });
  });

  it('PUT Object: "$" in the key is encoded as %24, Date header signed too', () => {
    const body = 'Welcome to Amazon S3.';
    const ctx = verify({
      method: 'PUT',
      rawPath: '/test$file.text',
      rawQuery: '',
      headers: {
        date: 'Fri, 24 May 2013 00:00:00 GMT',
        host: HOST,
        'x-amz-content-sha256': sha256Hex(body),
        'x-amz-date': DATE,
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        authorization: auth(
          'date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
          '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
        ),
      },
    });
    assert.deepEqual(ctx.payload, { kind: 'hashed', sha256: '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072' });
  });

  const emptyGet = (rawQuery: string, sig: string): SigV4Request => ({
    method: 'GET',
    rawPath: '/',
    rawQuery,
    headers: { host: HOST, 'x-amz-content-sha256': EMPTY, 'x-amz-date': DATE, authorization: auth('host;x-amz-content-sha256;x-amz-date', sig) },
  });
  it('GET Bucket lifecycle (?lifecycle → "lifecycle=")', () => {
    verify(emptyGet('lifecycle', 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'));
  });
  it('GET Bucket (list objects, sorted query)', () => {
    verify(emptyGet('max-keys=2&prefix=J', '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'));
  });

  it('presigned GET Object URL', () => {
    const ctx = verify({
      method: 'GET',
      rawPath: '/test.txt',
      rawQuery:
        'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
        '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
      headers: { host: HOST },
    });
    assert.equal(ctx.presigned, true);
    assert.deepEqual(ctx.payload, { kind: 'unsigned' });
  });

  describe('PUT Object in chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)', () => {
    const SEED = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
    const SIGS = [
      'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
      '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
      'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
    ] as const;
    const request = (): SigV4Request => ({
      method: 'PUT',
      rawPath: '/examplebucket/chunkObject.txt',
      rawQuery: '',
      headers: {
        'content-encoding': 'aws-chunked',
        'content-length': '66824',
        host: 's3.amazonaws.com',
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'x-amz-date': DATE,
        'x-amz-decoded-content-length': '66560',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        authorization: auth(
          'content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class',
          SEED,
        ),
      },
    });
    const data = [Buffer.alloc(65536, 'a'), Buffer.alloc(1024, 'a'), Buffer.alloc(0)];

    it('seed signature verifies and selects the signed streaming payload', () => {
      const ctx = verify(request());
      assert.deepEqual(ctx.payload, { kind: 'streaming-signed', trailer: false });
      assert.equal(ctx.signature, SEED);
    });

    it('chunk string-to-sign and signatures match the documented values', () => {
      const ctx = verify(request());
      assert.equal(
        chunkStringToSign(ctx, SEED, sha256Hex(data[0] as Buffer)),
        `AWS4-HMAC-SHA256-PAYLOAD\n${DATE}\n${SCOPE}\n${SEED}\n${EMPTY}\nbf718b6f653bebc184e1479f1935b8da974d701b893afcf49e701f3e2f9f9c5a`,
      );
      let previous = SEED;
      data.forEach((d, i) => {
        previous = signChunk(ctx, previous, d);
        assert.equal(previous, SIGS[i]);
      });
    });

    it('the documented 66824-byte body decodes to 66560 bytes of "a"', async () => {
      const ctx = verify(request());
      const body = Buffer.concat([
        Buffer.from(`10000;chunk-signature=${SIGS[0]}\r\n`),
        data[0] as Buffer,
        Buffer.from(`\r\n400;chunk-signature=${SIGS[1]}\r\n`),
        data[1] as Buffer,
        Buffer.from(`\r\n0;chunk-signature=${SIGS[2]}\r\n\r\n`),
      ]);
      assert.equal(body.length, 66824);
      const decoded = await buffer(Readable.from([body]).pipe(createAwsChunkedDecoder(ctx, { family: 's3', decodedContentLength: 66560 })));
      assert.equal(decoded.length, 66560);
      assert.ok(decoded.every((b) => b === 0x61));
    });
  });
});
