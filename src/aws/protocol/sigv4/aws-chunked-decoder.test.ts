import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AwsError } from '../errors.js';
import { createAwsChunkedDecoder, type AwsChunkedDecoderOptions } from './aws-chunked-decoder.js';
import { deriveSigningKey } from './signing-key.js';
import { SECRET, signedChunkedBody, unsignedChunkedBody } from './test-support.js';
import type { SigV4Context, SigV4Payload } from './types.js';

const SEED = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
const contextFor = (payload: SigV4Payload): SigV4Context => ({
  accessKeyId: 'AKIDEXAMPLE',
  region: 'us-east-1',
  service: 's3',
  amzDate: '20240101T000000Z',
  scope: '20240101/us-east-1/s3/aws4_request',
  signingKey: deriveSigningKey(SECRET, '20240101', 'us-east-1', 's3'),
  signature: SEED,
  payload,
  presigned: false,
});
const SIGNED = contextFor({ kind: 'streaming-signed', trailer: false });
const SIGNED_TRAILER = contextFor({ kind: 'streaming-signed', trailer: true });
const UNSIGNED_TRAILER = contextFor({ kind: 'streaming-unsigned-trailer' });

async function decode(ctx: SigV4Context, pieces: Buffer[], opts: Partial<AwsChunkedDecoderOptions> = {}) {
  const decoder = createAwsChunkedDecoder(ctx, { family: 's3', ...opts });
  const data = await buffer(Readable.from(pieces).pipe(decoder));
  return { data, trailers: decoder.trailers };
}

async function decodeError(ctx: SigV4Context, body: Buffer, opts: Partial<AwsChunkedDecoderOptions> = {}): Promise<AwsError> {
  try {
    await decode(ctx, [body], opts);
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('expected the decoder to fail');
}

/** Splits a buffer at the given (sorted, deduplicated) offsets. */
function splitAt(body: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of [...points, body.length]) {
    out.push(body.subarray(from, p));
    from = p;
  }
  return out.filter((b) => b.length > 0);
}

const chunks = [Buffer.from('Hello, '), Buffer.alloc(300, 0xff), Buffer.from('world — ü')];
const payload = Buffer.concat(chunks);
const crc: Array<[string, string]> = [['x-amz-checksum-crc32', 'sOO8/Q==']];

describe('aws-chunked decoding', () => {
  it('signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)', async () => {
    const { body } = signedChunkedBody(SIGNED, SEED, chunks);
    const { data, trailers } = await decode(SIGNED, [body], { decodedContentLength: payload.length });
    assert.deepEqual(data, payload);
    assert.deepEqual(trailers, {});
  });

  it('signed chunks with a signed trailer (…-PAYLOAD-TRAILER)', async () => {
    const { body } = signedChunkedBody(SIGNED_TRAILER, SEED, chunks, crc);
    const { data, trailers } = await decode(SIGNED_TRAILER, [body]);
    assert.deepEqual(data, payload);
    assert.deepEqual(trailers, { 'x-amz-checksum-crc32': 'sOO8/Q==' });
  });

  const unsignedLayouts: Array<[string, Buffer, Record<string, string>]> = [
    ['botocore, with checksum', unsignedChunkedBody(chunks, crc), { 'x-amz-checksum-crc32': 'sOO8/Q==' }],
    ['botocore, no checksum ("0\\r\\n\\r\\n")', unsignedChunkedBody(chunks, []), {}],
    ['AWS JS SDK, no checksum (ends right after "0\\r\\n")', Buffer.concat([unsignedChunkedBody(chunks, []).subarray(0, -2)]), {}],
    ['a trailer line without its final CRLF', Buffer.from('3\r\nabc\r\n0\r\nx-amz-checksum-sha256:AAAA'), { 'x-amz-checksum-sha256': 'AAAA' }],
  ];
  for (const [name, body, expected] of unsignedLayouts) {
    it(`unsigned chunks with trailer (STREAMING-UNSIGNED-PAYLOAD-TRAILER): ${name}`, async () => {
      const { trailers } = await decode(UNSIGNED_TRAILER, [body]);
      assert.deepEqual(trailers, expected);
    });
  }

  it('every two-piece split of a signed-trailer body decodes identically', async () => {
    const { body } = signedChunkedBody(SIGNED_TRAILER, SEED, chunks, crc);
    for (let cut = 0; cut <= body.length; cut++) {
      const { data, trailers } = await decode(SIGNED_TRAILER, [body.subarray(0, cut), body.subarray(cut)]);
      assert.deepEqual(data, payload, `cut at ${cut}`);
      assert.equal(trailers['x-amz-checksum-crc32'], 'sOO8/Q==');
    }
  });

  it('byte-by-byte delivery decodes identically', async () => {
    const { body } = signedChunkedBody(SIGNED, SEED, chunks);
    const bytes = Array.from(body, (b) => Buffer.from([b]));
    assert.deepEqual((await decode(SIGNED, bytes)).data, payload);
  });

  it('property: any chunking of any payload, split at arbitrary TCP boundaries, round-trips', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 64 }), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom('signed', 'signed-trailer', 'unsigned-trailer'),
        async (parts, cuts, mode) => {
          const data = parts.map((p) => Buffer.from(p));
          const expected = Buffer.concat(data);
          const ctx = mode === 'signed' ? SIGNED : mode === 'signed-trailer' ? SIGNED_TRAILER : UNSIGNED_TRAILER;
          const body =
            mode === 'unsigned-trailer' ? unsignedChunkedBody(data, crc) : signedChunkedBody(ctx, SEED, data, mode === 'signed' ? undefined : crc).body;
          const out = await decode(ctx, splitAt(body, cuts), { decodedContentLength: expected.length });
          assert.deepEqual(out.data, expected);
          if (mode !== 'signed') assert.equal(out.trailers['x-amz-checksum-crc32'], 'sOO8/Q==');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a decoder for a hashed payload (the body hash applies to the raw body)', () => {
    assert.throws(() => createAwsChunkedDecoder(contextFor({ kind: 'hashed', sha256: 'x' }), { family: 's3' }), TypeError);
  });
});

describe('aws-chunked failures', () => {
  const good = signedChunkedBody(SIGNED, SEED, chunks);
  const goodTrailer = signedChunkedBody(SIGNED_TRAILER, SEED, chunks, crc);
  const text = good.body.toString('latin1');
  const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
  const MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

  type Case = [string, SigV4Context, Buffer, Partial<AwsChunkedDecoderOptions>, string, number, string | RegExp];
  const cases: Case[] = [
    ['tampered chunk data', SIGNED, latin1(text.replace('Hello', 'Jello')), {}, 'SignatureDoesNotMatch', 403, MISMATCH],
    ['a forged final-chunk signature', SIGNED, latin1(text.replace(good.signatures[3] as string, '0'.repeat(64))), {}, 'SignatureDoesNotMatch', 403, MISMATCH],
    ['chunks in the wrong order', SIGNED, swapFirstTwoChunks(good.body), {}, 'SignatureDoesNotMatch', 403, MISMATCH],
    ['a different seed (another request)', { ...SIGNED, signature: 'f'.repeat(64) }, good.body, {}, 'SignatureDoesNotMatch', 403, MISMATCH],
    ['a tampered trailer value', SIGNED_TRAILER, latin1(goodTrailer.body.toString('latin1').replace('sOO8/Q==', 'AAAAAA==')), {}, 'SignatureDoesNotMatch', 403, MISMATCH],
    [
      'a missing trailer signature',
      SIGNED_TRAILER,
      latin1(goodTrailer.body.toString('latin1').replace(/x-amz-trailer-signature:[0-9a-f]+\r\n/, '')),
      {},
      'InvalidRequest',
      400,
      'Invalid aws-chunked body: missing x-amz-trailer-signature',
    ],
    ['the body cut inside a chunk', SIGNED, good.body.subarray(0, 120), {}, 'IncompleteBody', 400, /did not provide the number of bytes/],
    ['the final chunk missing', SIGNED, latin1(text.slice(0, text.lastIndexOf('0;chunk-signature'))), {}, 'IncompleteBody', 400, /did not provide/],
    ['a size that is not hex', SIGNED, latin1(text.replace(/^7;/, 'zz;')), {}, 'InvalidRequest', 400, 'Invalid aws-chunked body: invalid chunk size "zz"'],
    ['no chunk-signature on a signed chunk', SIGNED, latin1(text.replace(/^7;chunk-signature=[0-9a-f]{64}/, '7')), {}, 'InvalidRequest', 400, /chunk header must be/],
    ['a bare LF line ending', SIGNED, latin1(text.replace(/^(7;chunk-signature=[0-9a-f]{64})\r\n/, '$1\n')), {}, 'InvalidRequest', 400, /lines must end with CRLF/],
    ['chunk data not followed by CRLF', SIGNED, latin1(text.replace('Hello, \r\n', 'Hello, XX')), {}, 'InvalidRequest', 400, /followed by CRLF/],
    ['data after the final chunk', SIGNED, Buffer.concat([good.body, latin1('extra')]), {}, 'InvalidRequest', 400, /after the final chunk/],
    ['an endless header line', SIGNED, Buffer.alloc(5000, 0x31), {}, 'InvalidRequest', 400, /line too long/],
    ['more than x-amz-decoded-content-length', SIGNED, good.body, { decodedContentLength: 10 }, 'IncompleteBody', 400, /did not provide/],
    ['less than x-amz-decoded-content-length', SIGNED, good.body, { decodedContentLength: payload.length + 1 }, 'IncompleteBody', 400, /did not provide/],
    ['JSON family: a chunk mismatch is InvalidSignatureException', SIGNED, latin1(text.replace('Hello', 'Jello')), { family: 'json' }, 'InvalidSignatureException', 400, /does not match/],
  ];
  for (const [name, ctx, body, opts, code, status, message] of cases) {
    it(name, async () => {
      const err = await decodeError(ctx, body, opts);
      assert.deepEqual([err.code, err.status], [code, status]);
      if (typeof message === 'string') assert.equal(err.message, message);
      else assert.match(err.message, message);
    });
  }

  it('a chunk mismatch reports the chunk string-to-sign (S3 members)', async () => {
    const err = await decodeError(SIGNED, latin1(text.replace('Hello', 'Jello')));
    assert.match(String(err.extra.StringToSign), /^AWS4-HMAC-SHA256-PAYLOAD\n20240101T000000Z\n20240101\/us-east-1\/s3\/aws4_request\n4f232c43/);
    assert.equal(err.extra.SignatureProvided, good.signatures[0]);
    assert.equal(err.extra.AWSAccessKeyId, 'AKIDEXAMPLE');
  });
});

/** Swaps the first two data chunks (header+data+CRLF each), keeping their own signatures. */
function swapFirstTwoChunks(body: Buffer): Buffer {
  const text = body.toString('latin1');
  const m = /^([0-9a-f]+;chunk-signature=[0-9a-f]{64}\r\n[\s\S]*?\r\n)([0-9a-f]+;chunk-signature=[0-9a-f]{64}\r\n[\s\S]*?\r\n)/.exec(text);
  if (m === null) throw new Error('unexpected body layout');
  const [whole, first, second] = m as unknown as [string, string, string];
  return Buffer.from(second + first + text.slice(whole.length), 'latin1');
}
