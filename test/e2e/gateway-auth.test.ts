import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { aws, awsOk } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import {
  errorMessageOf,
  errorType,
  jsonCall,
  jsonRequest,
  rawRequest,
  s3Error,
  signRequest,
  signedRequest,
  type RawResponse,
} from '../support/signed-request.js';

/**
 * SigV4 negatives end to end: the real AWS CLI v2 with wrong keys, and raw requests signed by the
 * AWS SDK's own signer (@smithy/signature-v4) with a skewed clock, the wrong scope, or a body changed
 * after signing. Each case asserts AWS's error code, HTTP status and message — and that nothing was
 * written when the request was refused.
 */

const BUCKET = 'gateway-auth';
const SIGNATURE_MISMATCH_JSON =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const SIGNATURE_MISMATCH_S3 = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';
const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

let nagare: NagareHandle;
let endpoint: string;

before(async () => {
  nagare = await startNagare();
  endpoint = nagare.endpoint;
  await awsOk(endpoint, ['s3', 'mb', `s3://${BUCKET}`]);
  await Promise.all([
    awsOk(endpoint, ['s3', 'cp', '-', `s3://${BUCKET}/presign/hello.txt`], { input: 'hello, presigned world\n' }),
    awsOk(endpoint, ['s3', 'cp', '-', `s3://${BUCKET}/overwrite.txt`], { input: 'original content' }),
  ]);
});
after(async () => {
  await nagare?.stop();
});

function assertJsonError(res: RawResponse, status: number, code: string, message: string | RegExp): void {
  assert.equal(res.status, status, `HTTP status (body: ${res.text})`);
  assert.equal(errorType(res), code, res.text);
  if (typeof message === 'string') assert.equal(errorMessageOf(res), message);
  else assert.match(errorMessageOf(res), message);
  assert.match(String(res.headers['content-type']), /^application\/x-amz-json-1\.1/);
  assert.ok(res.headers['x-amzn-requestid'], 'errors carry x-amzn-RequestId too');
}

function assertS3Error(res: RawResponse, status: number, code: string, message: string | RegExp): ReturnType<typeof s3Error> {
  assert.equal(res.status, status, `HTTP status (body: ${res.text})`);
  const e = s3Error(res);
  assert.equal(e.code, code, res.text);
  if (typeof message === 'string') assert.equal(e.message, message);
  else assert.match(e.message, message);
  assert.match(String(res.headers['content-type']), /^application\/xml/);
  assert.ok(res.headers['x-amz-request-id'], 'S3 errors carry x-amz-request-id');
  assert.ok(e.field('RequestId'), 'the error document names the request id');
  return e;
}

/** "Signature expired: <t> is now earlier than <floor> (<now> - 15 min.)" with consistent times. */
function parseAmz(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  assert.ok(m, `amz date ${s}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}
function amzDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

const cliError = (op: string, code: string, message: string): RegExp =>
  new RegExp(`An error occurred \\(${code}\\) when calling the ${op} operation(?: \\(reached max retries: \\d+\\))?: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

describe('positive controls (the signer used below is right)', () => {
  test('a correctly signed raw JSON call and a raw S3 PUT/GET succeed', async () => {
    const ok = await jsonCall(endpoint, 'AmazonSSM.DescribeParameters', {});
    assert.equal(ok.status, 200, ok.text);
    const body = Buffer.from('signed by @smithy/signature-v4');
    const put = await signedRequest(endpoint, { method: 'PUT', path: `/${BUCKET}/control.txt`, body }, { service: 's3' });
    assert.equal(put.status, 200, put.text);
    const get = await signedRequest(endpoint, { method: 'GET', path: `/${BUCKET}/control.txt` }, { service: 's3' });
    assert.equal(get.status, 200, get.text);
    assert.deepEqual(get.body, body);
  });
});

describe('wrong keys (real AWS CLI v2)', { concurrency: true }, () => {
  test('wrong secret on an SSM call → InvalidSignatureException', async () => {
    const r = await aws(endpoint, ['ssm', 'get-parameter', '--name', '/auth/any'], { env: { AWS_SECRET_ACCESS_KEY: 'wrong' } });
    assert.equal(r.code, 254, r.stderr);
    assert.match(r.stderr, cliError('GetParameter', 'InvalidSignatureException', SIGNATURE_MISMATCH_JSON));
    const raw = await jsonCall(endpoint, 'AmazonSSM.GetParameter', { Name: '/auth/any' }, { secretAccessKey: 'wrong' });
    assertJsonError(raw, 400, 'InvalidSignatureException', SIGNATURE_MISMATCH_JSON);
  });

  test('wrong secret on a Secrets Manager call → InvalidSignatureException', async () => {
    const r = await aws(endpoint, ['secretsmanager', 'list-secrets'], { env: { AWS_SECRET_ACCESS_KEY: 'wrong' } });
    assert.equal(r.code, 254, r.stderr);
    assert.match(r.stderr, cliError('ListSecrets', 'InvalidSignatureException', SIGNATURE_MISMATCH_JSON));
  });

  test('wrong secret on an S3 call → SignatureDoesNotMatch (403, with the string to sign)', async () => {
    const r = await aws(endpoint, ['s3api', 'list-objects-v2', '--bucket', BUCKET], { env: { AWS_SECRET_ACCESS_KEY: 'wrong' } });
    assert.equal(r.code, 254, r.stderr);
    assert.match(r.stderr, cliError('ListObjectsV2', 'SignatureDoesNotMatch', SIGNATURE_MISMATCH_S3));
    const signed = await signRequest(endpoint, { method: 'GET', path: `/${BUCKET}`, query: { 'list-type': '2' } }, { service: 's3', secretAccessKey: 'wrong' });
    const raw = await rawRequest(endpoint, signed);
    const e = assertS3Error(raw, 403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH_S3);
    assert.equal(e.field('AWSAccessKeyId'), 'test');
    assert.equal(e.field('SignatureProvided'), /Signature=([0-9a-f]{64})/.exec(signed.headers.authorization ?? '')?.[1]);
    assert.match(e.field('StringToSign') ?? '', /^AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/us-east-1\/s3\/aws4_request\n[0-9a-f]{64}$/);
  });

  test('unknown access key → UnrecognizedClientException (JSON) / InvalidAccessKeyId (S3)', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIANOTKNOWNTONAGARE', AWS_SECRET_ACCESS_KEY: 'whatever' };
    const [ssm, s3] = await Promise.all([
      aws(endpoint, ['ssm', 'describe-parameters'], { env }),
      aws(endpoint, ['s3api', 'list-objects-v2', '--bucket', BUCKET], { env }),
    ]);
    assert.equal(ssm.code, 254, ssm.stderr);
    assert.match(ssm.stderr, cliError('DescribeParameters', 'UnrecognizedClientException', 'The security token included in the request is invalid.'));
    assert.equal(s3.code, 254, s3.stderr);
    assert.match(s3.stderr, cliError('ListObjectsV2', 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.'));

    const rawJson = await jsonCall(endpoint, 'AmazonSSM.DescribeParameters', {}, { accessKeyId: 'AKIANOTKNOWNTONAGARE' });
    assertJsonError(rawJson, 400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    const rawS3 = await signedRequest(endpoint, { method: 'GET', path: `/${BUCKET}/presign/hello.txt` }, { service: 's3', accessKeyId: 'AKIANOTKNOWNTONAGARE' });
    const e = assertS3Error(rawS3, 403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    assert.equal(e.field('AWSAccessKeyId'), 'AKIANOTKNOWNTONAGARE');
    assert.ok(!rawS3.text.includes('presigned world'), 'no object data leaks');
  });
});

describe('clock skew (raw, signed 20 minutes off)', { concurrency: true }, () => {
  test('JSON dated 20 min in the past → InvalidSignatureException "Signature expired: …"', async () => {
    const signingDate = new Date(Date.now() - 20 * 60_000);
    const before = Date.now();
    const res = await jsonCall(endpoint, 'AmazonSSM.DescribeParameters', {}, { signingDate });
    const m = /^Signature expired: (\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) - 15 min\.\)$/.exec(errorMessageOf(res));
    assertJsonError(res, 400, 'InvalidSignatureException', /^Signature expired: /);
    assert.ok(m, errorMessageOf(res));
    assert.equal(m[1], amzDate(signingDate));
    assert.equal(parseAmz(m[3]!) - parseAmz(m[2]!), 15 * 60_000, 'floor = now - 15 min');
    assert.ok(Math.abs(parseAmz(m[3]!) - before) < 60_000, 'now is the server clock');
  });

  test('JSON dated 20 min in the future → InvalidSignatureException "Signature not yet current: …"', async () => {
    const signingDate = new Date(Date.now() + 20 * 60_000);
    const before = Date.now();
    const res = await jsonCall(endpoint, 'AmazonSSM.DescribeParameters', {}, { signingDate });
    assertJsonError(res, 400, 'InvalidSignatureException', /^Signature not yet current: /);
    const m = /^Signature not yet current: (\d{8}T\d{6}Z) is still later than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) \+ 15 min\.\)$/.exec(errorMessageOf(res));
    assert.ok(m, errorMessageOf(res));
    assert.equal(m[1], amzDate(signingDate));
    assert.equal(parseAmz(m[2]!) - parseAmz(m[3]!), 15 * 60_000, 'ceiling = now + 15 min');
    assert.ok(Math.abs(parseAmz(m[3]!) - before) < 60_000);
  });

  test('JSON dated 10 min off is still accepted (inside the 15 min window)', async () => {
    const [past, future] = await Promise.all([
      jsonCall(endpoint, 'AmazonSSM.DescribeParameters', {}, { signingDate: new Date(Date.now() - 10 * 60_000) }),
      jsonCall(endpoint, 'AmazonSSM.DescribeParameters', {}, { signingDate: new Date(Date.now() + 10 * 60_000) }),
    ]);
    assert.equal(past.status, 200, past.text);
    assert.equal(future.status, 200, future.text);
  });

  for (const [label, offset] of [['past', -20], ['future', 20]] as const) {
    test(`S3 dated 20 min in the ${label} → RequestTimeTooSkewed (403)`, async () => {
      const signingDate = new Date(Date.now() + offset * 60_000);
      const res = await signedRequest(endpoint, { method: 'GET', path: `/${BUCKET}/presign/hello.txt` }, { service: 's3', signingDate });
      const e = assertS3Error(res, 403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
      assert.equal(e.field('RequestTime'), amzDate(signingDate));
      assert.equal(e.field('MaxAllowedSkewMilliseconds'), '900000');
      assert.ok(Math.abs(Date.parse(e.field('ServerTime') ?? '') - Date.now()) < 60_000, `ServerTime ${e.field('ServerTime')}`);
      assert.ok(!res.text.includes('presigned world'));
    });
  }
});

describe('missing or malformed Authorization (raw)', { concurrency: true }, () => {
  test('no Authorization at all → MissingAuthenticationTokenException (JSON, 403) / AccessDenied (S3, 403)', async () => {
    const unsigned = jsonRequest('AmazonSSM.DescribeParameters', {});
    const json = await rawRequest(endpoint, { method: 'POST', path: '/', headers: unsigned.headers ?? {}, body: unsigned.body ?? '' });
    assertJsonError(json, 403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
    const [list, get] = await Promise.all([
      rawRequest(endpoint, { method: 'GET', path: `/${BUCKET}?list-type=2`, headers: {} }),
      rawRequest(endpoint, { method: 'GET', path: `/${BUCKET}/presign/hello.txt`, headers: {} }),
    ]);
    assertS3Error(list, 403, 'AccessDenied', 'Access Denied');
    assertS3Error(get, 403, 'AccessDenied', 'Access Denied');
    assert.ok(!list.text.includes('hello.txt') && !get.text.includes('presigned world'), 'anonymous requests see nothing');
    const put = await rawRequest(endpoint, { method: 'PUT', path: `/${BUCKET}/anonymous.txt`, headers: {}, body: 'anonymous' });
    assertS3Error(put, 403, 'AccessDenied', 'Access Denied');
    const head = await signedRequest(endpoint, { method: 'HEAD', path: `/${BUCKET}/anonymous.txt` }, { service: 's3' });
    assert.equal(head.status, 404, 'the anonymous PUT stored nothing');
  });

  test('Authorization without Signature and SignedHeaders → IncompleteSignatureException (JSON) / AuthorizationHeaderMalformed (S3)', async () => {
    const date = amzDate(new Date());
    const authorization = `AWS4-HMAC-SHA256 Credential=test/${date.slice(0, 8)}/us-east-1/ssm/aws4_request`;
    const req = jsonRequest('AmazonSSM.DescribeParameters', {});
    const json = await rawRequest(endpoint, {
      method: 'POST',
      path: '/',
      headers: { ...req.headers, 'x-amz-date': date, authorization },
      body: req.body ?? '',
    });
    assertJsonError(
      json,
      400,
      'IncompleteSignatureException',
      `Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${authorization}`,
    );
    const badCredential = await rawRequest(endpoint, {
      method: 'POST',
      path: '/',
      headers: { ...req.headers, 'x-amz-date': date, authorization: `AWS4-HMAC-SHA256 Credential=test/${date.slice(0, 8)}/us-east-1, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}` },
      body: req.body ?? '',
    });
    assertJsonError(badCredential, 400, 'IncompleteSignatureException', /^Credential must have exactly 5 slash-delimited elements/);

    const s3 = await rawRequest(endpoint, {
      method: 'GET',
      path: `/${BUCKET}/presign/hello.txt`,
      headers: {
        'x-amz-date': date,
        'x-amz-content-sha256': sha256(''),
        authorization: `AWS4-HMAC-SHA256 Credential=test/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
      },
    });
    assertS3Error(
      s3,
      400,
      'AuthorizationHeaderMalformed',
      'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
    );
  });

  test('an SSM request scoped to service secretsmanager → InvalidSignatureException naming the right service', async () => {
    const res = await jsonCall(endpoint, 'AmazonSSM.DescribeParameters', {}, { service: 'secretsmanager' });
    assert.equal(res.status, 400, res.text);
    assert.equal(errorType(res), 'InvalidSignatureException');
    assert.equal(errorMessageOf(res).trimEnd(), "Credential should be scoped to correct service: 'ssm'.");
  });

  test('a Secrets Manager request scoped to service ssm → InvalidSignatureException naming the right service', async () => {
    const res = await jsonCall(endpoint, 'secretsmanager.ListSecrets', {}, { service: 'ssm' });
    assert.equal(res.status, 400, res.text);
    assert.equal(errorType(res), 'InvalidSignatureException');
    assert.equal(errorMessageOf(res).trimEnd(), "Credential should be scoped to correct service: 'secretsmanager'.");
  });

  test('an S3 request scoped to service ssm → AuthorizationHeaderMalformed (400), no data', async () => {
    const s3 = await signedRequest(endpoint, { method: 'GET', path: `/${BUCKET}/presign/hello.txt` }, { service: 'ssm', contentSha256: true });
    assert.equal(s3.status, 400, s3.text);
    assert.equal(s3Error(s3).code, 'AuthorizationHeaderMalformed');
    assert.ok(!s3.text.includes('presigned world'));
});
});

// Its own server: a refused body must not take down the server the other cases use.
describe('payload integrity', () => {
  let own: NagareHandle;
  let ep: string;
  before(async () => {
    own = await startNagare();
    ep = own.endpoint;
    await awsOk(ep, ['s3', 'mb', `s3://${BUCKET}`]);
    await awsOk(ep, ['s3', 'cp', '-', `s3://${BUCKET}/overwrite.txt`], { input: 'original content' });
  });
  after(async () => {
    await own?.stop();
  });
  /** rawRequest that, when the connection dies, shows why (the server's own output). */
  const send = async (req: Parameters<typeof rawRequest>[1]): Promise<RawResponse> =>
    rawRequest(ep, req).catch(async (err: unknown) => {
      await new Promise((r) => setTimeout(r, 200));
      assert.fail(`no HTTP answer (${String(err)}); server exit code ${own.child.exitCode}; its output:\n${own.output().slice(-3000)}`);
    });

  for (const withHeader of [false, true]) {
    test(`a JSON body changed after signing is refused and not applied${withHeader ? ' (x-amz-content-sha256 signed too)' : ''}`, async () => {
      const name = `/auth/tampered-${withHeader ? 'with-header' : 'plain'}`;
      const signed = await signRequest(
        ep,
        jsonRequest('AmazonSSM.PutParameter', { Name: name, Value: 'signed-value', Type: 'String' }),
        { service: 'ssm', contentSha256: withHeader },
      );
      const forged = String(signed.body).replace('signed-value', 'forged-value');
      assert.notEqual(forged, signed.body);
      const res = await send({ ...signed, body: forged });
      assertJsonError(res, 400, 'InvalidSignatureException', SIGNATURE_MISMATCH_JSON);
      const get = await aws(ep, ['ssm', 'get-parameter', '--name', name]);
      assert.equal(get.code, 254, `the forged PutParameter must not have been applied: ${get.stdout}`);
      assert.match(get.stderr, /\(ParameterNotFound\)/);
      // The untampered request with the same signature is fine (so the refusal was about the body).
      const genuine = await send(signed);
      assert.equal(genuine.status, 200, genuine.text);
    });
  }

  test('an S3 PUT whose body does not match x-amz-content-sha256 → XAmzContentSHA256Mismatch; no object is created', async () => {
    for (const [key, size] of [['mismatch-large.bin', 3 * 1024 * 1024 + 17], ['mismatch-small.txt', 64]] as const) {
      const claimed = Buffer.alloc(size, 'a');
      const sent = Buffer.from(claimed);
      sent[size - 1] = 'b'.charCodeAt(0);
      const signed = await signRequest(ep, { method: 'PUT', path: `/${BUCKET}/${key}`, body: claimed }, { service: 's3' });
      assert.equal(signed.headers['x-amz-content-sha256'], sha256(claimed));
      const res = await send({ ...signed, body: sent });
      const e = assertS3Error(res, 400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
      assert.equal(e.field('ClientComputedContentSHA256'), sha256(claimed));
      assert.equal(e.field('S3ComputedContentSHA256'), sha256(sent));
      const head = await aws(ep, ['s3api', 'head-object', '--bucket', BUCKET, '--key', key]);
      assert.equal(head.code, 254, `${key} must not exist: ${head.stdout}`);
      assert.match(head.stderr, /\(404\)/);
    }
    const list = await awsOk(ep, ['s3api', 'list-objects-v2', '--bucket', BUCKET, '--prefix', 'mismatch-', '--no-paginate']);
    assert.equal(list.json<{ KeyCount: number }>().KeyCount, 0);
  });

  test('a mismatching S3 PUT over an existing key leaves the old object untouched', async () => {
    const claimed = Buffer.from('replacement content');
    const sent = Buffer.from('replacement CONTENT');
    const signed = await signRequest(ep, { method: 'PUT', path: `/${BUCKET}/overwrite.txt`, body: claimed }, { service: 's3' });
    const res = await send({ ...signed, body: sent });
    assertS3Error(res, 400, 'XAmzContentSHA256Mismatch', /x-amz-content-sha256/);
    const get = await awsOk(ep, ['s3', 'cp', `s3://${BUCKET}/overwrite.txt`, '-']);
    assert.equal(get.stdout, 'original content');
  });
});

describe('presigned URLs (aws s3 presign + fetch)', { concurrency: true }, () => {
  test('a presigned GET works; one changed signature character → 403 SignatureDoesNotMatch; another key → 403', async () => {
    const url = (await awsOk(endpoint, ['s3', 'presign', `s3://${BUCKET}/presign/hello.txt`, '--expires-in', '300'])).stdout.trim();
    assert.match(url, /X-Amz-Signature=[0-9a-f]{64}/);
    const ok = await fetch(url);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), 'hello, presigned world\n');

    const tampered = url.replace(/(X-Amz-Signature=[0-9a-f]{63})([0-9a-f])/, (_m, head: string, last: string) => head + (last === '0' ? '1' : '0'));
    assert.notEqual(tampered, url);
    const bad = await fetch(tampered);
    const badText = await bad.text();
    assert.equal(bad.status, 403);
    assert.equal(s3Error({ text: badText } as RawResponse).code, 'SignatureDoesNotMatch');
    assert.equal(s3Error({ text: badText } as RawResponse).message, SIGNATURE_MISMATCH_S3);
    assert.ok(!badText.includes('presigned world'));

    const otherKey = await fetch(url.replace('/presign/hello.txt', '/overwrite.txt'));
    const otherText = await otherKey.text();
    assert.equal(otherKey.status, 403);
    assert.equal(s3Error({ text: otherText } as RawResponse).code, 'SignatureDoesNotMatch');
    assert.ok(!otherText.includes('original content'));
  });

  test('a presigned URL with --expires-in 1, fetched after 2 s → 403 AccessDenied "Request has expired"', async () => {
    const url = (await awsOk(endpoint, ['s3', 'presign', `s3://${BUCKET}/presign/hello.txt`, '--expires-in', '1'])).stdout.trim();
    await new Promise((r) => setTimeout(r, 2100));
    const res = await fetch(url);
    const text = await res.text();
    assert.equal(res.status, 403);
    const e = s3Error({ text } as RawResponse);
    assert.equal(e.code, 'AccessDenied');
    assert.equal(e.message, 'Request has expired');
    assert.equal(e.field('X-Amz-Expires'), '1');
    assert.ok(!text.includes('presigned world'));
  });
});
