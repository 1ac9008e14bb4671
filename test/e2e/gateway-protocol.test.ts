import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
  sendPartialAndAbort,
  signRequest,
  signedRequest,
  type RawResponse,
} from '../support/signed-request.js';

/**
 * The gateway's wire behaviour: routing by X-Amz-Target, AWS-style errors for what nagare does not
 * serve, body limits, server-side validation messages, response headers and the JSON timestamp form.
 */

let nagare: NagareHandle;
let endpoint: string;
const BUCKET = 'gateway-protocol';

before(async () => {
  nagare = await startNagare();
  endpoint = nagare.endpoint;
  await Promise.all([
    awsOk(endpoint, ['s3', 'mb', `s3://${BUCKET}`]),
    awsOk(endpoint, ['ssm', 'put-parameter', '--name', '/protocol/ts', '--value', 'v', '--type', 'String']),
    awsOk(endpoint, ['secretsmanager', 'create-secret', '--name', 'protocol/ts', '--secret-string', 's']),
  ]);
});
after(async () => {
  await nagare?.stop();
});

function assertAwsJsonError(res: RawResponse, status: number, code: string): void {
  assert.equal(res.status, status, res.text);
  assert.equal(errorType(res), code, res.text);
  assert.match(String(res.headers['content-type']), /^application\/x-amz-json-1\.1/);
  assert.ok(res.headers['x-amzn-requestid']);
}

async function healthy(): Promise<void> {
  const h = await fetch(`${endpoint}/_nagare/health`);
  assert.equal(h.status, 200);
  const ok = await jsonCall(endpoint, 'AmazonSSM.GetParameter', { Name: '/protocol/ts' });
  assert.equal(ok.status, 200, ok.text);
}

describe('routing and not-implemented answers', { concurrency: true }, () => {
  test('an unknown operation of a known service → UnknownOperationException (400)', async () => {
    const res = await jsonCall(endpoint, 'AmazonSSM.NoSuchOperation', {});
    assertAwsJsonError(res, 400, 'UnknownOperationException');
  });

  test('an operation of a service nagare has not built → an AWS-style error, never a 200', async () => {
    const res = await jsonCall(endpoint, 'AmazonEC2ContainerServiceV20141113.ListClusters', {});
    assert.ok(res.status >= 400 && res.status < 600, `status ${res.status}: ${res.text}`);
    assert.ok(errorType(res) !== '', `an __type names the error: ${res.text}`);
    assert.ok(errorMessageOf(res) !== '', 'and a message explains it');
    assert.ok(res.headers['x-amzn-requestid']);
    assert.equal(res.json<Record<string, unknown>>().clusterArns, undefined, 'no fake success payload');
    // The real CLI sees a service error (exit 254), not an empty list.
    const cli = await aws(endpoint, ['ecs', 'list-clusters']);
    assert.equal(cli.code, 254, cli.stdout);
    assert.match(cli.stderr, /An error occurred \(\w+\) when calling the ListClusters operation/);
  });

  test('a modelled but unimplemented operation of a served service → an error naming it, never a 200', async () => {
    const res = await jsonCall(endpoint, 'AmazonSSM.SendCommand', { DocumentName: 'AWS-RunShellScript', InstanceIds: ['i-0123456789abcdef0'] });
    assert.ok(res.status >= 400 && res.status < 600, `status ${res.status}: ${res.text}`);
    assert.ok(errorType(res) !== '');
    assert.match(errorMessageOf(res), /SendCommand/);
  });
});

describe('request bodies', { concurrency: true }, () => {
  test('malformed JSON → SerializationException (400); a non-object body too', async () => {
    const broken = await jsonCall(endpoint, 'AmazonSSM.GetParameter', '{"Name": "/protocol/ts"');
    assertAwsJsonError(broken, 400, 'SerializationException');
    const array = await jsonCall(endpoint, 'AmazonSSM.GetParameter', '["/protocol/ts"]');
    assertAwsJsonError(array, 400, 'SerializationException');
    await healthy();
  });

  test('a JSON body over 16 MiB is refused with an AWS error and the server stays healthy', async () => {
    const limit = 16 * 1024 * 1024;
    const filler = 'x'.repeat(limit);
    const body = `{"Name":"/protocol/huge","Value":"${filler}","Type":"String"}`;
    assert.ok(Buffer.byteLength(body) > limit);
    // The server answers as soon as it sees the Content-Length; a client still writing may see the
    // connection end first (EPIPE) — refused either way, never stored.
    const res = await jsonCall(endpoint, 'AmazonSSM.PutParameter', body).catch((err: unknown) => err as Error);
    if (res instanceof Error) {
      assert.match(res.message, /ECONNRESET|EPIPE|socket hang up/);
    } else {
      assert.ok(res.status === 413 || res.status === 400, `status ${res.status}: ${res.text.slice(0, 300)}`);
      assert.ok(errorType(res) !== '', res.text.slice(0, 300));
      assert.ok(res.text.length < 4096, 'the error does not echo the body');
    }
    await healthy();
    const get = await jsonCall(endpoint, 'AmazonSSM.GetParameter', { Name: '/protocol/huge' });
    assert.equal(errorType(get), 'ParameterNotFound');

    // Same without a Content-Length (chunked transfer): the limit is enforced while reading.
    const signed = await signRequest(
      endpoint,
      {
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.PutParameter' },
        body,
      },
      { service: 'ssm' },
    );
    const chunked = await rawRequest(endpoint, { ...signed, headers: { ...signed.headers, 'transfer-encoding': 'chunked' } }).catch(
      (err: unknown) => err as Error,
    );
    if (chunked instanceof Error) {
      // Cutting the connection of a client that keeps sending is acceptable; serving it is not.
      assert.match(chunked.message, /ECONNRESET|EPIPE|socket hang up/);
    } else {
      assert.ok(chunked.status === 413 || chunked.status === 400, `status ${chunked.status}`);
      assert.ok(errorType(chunked) !== '');
    }
    await healthy();
  });
  test('a client that disconnects mid-body: nothing is stored and the server keeps serving', async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, 'z');
    // S3 PUT cut right after the head, and after 300 KB; a JSON PutParameter cut half-way.
    for (const [key, sendBytes] of [['cut-early.bin', 10], ['cut-late.bin', 300 * 1024]] as const) {
      const signed = await signRequest(endpoint, { method: 'PUT', path: `/${BUCKET}/${key}`, body }, { service: 's3' });
      await sendPartialAndAbort(endpoint, signed, sendBytes);
    }
    const json = JSON.stringify({ Name: '/protocol/cut', Value: 'y'.repeat(2000), Type: 'String' });
    await sendPartialAndAbort(endpoint, await signRequest(endpoint, jsonRequest('AmazonSSM.PutParameter', json), { service: 'ssm' }), 1000);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(nagare.child.exitCode, null, `the server must survive aborted uploads:\n${nagare.output().slice(-3000)}`);
    await healthy();
    for (const key of ['cut-early.bin', 'cut-late.bin']) {
      const head = await signedRequest(endpoint, { method: 'HEAD', path: `/${BUCKET}/${key}` }, { service: 's3' });
      assert.equal(head.status, 404, `${key} must not exist after an aborted upload`);
    }
    assert.equal(errorType(await jsonCall(endpoint, 'AmazonSSM.GetParameter', { Name: '/protocol/cut' })), 'ParameterNotFound');
  });
});

describe('server-side validation (what botocore does not check)', { concurrency: true }, () => {
  const maxResults11 =
    "1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10";

  test('ssm get-parameters-by-path --max-results 11 (CLI) → ValidationException with AWS message', async () => {
    // The CLI v2 sends MaxResults 11 as is: botocore checks minimums, not maximums.
    const cli = await aws(endpoint, ['ssm', 'get-parameters-by-path', '--path', '/', '--max-results', '11']);
    assert.equal(cli.code, 254, cli.stdout);
    assert.match(cli.stderr, /An error occurred \(ValidationException\) when calling the GetParametersByPath operation[^:]*: /);
    assert.ok(cli.stderr.trim().endsWith(maxResults11), cli.stderr);
    const raw = await jsonCall(endpoint, 'AmazonSSM.GetParametersByPath', { Path: '/', MaxResults: 11 });
    assertAwsJsonError(raw, 400, 'ValidationException');
    assert.equal(errorMessageOf(raw), maxResults11);
    const ten = await awsOk(endpoint, ['ssm', 'get-parameters-by-path', '--path', '/protocol', '--max-results', '10']);
    assert.equal(ten.json<{ Parameters: Array<{ Name: string }> }>().Parameters[0]?.Name, '/protocol/ts');
  });

  test('secretsmanager list-secrets --max-results 101 → ValidationException', async () => {
    const cli = await aws(endpoint, ['secretsmanager', 'list-secrets', '--max-results', '101']);
    assert.equal(cli.code, 254, cli.stdout);
    assert.match(cli.stderr, /\(ValidationException\)/);
    assert.ok(
      cli.stderr.includes("1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"),
      cli.stderr,
    );
  });

  test('an enum value outside the model (ssm put-parameter --type Bogus) → ValidationException; nothing stored', async () => {
    const cli = await aws(endpoint, ['ssm', 'put-parameter', '--name', '/protocol/bogus', '--value', 'v', '--type', 'Bogus']);
    assert.equal(cli.code, 254, cli.stdout);
    assert.match(cli.stderr, /\(ValidationException\).*1 validation error detected: Value 'Bogus' at 'type' failed to satisfy constraint: Member must satisfy enum value set: \[/);
    const get = await jsonCall(endpoint, 'AmazonSSM.GetParameter', { Name: '/protocol/bogus' });
    assert.equal(errorType(get), 'ParameterNotFound');
  });
});

describe('responses on the wire', { concurrency: true }, () => {
  test('JSON responses: application/x-amz-json-1.1, x-amzn-RequestId, exact Content-Length', async () => {
    const [a, b] = await Promise.all([
      jsonCall(endpoint, 'AmazonSSM.GetParameter', { Name: '/protocol/ts' }),
      jsonCall(endpoint, 'secretsmanager.ListSecrets', {}),
    ]);
    for (const res of [a, b]) {
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers['content-type'], 'application/x-amz-json-1.1');
      assert.match(String(res.headers['x-amzn-requestid']), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(Number(res.headers['content-length']), res.body.length);
    }
    assert.notEqual(a.headers['x-amzn-requestid'], b.headers['x-amzn-requestid'], 'request ids are unique');
  });

  test('S3 responses: x-amz-request-id and x-amz-id-2, XML content type, object headers', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'nagare-protocol-')), 'typed.txt');
    await writeFile(file, 'typed body');
    await awsOk(endpoint, ['s3api', 'put-object', '--bucket', BUCKET, '--key', 'typed.txt', '--content-type', 'text/plain; charset=utf-8', '--body', file]);
    await rm(dirname(file), { recursive: true, force: true });
    const list = await signedRequest(endpoint, { method: 'GET', path: '/' }, { service: 's3' });
    assert.equal(list.status, 200, list.text);
    assert.match(String(list.headers['content-type']), /^application\/xml/);
    assert.match(String(list.headers['x-amz-request-id']), /^[0-9A-Z]{16}$/);
    assert.ok(list.headers['x-amz-id-2']);
    assert.match(list.text, /<ListAllMyBucketsResult[\s>]/);
    assert.ok(list.text.includes(`<Name>${BUCKET}</Name>`));

    const get = await signedRequest(endpoint, { method: 'GET', path: `/${BUCKET}/typed.txt` }, { service: 's3' });
    assert.equal(get.status, 200);
    assert.equal(get.text, 'typed body');
    assert.equal(get.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(get.headers['content-length'], '10');
    assert.match(String(get.headers.etag), /^"[0-9a-f]{32}"$/);
    assert.ok(!Number.isNaN(Date.parse(String(get.headers['last-modified']))));
    assert.ok(get.headers['x-amz-request-id']);

    const missing = await signedRequest(endpoint, { method: 'GET', path: `/${BUCKET}/no-such-key` }, { service: 's3' });
    assert.equal(missing.status, 404);
    assert.equal(s3Error(missing).code, 'NoSuchKey');
    assert.equal(missing.headers['x-amz-request-id'], s3Error(missing).field('RequestId'));
  });

  test('JSON timestamps are epoch-second numbers on the wire (and the CLI renders them)', async () => {
    const now = Date.now() / 1000;
    const [param, described, secret, secretValue] = await Promise.all([
      jsonCall(endpoint, 'AmazonSSM.GetParameter', { Name: '/protocol/ts' }),
      jsonCall(endpoint, 'AmazonSSM.DescribeParameters', {}),
      jsonCall(endpoint, 'secretsmanager.DescribeSecret', { SecretId: 'protocol/ts' }),
      jsonCall(endpoint, 'secretsmanager.GetSecretValue', { SecretId: 'protocol/ts' }),
    ]);
    const isEpoch = (v: unknown, what: string): void => {
      assert.equal(typeof v, 'number', `${what} is a JSON number, got ${JSON.stringify(v)}`);
      assert.ok(Math.abs((v as number) - now) < 600, `${what} = ${String(v)} is epoch seconds near ${now}`);
      assert.match(String(v), /^\d{10}(\.\d{1,3})?$/, `${what} has at most millisecond precision`);
    };
    isEpoch(param.json<{ Parameter: { LastModifiedDate: unknown } }>().Parameter.LastModifiedDate, 'GetParameter LastModifiedDate');
    const meta = described.json<{ Parameters: Array<{ Name: string; LastModifiedDate: unknown }> }>().Parameters.find((p) => p.Name === '/protocol/ts');
    isEpoch(meta?.LastModifiedDate, 'DescribeParameters LastModifiedDate');
    const d = secret.json<{ CreatedDate: unknown; LastChangedDate: unknown }>();
    isEpoch(d.CreatedDate, 'DescribeSecret CreatedDate');
    isEpoch(d.LastChangedDate, 'DescribeSecret LastChangedDate');
    isEpoch(secretValue.json<{ CreatedDate: unknown }>().CreatedDate, 'GetSecretValue CreatedDate');
    // The CLI parses the numbers into timestamps and prints them as ISO 8601.
    const cli = await awsOk(endpoint, ['ssm', 'get-parameter', '--name', '/protocol/ts']);
    const iso = cli.json<{ Parameter: { LastModifiedDate: string } }>().Parameter.LastModifiedDate;
    assert.match(iso, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    const wire = param.json<{ Parameter: { LastModifiedDate: number } }>().Parameter.LastModifiedDate;
    assert.ok(Math.abs(Date.parse(iso) / 1000 - wire) < 1, `CLI ${iso} vs wire ${wire}`);
  });
});
