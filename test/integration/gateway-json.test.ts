import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createGateway, type JsonService } from '../../src/aws/index.js';
import { ssmModel } from '../../src/aws/models/index.js';
import { SystemClock, silentLogger } from '../../src/shared/index.js';

// An in-process gateway with a tiny SSM whose GetParameter is implemented and nothing else,
// driven over real HTTP with requests signed by the AWS SDK's own signer.
let endpoint = '';
const seen: Array<Record<string, unknown>> = [];
const fakeSsm: JsonService = {
  family: 'json',
  model: ssmModel,
  operations: {
    async GetParameter(input) {
      seen.push(input);
      return { Parameter: { Name: input.Name, Type: 'String', Value: 'v', Version: 3, LastModifiedDate: new Date(1_700_000_000_123) } };
    },
  },
};
const server = createGateway({
  services: [fakeSsm],
  credentials: new Map([['test', 'test']]),
  accountId: '000000000000',
  clock: new SystemClock(),
  logger: silentLogger,
});

before(async () => {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => new Promise<void>((ok) => server.close(() => ok())));

async function call(target: string, body: string, secret = 'test'): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 'ssm', region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: secret }, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body,
  });
  const r = await fetch(endpoint, { method: 'POST', headers: signed.headers, body });
  return { status: r.status, json: (await r.json()) as Record<string, unknown>, headers: r.headers };
}

test('an implemented operation: decoded input in, epoch-second timestamps out, request id header', async () => {
  const r = await call('AmazonSSM.GetParameter', '{"Name":"/a/b"}');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { Parameter: { Name: '/a/b', Type: 'String', Value: 'v', Version: 3, LastModifiedDate: 1700000000.123 } });
  assert.match(r.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
  assert.equal(r.headers.get('content-type'), 'application/x-amz-json-1.1');
  assert.deepEqual(seen.at(-1), { Name: '/a/b' });
});

test('validation runs before the handler, with AWS wording', async () => {
  const before = seen.length;
  const r = await call('AmazonSSM.GetParameter', '{"Name":""}');
  assert.equal(r.status, 400);
  assert.equal(r.json.__type, 'ValidationException');
  assert.match(String(r.json.message ?? r.json.Message), /Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  assert.equal(seen.length, before);
  const missing = await call('AmazonSSM.GetParameter', '{}');
  assert.equal(missing.json.__type, 'ValidationException');
  assert.match(String(missing.json.message ?? missing.json.Message), /1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null/);
});

test('an operation of the model that nagare has not built answers UnknownOperationException, never 200', async () => {
  const r = await call('AmazonSSM.SendCommand', '{"DocumentName":"x"}');
  assert.equal(r.status, 400);
  assert.equal(r.json.__type, 'UnknownOperationException');
  assert.match(String(r.json.message ?? r.json.Message), /does not implement SSM SendCommand/);
});

test('an operation that does not exist, and a target no service answers', async () => {
  const r = await call('AmazonSSM.NoSuchThing', '{}');
  assert.equal(r.json.__type, 'UnknownOperationException');
  const other = await call('CodePipeline_20150709.ListPipelines', '{}');
  assert.equal(other.json.__type, 'UnknownOperationException');
});

test('malformed JSON is a SerializationException; a wrong secret is refused before anything else', async () => {
  const bad = await call('AmazonSSM.GetParameter', '{"Name": ');
  assert.equal(bad.status, 400);
  assert.equal(bad.json.__type, 'SerializationException');
  const wrong = await call('AmazonSSM.GetParameter', '{"Name":"x"}', 'not-the-secret');
  assert.equal(wrong.json.__type, 'InvalidSignatureException');
});
