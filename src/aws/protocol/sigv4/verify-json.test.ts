import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sha256Hex } from './canonical-request.js';
import { payloadMismatchError } from './errors.js';
import { AKID, catchAwsError, secretFor, smithySign, type SmithyRequest } from './test-support.js';
import type { SigV4Options, SigV4Request } from './types.js';
import { verifySigV4 } from './verify.js';

const SIGNED_AT = new Date('2024-01-01T00:00:00Z');
const opts = (over: Partial<SigV4Options> = {}): SigV4Options => ({ family: 'json', secretFor, now: SIGNED_AT, ...over });

const ssmBody = '{"Name":"/app/db","WithDecryption":true}';
const ssm: SmithyRequest = {
  service: 'ssm',
  method: 'POST',
  hostname: 'ssm.us-east-1.amazonaws.com',
  path: '/',
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.GetParameter' },
  body: ssmBody,
  signingDate: SIGNED_AT,
  applyChecksum: false, // like botocore for non-S3 services: the server hashes the buffered body
};

describe('JSON family: requests signed by @smithy/signature-v4 verify', () => {
  const cases: Array<[string, SmithyRequest, Partial<SigV4Options>]> = [
    ['SSM GetParameter (json-1.1, body hash from the caller)', ssm, { payloadHash: sha256Hex(ssmBody), expectedService: 'ssm' }],
    [
      'ECR: host api.ecr.* but signing name ecr',
      { ...ssm, service: 'ecr', hostname: 'api.ecr.eu-west-1.amazonaws.com', region: 'eu-west-1', body: '{}' },
      { payloadHash: sha256Hex('{}'), expectedService: 'ecr', expectedRegion: 'eu-west-1' },
    ],
    [
      'Lambda rest-json path with an encoded ARN (double-encoded canonical URI) and special query chars',
      {
        service: 'lambda',
        method: 'GET',
        path: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Amy-fn/aliases',
        query: { FunctionVersion: '$LATEST', Marker: 'a b+c/d=e&f~ü' },
        signingDate: SIGNED_AT,
      },
      { expectedService: 'lambda' },
    ],
    [
      'session token and whitespace-heavy header',
      { ...ssm, body: undefined, headers: { 'x-amz-security-token': 'FQoG//token+=', 'x-custom': '  a   b  ' } },
      {},
    ],
  ];
  for (const [name, req, over] of cases) {
    it(name, async () => {
      const ctx = verifySigV4(await smithySign(req), opts(over));
      assert.equal(ctx.accessKeyId, AKID);
      assert.equal(ctx.service, req.service);
      assert.equal(ctx.amzDate, '20240101T000000Z');
      assert.equal(ctx.presigned, false);
    });
  }

  it('repeated header lines (headersDistinct arrays) join with "," as the client signed them', async () => {
    const signed = await smithySign({ ...ssm, body: undefined, headers: { 'x-list': 'one,two' } });
    verifySigV4({ ...signed, headers: { ...signed.headers, 'x-list': ['one', ' two '] } }, opts());
  });
});

describe('JSON family: failures answer with Coral codes and messages', () => {
  const MISMATCH =
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
  const signedSsm = () => smithySign({ ...ssm, body: undefined });
  const withAuth = (r: SigV4Request, authorization: string): SigV4Request => ({ ...r, headers: { ...r.headers, authorization } });
  const authOf = (r: SigV4Request): string => String(r.headers.authorization);

  type Case = [string, (r: SigV4Request) => SigV4Request, Partial<SigV4Options>, string, number, string];
  const cases: Case[] = [
    ['no credentials at all', (r) => ({ ...r, headers: { host: 'x' } }), {}, 'MissingAuthenticationTokenException', 403, 'Missing Authentication Token'],
    [
      'a bearer token instead of SigV4',
      (r) => withAuth(r, 'Bearer abc'),
      {},
      'IncompleteSignatureException',
      400,
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=Bearer abc",
    ],
    [
      'missing SignedHeaders and date',
      (r) => {
        const { 'x-amz-date': _d, ...headers } = r.headers;
        return { ...r, headers: { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${AKID}/20240101/us-east-1/ssm/aws4_request, Signature=ab` } };
      },
      {},
      'IncompleteSignatureException',
      400,
      `Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Credential=${AKID}/20240101/us-east-1/ssm/aws4_request, Signature=ab`,
    ],
    [
      'a component that is not key=value',
      (r) => withAuth(r, 'AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature'),
      {},
      'IncompleteSignatureException',
      400,
      "'Signature' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature'.",
    ],
    [
      'a 4-element credential',
      (r) => withAuth(r, authOf(r).replace('/us-east-1/', '/')),
      {},
      'IncompleteSignatureException',
      400,
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${AKID}/20240101/ssm/aws4_request'`,
    ],
    [
      'an X-Amz-Date not in basic format',
      (r) => ({ ...r, headers: { ...r.headers, 'x-amz-date': '2024-01-01T00:00:00Z' } }),
      {},
      'IncompleteSignatureException',
      400,
      "Date must be in ISO-8601 'basic format'. Got '2024-01-01T00:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    ],
    ['an unknown access key', (r) => withAuth(r, authOf(r).replace(AKID, 'AKIAUNKNOWN')), {}, 'UnrecognizedClientException', 400, 'The security token included in the request is invalid.'],
    ['a tampered header', (r) => ({ ...r, headers: { ...r.headers, 'x-amz-target': 'AmazonSSM.PutParameter' } }), {}, 'InvalidSignatureException', 400, MISMATCH],
    ['a tampered path', (r) => ({ ...r, rawPath: '/x' }), {}, 'InvalidSignatureException', 400, MISMATCH],
    ['a tampered query', (r) => ({ ...r, rawQuery: 'a=1' }), {}, 'InvalidSignatureException', 400, MISMATCH],
    ['a different body', (r) => r, { payloadHash: sha256Hex('{}') }, 'InvalidSignatureException', 400, MISMATCH],
    ['a wrong secret', (r) => r, { secretFor: () => 'other' }, 'InvalidSignatureException', 400, MISMATCH],
    [
      'a signature 16 min old',
      (r) => r,
      { now: new Date('2024-01-01T00:16:00Z') },
      'InvalidSignatureException',
      400,
      'Signature expired: 20240101T000000Z is now earlier than 20240101T000100Z (20240101T001600Z - 15 min.)',
    ],
    [
      'a 5-minute window (Logs/KMS)',
      (r) => r,
      { now: new Date('2024-01-01T00:06:00Z'), maxSkewMs: 5 * 60_000 },
      'InvalidSignatureException',
      400,
      'Signature expired: 20240101T000000Z is now earlier than 20240101T000100Z (20240101T000600Z - 5 min.)',
    ],
    [
      'a signature from 16 min in the future',
      (r) => r,
      { now: new Date('2023-12-31T23:44:00Z') },
      'InvalidSignatureException',
      400,
      'Signature not yet current: 20240101T000000Z is still later than 20231231T235900Z (20231231T234400Z + 15 min.)',
    ],
    ['the wrong service', (r) => r, { expectedService: 'secretsmanager' }, 'InvalidSignatureException', 400, "Credential should be scoped to correct service: 'secretsmanager'. "],
    ['the wrong region', (r) => r, { expectedRegion: 'eu-west-1' }, 'InvalidSignatureException', 400, "Credential should be scoped to a valid region, not 'us-east-1'. "],
    [
      'a bad terminator',
      (r) => withAuth(r, authOf(r).replace('aws4_request', 'aws5_request')),
      {},
      'InvalidSignatureException',
      400,
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ",
    ],
    [
      'a scope date that is not the request date, plus a wrong service',
      (r) => withAuth(r, authOf(r).replace('/20240101/', '/20240102/')),
      { expectedService: 'kms' },
      'InvalidSignatureException',
      400,
      "Credential should be scoped to correct service: 'kms'. Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240102' != '20240101', from '20240101T000000Z'. ",
    ],
    [
      'host not signed',
      (r) => withAuth(r, authOf(r).replace('SignedHeaders=content-type;host;', 'SignedHeaders=content-type;')),
      {},
      'InvalidSignatureException',
      400,
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    ],
  ];
  for (const [name, mutate, over, code, status, message] of cases) {
    it(name, async () => {
      const req = mutate(await signedSsmSync());
      const err = catchAwsError(() => verifySigV4(req, opts(over)));
      assert.deepEqual({ code: err.code, status: err.status, message: err.message }, { code, status, message });
    });
  }

  let cached: SigV4Request | undefined;
  async function signedSsmSync(): Promise<SigV4Request> {
    cached ??= await signedSsm();
    return structuredClone(cached);
  }

  it('with x-amz-content-sha256 sent, the claimed hash is returned for the body consumer to check', async () => {
    const ctx = verifySigV4(await smithySign({ ...ssm, applyChecksum: true }), opts({ payloadHash: sha256Hex('{}') }));
    assert.deepEqual(ctx.payload, { kind: 'hashed', sha256: sha256Hex(ssmBody) });
  });

  it('payloadMismatchError for JSON is a signature mismatch', () => {
    const err = payloadMismatchError('json', 'a'.repeat(64), 'b'.repeat(64));
    assert.deepEqual([err.code, err.status, err.message], ['InvalidSignatureException', 400, MISMATCH]);
  });
});
