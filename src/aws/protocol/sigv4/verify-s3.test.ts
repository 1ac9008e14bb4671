import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sha256Hex } from './canonical-request.js';
import { payloadMismatchError } from './errors.js';
import { AKID, catchAwsError, secretFor, smithySign, type SmithyRequest } from './test-support.js';
import type { SigV4Options, SigV4Request } from './types.js';
import { verifySigV4 } from './verify.js';

const SIGNED_AT = new Date('2024-01-01T00:00:00Z');
const opts = (over: Partial<SigV4Options> = {}): SigV4Options => ({
  family: 's3',
  secretFor,
  now: SIGNED_AT,
  expectedService: 's3',
  expectedRegion: 'us-east-1',
  ...over,
});
const body = 'object body';
const put: SmithyRequest = {
  service: 's3',
  s3: true,
  method: 'PUT',
  hostname: 'localhost',
  // Key "dir/my key ü/a/b!(1).txt" with its last "/" sent encoded, as SDKs encode keys per segment.
  path: '/my-bucket/dir/my%20key%20%C3%BC/a%2Fb%21%281%29.txt',
  query: { 'x-id': 'PutObject', tagging: 'k=v&k2=a b/c+d~' },
  headers: { 'x-amz-content-sha256': sha256Hex(body), 'content-type': 'text/plain', 'x-amz-meta-list': 'one,two' },
  body,
  signingDate: SIGNED_AT,
};

describe('S3 family: requests signed by @smithy/signature-v4 verify', () => {
  it('PUT with special characters in key and query, repeated x-amz-meta header', async () => {
    const signed = await smithySign(put);
    const ctx = verifySigV4({ ...signed, headers: { ...signed.headers, 'x-amz-meta-list': ['one', 'two'] } }, opts());
    assert.deepEqual(ctx.payload, { kind: 'hashed', sha256: sha256Hex(body) });
    assert.equal(ctx.scope, '20240101/us-east-1/s3/aws4_request');
    assert.equal(ctx.signingKey.length, 32);
  });

  it('the same key sent with lower-case escapes and raw "!()" still verifies (canonicalised)', async () => {
    const signed = await smithySign(put);
    verifySigV4({ ...signed, rawPath: '/my-bucket/dir/my%20key%20%c3%bc/a%2fb!(1).txt' }, opts());
  });

  for (const marker of ['UNSIGNED-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER']) {
    it(`x-amz-content-sha256: ${marker}`, async () => {
      const signed = await smithySign({ ...put, headers: { ...put.headers, 'x-amz-content-sha256': marker } });
      const kind = verifySigV4(signed, opts()).payload.kind;
      assert.equal(kind, marker === 'UNSIGNED-PAYLOAD' ? 'unsigned' : marker.startsWith('STREAMING-UNSIGNED') ? 'streaming-unsigned-trailer' : 'streaming-signed');
    });
  }
});

describe('S3 family: failures answer with S3 codes, statuses, messages and members', () => {
  let signed: SigV4Request;
  before(async () => {
    signed = await smithySign(put);
  });
  const authOf = (r: SigV4Request): string => String(r.headers.authorization);
  const withHeaders = (r: SigV4Request, h: SigV4Request['headers']): SigV4Request => ({ ...r, headers: { ...r.headers, ...h } });
  const withoutHeader = (r: SigV4Request, name: string): SigV4Request => {
    const headers = { ...r.headers };
    delete headers[name];
    return { ...r, headers };
  };
  const MALFORMED = 'The authorization header is malformed; ';
  const MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

  type Case = [string, (r: SigV4Request) => SigV4Request, Partial<SigV4Options>, string, number, string, Record<string, unknown>?];
  const cases: Case[] = [
    ['anonymous request', () => ({ method: 'GET', rawPath: '/b/k', rawQuery: '', headers: { host: 'h' } }), {}, 'AccessDenied', 403, 'Access Denied'],
    [
      'SigV2 Authorization',
      (r) => withHeaders(r, { authorization: 'AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=' }),
      {},
      'InvalidRequest',
      400,
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    ],
    [
      'missing SignedHeaders',
      (r) => withHeaders(r, { authorization: authOf(r).replace(/SignedHeaders=[^,]*, /, '') }),
      {},
      'AuthorizationHeaderMalformed',
      400,
      `${MALFORMED}the authorization header requires three components: Credential, SignedHeaders, and Signature.`,
    ],
    [
      'a component without "="',
      (r) => withHeaders(r, { authorization: 'AWS4-HMAC-SHA256 Credential, SignedHeaders=host, Signature=ab' }),
      {},
      'AuthorizationHeaderMalformed',
      400,
      `${MALFORMED}the authorization component "Credential" is malformed.`,
    ],
    ['no date at all', (r) => withoutHeader(r, 'x-amz-date'), {}, 'AccessDenied', 403, 'AWS authentication requires a valid Date or x-amz-date header'],
    ['an unparsable date', (r) => withHeaders(r, { 'x-amz-date': '20240101' }), {}, 'AccessDenied', 403, 'AWS authentication requires a valid Date or x-amz-date header'],
    [
      'a malformed Credential',
      (r) => withHeaders(r, { authorization: authOf(r).replace(`${AKID}/`, '') }),
      {},
      'AuthorizationHeaderMalformed',
      400,
      `${MALFORMED}the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`,
    ],
    [
      'the wrong region',
      (r) => r,
      { expectedRegion: 'eu-west-1' },
      'AuthorizationHeaderMalformed',
      400,
      `${MALFORMED}the region 'us-east-1' is wrong; expecting 'eu-west-1'`,
      { Region: 'eu-west-1' },
    ],
    ['the wrong service', (r) => withHeaders(r, { authorization: authOf(r).replace('/s3/', '/ssm/') }), {}, 'AuthorizationHeaderMalformed', 400, `${MALFORMED}incorrect service "ssm". This endpoint belongs to "s3".`],
    [
      'a scope date that is not the request date',
      (r) => withHeaders(r, { authorization: authOf(r).replace('/20240101/', '/20231231/') }),
      {},
      'AuthorizationHeaderMalformed',
      400,
      `${MALFORMED}Invalid credential date. Date is not the same as X-Amz-Date.`,
    ],
    ['no x-amz-content-sha256', (r) => withoutHeader(r, 'x-amz-content-sha256'), {}, 'InvalidRequest', 400, 'Missing required header for this request: x-amz-content-sha256'],
    [
      'x-amz-content-sha256 not signed',
      (r) => withHeaders(r, { authorization: authOf(r).replace('x-amz-content-sha256;', '') }),
      {},
      'InvalidRequest',
      400,
      "header 'x-amz-content-sha256' must be included in signature",
    ],
    [
      'an invalid x-amz-content-sha256',
      (r) => withHeaders(r, { 'x-amz-content-sha256': 'GIBBERISH' }),
      {},
      'InvalidArgument',
      400,
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
      { ArgumentName: 'x-amz-content-sha256', ArgumentValue: 'GIBBERISH' },
    ],
    [
      'an x-amz-* header added after signing',
      (r) => withHeaders(r, { 'x-amz-acl': 'public-read' }),
      {},
      'AccessDenied',
      403,
      'There were headers present in the request which were not signed',
      { HeadersNotSigned: 'x-amz-acl' },
    ],
    [
      'host not signed',
      (r) => withHeaders(r, { authorization: authOf(r).replace(';host;', ';') }),
      {},
      'AccessDenied',
      403,
      'There were headers present in the request which were not signed',
      { HeadersNotSigned: 'host' },
    ],
    [
      'an unknown access key',
      (r) => withHeaders(r, { authorization: authOf(r).replace(AKID, 'AKIAUNKNOWN') }),
      {},
      'InvalidAccessKeyId',
      403,
      'The AWS Access Key Id you provided does not exist in our records.',
      { AWSAccessKeyId: 'AKIAUNKNOWN' },
    ],
    [
      'a clock 16 minutes ahead',
      (r) => r,
      { now: new Date('2024-01-01T00:16:00.500Z') },
      'RequestTimeTooSkewed',
      403,
      'The difference between the request time and the current time is too large.',
      { RequestTime: '20240101T000000Z', ServerTime: '2024-01-01T00:16:00Z', MaxAllowedSkewMilliseconds: 900000 },
    ],
    [
      'a clock 16 minutes behind',
      (r) => r,
      { now: new Date('2023-12-31T23:44:00Z') },
      'RequestTimeTooSkewed',
      403,
      'The difference between the request time and the current time is too large.',
    ],
    ['a tampered key', (r) => ({ ...r, rawPath: r.rawPath.replace('%2F', '/') }), {}, 'SignatureDoesNotMatch', 403, MISMATCH],
    ['a tampered query', (r) => ({ ...r, rawQuery: r.rawQuery.replace('PutObject', 'GetObject') }), {}, 'SignatureDoesNotMatch', 403, MISMATCH],
    ['a tampered signed header', (r) => withHeaders(r, { 'content-type': 'text/html' }), {}, 'SignatureDoesNotMatch', 403, MISMATCH],
    [
      'both header and query auth',
      (r) => ({ ...r, rawQuery: `${r.rawQuery}&X-Amz-Algorithm=AWS4-HMAC-SHA256` }),
      {},
      'InvalidArgument',
      400,
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    ],
  ];
  for (const [name, mutate, over, code, status, message, extra] of cases) {
    it(name, () => {
      const err = catchAwsError(() => verifySigV4(mutate(structuredClone(signed)), opts(over)));
      assert.deepEqual({ code: err.code, status: err.status, message: err.message }, { code, status, message });
      for (const [k, v] of Object.entries(extra ?? {})) assert.equal(err.extra[k], v, k);
    });
  }

  it('SignatureDoesNotMatch carries the diagnostic members S3 returns', () => {
    const err = catchAwsError(() => verifySigV4(structuredClone(signed), opts({ secretFor: () => 'wrong' })));
    const sig = /Signature=([0-9a-f]{64})/.exec(authOf(signed))?.[1];
    assert.equal(err.extra.AWSAccessKeyId, AKID);
    assert.equal(err.extra.SignatureProvided, sig);
    assert.match(String(err.extra.StringToSign), /^AWS4-HMAC-SHA256\n20240101T000000Z\n20240101\/us-east-1\/s3\/aws4_request\n[0-9a-f]{64}$/);
    assert.match(String(err.extra.CanonicalRequest), /^PUT\n\/my-bucket\/dir\/my%20key%20%C3%BC\/a%2Fb%21%281%29\.txt\ntagging=k%3Dv%26k2%3Da%20b%2Fc%2Bd~&x-id=PutObject\n/);
    assert.equal(String(err.extra.StringToSignBytes).slice(0, 11), '41 57 53 34');
    assert.equal(String(err.extra.CanonicalRequestBytes).slice(0, 8), '50 55 54');
  });

  it('payloadMismatchError: XAmzContentSHA256Mismatch with both hashes', () => {
    const err = payloadMismatchError('s3', 'c'.repeat(64), 'd'.repeat(64));
    assert.deepEqual([err.code, err.status, err.message], [
      'XAmzContentSHA256Mismatch',
      400,
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    ]);
    assert.deepEqual(err.extra, { ClientComputedContentSHA256: 'd'.repeat(64), S3ComputedContentSHA256: 'c'.repeat(64) });
  });
});
