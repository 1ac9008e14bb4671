import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { canonicalQuery, parseQuery } from './canonical-query.js';
import { catchAwsError, secretFor, smithyPresign, type SmithyRequest } from './test-support.js';
import type { SigV4Options, SigV4Request } from './types.js';
import { verifySigV4 } from './verify.js';

const SIGNED_AT = new Date('2024-01-01T00:00:00Z');
const at = (iso: string): Date => new Date(iso);
const s3Opts = (over: Partial<SigV4Options> = {}): SigV4Options => ({ family: 's3', secretFor, now: SIGNED_AT, expectedService: 's3', ...over });

// What @aws-sdk/s3-request-presigner does: sign UNSIGNED-PAYLOAD, hoisted into X-Amz-Content-Sha256.
const get: SmithyRequest = {
  service: 's3',
  s3: true,
  method: 'GET',
  hostname: 'my-bucket.s3.us-east-1.amazonaws.com',
  path: '/reports/q1%20%E2%82%AC.pdf',
  query: { 'response-content-disposition': 'attachment; filename="q1 €.pdf"', 'x-id': 'GetObject' },
  headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
  signingDate: SIGNED_AT,
};

const replaceParam = (r: SigV4Request, name: string, value: string): SigV4Request => ({
  ...r,
  rawQuery: r.rawQuery.replace(new RegExp(`${name}=[^&]*`), `${name}=${value}`),
});
const dropParam = (r: SigV4Request, name: string): SigV4Request => ({
  ...r,
  rawQuery: r.rawQuery
    .split('&')
    .filter((p) => !p.startsWith(`${name}=`))
    .join('&'),
});

describe('presigned URLs (S3)', () => {
  let url: SigV4Request;
  before(async () => {
    url = await smithyPresign(get, 3600);
  });

  it('verifies while valid, as UNSIGNED-PAYLOAD, with X-Amz-Signature left out of the canonical query', () => {
    const ctx = verifySigV4(url, s3Opts({ now: at('2024-01-01T00:59:59Z') }));
    assert.equal(ctx.presigned, true);
    assert.deepEqual(ctx.payload, { kind: 'unsigned' });
    assert.doesNotMatch(canonicalQuery(parseQuery(url.rawQuery), 'X-Amz-Signature'), /X-Amz-Signature/);
  });

  it('an old but unexpired URL is not "too skewed"', async () => {
    const week = await smithyPresign(get, 604800);
    verifySigV4(week, s3Opts({ now: at('2024-01-07T23:00:00Z') }));
  });

  type Case = [string, (r: SigV4Request) => SigV4Request, Partial<SigV4Options>, string, number, string, Record<string, unknown>?];
  const cases: Case[] = [
    [
      'expired',
      (r) => r,
      { now: at('2024-01-01T01:00:01Z') },
      'AccessDenied',
      403,
      'Request has expired',
      { 'X-Amz-Expires': 3600, Expires: '2024-01-01T01:00:00Z', ServerTime: '2024-01-01T01:00:01Z' },
    ],
    [
      'dated in the future',
      (r) => r,
      { now: at('2023-12-31T23:40:00Z') },
      'AccessDenied',
      403,
      'Request is not yet valid',
      { 'X-Amz-Date': SIGNED_AT.getTime(), ServerTime: '2023-12-31T23:40:00Z' },
    ],
    ['a tampered path', (r) => ({ ...r, rawPath: '/reports/q2.pdf' }), {}, 'SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'],
    ['a tampered response header override', (r) => replaceParam(r, 'response-content-disposition', 'inline'), {}, 'SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'],
    ['an extended lifetime', (r) => replaceParam(r, 'X-Amz-Expires', '7200'), {}, 'SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'],
    ['a tampered signature', (r) => replaceParam(r, 'X-Amz-Signature', '0'.repeat(64)), {}, 'SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'],
    [
      'a missing parameter',
      (r) => dropParam(r, 'X-Amz-SignedHeaders'),
      {},
      'AuthorizationQueryParametersError',
      400,
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    ],
    ['another algorithm', (r) => replaceParam(r, 'X-Amz-Algorithm', 'AWS4-HMAC-SHA512'), {}, 'AuthorizationQueryParametersError', 400, 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"'],
    [
      'X-Amz-Expires over a week',
      (r) => replaceParam(r, 'X-Amz-Expires', '604801'),
      {},
      'AuthorizationQueryParametersError',
      400,
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    ],
    ['negative X-Amz-Expires', (r) => replaceParam(r, 'X-Amz-Expires', '-1'), {}, 'AuthorizationQueryParametersError', 400, 'X-Amz-Expires must be non-negative'],
    ['non-numeric X-Amz-Expires', (r) => replaceParam(r, 'X-Amz-Expires', 'soon'), {}, 'AuthorizationQueryParametersError', 400, 'X-Amz-Expires should be a number'],
    [
      'a bad X-Amz-Date',
      (r) => replaceParam(r, 'X-Amz-Date', '2024-01-01'),
      {},
      'AuthorizationQueryParametersError',
      400,
      `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`,
    ],
    [
      'a malformed X-Amz-Credential',
      (r) => replaceParam(r, 'X-Amz-Credential', 'AKIDEXAMPLE%2F20240101'),
      {},
      'AuthorizationQueryParametersError',
      400,
      'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    ],
    [
      'the wrong region',
      (r) => r,
      { expectedRegion: 'eu-central-1' },
      'AuthorizationQueryParametersError',
      400,
      "Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-central-1'",
      { Region: 'eu-central-1' },
    ],
    [
      'an unknown key',
      (r) => ({ ...r, rawQuery: r.rawQuery.replace('AKIDEXAMPLE', 'AKIAOTHER') }),
      {},
      'InvalidAccessKeyId',
      403,
      'The AWS Access Key Id you provided does not exist in our records.',
      { AWSAccessKeyId: 'AKIAOTHER' },
    ],
    [
      'an unsigned x-amz-* header sent along',
      (r) => ({ ...r, headers: { ...r.headers, 'x-amz-acl': 'public-read' } }),
      {},
      'AccessDenied',
      403,
      'There were headers present in the request which were not signed',
      { HeadersNotSigned: 'x-amz-acl' },
    ],
  ];
  for (const [name, mutate, over, code, status, message, extra] of cases) {
    it(name, () => {
      const err = catchAwsError(() => verifySigV4(mutate(structuredClone(url)), s3Opts(over)));
      assert.deepEqual({ code: err.code, status: err.status, message: err.message }, { code, status, message });
      for (const [k, v] of Object.entries(extra ?? {})) assert.equal(err.extra[k], v, k);
    });
  }
});

describe('presigned URLs (JSON family, e.g. an STS-style GET)', () => {
  const sts: SmithyRequest = { service: 'sts', method: 'GET', path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, signingDate: SIGNED_AT };
  const jsonOpts = (now: Date): SigV4Options => ({ family: 'json', secretFor, now, expectedService: 'sts' });

  it('verifies while valid (payload hash of the empty body)', async () => {
    const ctx = verifySigV4(await smithyPresign(sts, 900), jsonOpts(at('2024-01-01T00:10:00Z')));
    assert.equal(ctx.presigned, true);
    assert.equal(ctx.payload.kind, 'hashed');
  });

  it('expired: InvalidSignatureException "Signature expired"', async () => {
    const url = await smithyPresign(sts, 900);
    const err = catchAwsError(() => verifySigV4(url, jsonOpts(at('2024-01-01T00:15:01Z'))));
    assert.deepEqual([err.code, err.status, err.message], [
      'InvalidSignatureException',
      400,
      'Signature expired: 20240101T000000Z is now earlier than 20240101T000001Z (20240101T001501Z - 15 min.)',
    ]);
  });
});
