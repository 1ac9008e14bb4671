import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { WebhookAuthConfigError } from './errors.js';
import { signGithubBody, validateWebhookAuthentication, verifyWebhookDelivery, type WebhookAuthResult } from './webhook-auth.js';

const SECRET = "It's a Secret to Everybody";
const body = Buffer.from('Hello, World!');
const SPEC_SIG = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
const hmac = (headers: Record<string, string | string[]>, raw: Uint8Array = body, secret = SECRET): WebhookAuthResult =>
  verifyWebhookDelivery('GITHUB_HMAC', { SecretToken: secret }, { rawBody: raw, headers, remoteAddress: '203.0.113.1' });
const reason = (r: WebhookAuthResult): string => (r.ok ? 'ok' : r.reason);

describe('GITHUB_HMAC', () => {
  test('the spec test vector', () => assert.equal(signGithubBody(SECRET, body), SPEC_SIG));
  const sha1 = signGithubBody(SECRET, body, 'sha1');
  const cases: Array<[name: string, headers: Record<string, string | string[]>, expected: string]> = [
    ['valid sha256', { 'x-hub-signature-256': SPEC_SIG }, 'ok'],
    ['header name case does not matter', { 'X-Hub-Signature-256': SPEC_SIG }, 'ok'],
    ['uppercase hex accepted', { 'x-hub-signature-256': `sha256=${SPEC_SIG.slice(7).toUpperCase()}` }, 'ok'],
    ['legacy sha1 alone', { 'x-hub-signature': sha1 }, 'ok'],
    ['wrong sha256 is not rescued by a valid sha1', { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}`, 'x-hub-signature': sha1 }, 'signature-mismatch'],
    ['no header', {}, 'missing-signature'],
    ['empty header', { 'x-hub-signature-256': '' }, 'malformed-signature'],
    ['truncated digest (unequal length)', { 'x-hub-signature-256': SPEC_SIG.slice(0, -2) }, 'malformed-signature'],
    ['sha1 digest in the sha256 header', { 'x-hub-signature-256': `sha256=${sha1.slice(5)}` }, 'malformed-signature'],
    ['missing prefix', { 'x-hub-signature-256': SPEC_SIG.slice(7) }, 'malformed-signature'],
    ['header repeated', { 'x-hub-signature-256': [SPEC_SIG, SPEC_SIG] }, 'malformed-signature'],
    ['one flipped hex digit', { 'x-hub-signature-256': `${SPEC_SIG.slice(0, -1)}f` }, 'signature-mismatch'],
  ];
  for (const [name, headers, expected] of cases) test(name, () => assert.equal(reason(hmac(headers)), expected));

  test('wrong secret', () => assert.equal(reason(hmac({ 'x-hub-signature-256': SPEC_SIG }, body, 'other')), 'signature-mismatch'));
  test('no SecretToken configured is a misconfiguration, never a pass', () => {
    const r = verifyWebhookDelivery('GITHUB_HMAC', {}, { rawBody: body, headers: { 'x-hub-signature-256': SPEC_SIG }, remoteAddress: undefined });
    assert.equal(reason(r), 'misconfigured');
    assert.equal(reason(hmac({ 'x-hub-signature-256': SPEC_SIG }, body, '')), 'misconfigured');
  });
  test('failure messages are useful in logs and never contain the secret', () => {
    const r = hmac({ 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` });
    assert.ok(!r.ok && r.message.includes('13-byte body') && !r.message.includes(SECRET));
  });
});

describe('GITHUB_HMAC over real octokit payload bytes', () => {
  const defs = createRequire(import.meta.url)('@octokit/webhooks-examples') as Array<{ name: string; examples: unknown[] }>;
  const samples = defs.filter((d) => ['push', 'pull_request', 'ping'].includes(d.name)).flatMap((d) => d.examples.map((e, i) => [`${d.name}#${i}`, e] as const));
  test('examples exist', () => assert.ok(samples.length > 30));
  for (const [name, example] of samples) {
    test(`${name}: verifies; one changed byte does not; re-serialised JSON does not`, () => {
      const raw = Buffer.from(JSON.stringify(example, null, 2)); // GitHub pretty-prints its bodies
      const sig = signGithubBody('webhook-secret', raw);
      const ok = verifyWebhookDelivery('GITHUB_HMAC', { SecretToken: 'webhook-secret' }, { rawBody: raw, headers: { 'x-hub-signature-256': sig }, remoteAddress: undefined });
      assert.equal(reason(ok), 'ok');
      const tampered = Buffer.from(raw);
      const at = Math.floor(tampered.length / 2);
      tampered[at] = (tampered[at] as number) ^ 0x01;
      const bad = verifyWebhookDelivery('GITHUB_HMAC', { SecretToken: 'webhook-secret' }, { rawBody: tampered, headers: { 'x-hub-signature-256': sig }, remoteAddress: undefined });
      assert.equal(reason(bad), 'signature-mismatch');
      const compact = Buffer.from(JSON.stringify(example)); // same JSON value, other bytes
      const reser = verifyWebhookDelivery('GITHUB_HMAC', { SecretToken: 'webhook-secret' }, { rawBody: compact, headers: { 'x-hub-signature-256': sig }, remoteAddress: undefined });
      assert.equal(reason(reser), 'signature-mismatch');
    });
  }
});

describe('IP and UNAUTHENTICATED', () => {
  const ip = (range: string, remote: string | undefined): string =>
    reason(verifyWebhookDelivery('IP', { AllowedIPRange: range }, { rawBody: body, headers: {}, remoteAddress: remote }));
  const cases: Array<[range: string, remote: string | undefined, expected: string]> = [
    ['127.0.0.0/8', '127.0.0.1', 'ok'],
    ['127.0.0.0/8', '::ffff:127.0.0.1', 'ok'],
    ['127.0.0.0/8', '10.0.0.1', 'address-not-allowed'],
    ['::1/128', '::1', 'ok'],
    ['::1/128', '127.0.0.1', 'address-not-allowed'],
    ['127.0.0.0/8', undefined, 'unknown-remote-address'],
    ['127.0.0.0/8', 'localhost', 'unknown-remote-address'],
    ['not-a-cidr', '127.0.0.1', 'misconfigured'],
  ];
  for (const [range, remote, expected] of cases) test(`${String(remote)} vs ${range} → ${expected}`, () => assert.equal(ip(range, remote), expected));
  test('UNAUTHENTICATED accepts anything', () => {
    assert.equal(reason(verifyWebhookDelivery('UNAUTHENTICATED', {}, { rawBody: body, headers: {}, remoteAddress: undefined })), 'ok');
  });
});

describe('PutWebhook validation', () => {
  const bad: Array<[string, Record<string, string> | undefined]> = [
    ['GITHUB_HMAC', {}],
    ['GITHUB_HMAC', undefined],
    ['IP', {}],
    ['IP', { AllowedIPRange: '10.0.0.0/40' }],
    ['BASIC', {}],
  ];
  for (const [type, config] of bad) {
    test(`${type} ${JSON.stringify(config)} is rejected`, () => {
      assert.throws(() => validateWebhookAuthentication(type, config), (e: unknown) => e instanceof WebhookAuthConfigError && e.code === 'InvalidWebhookAuthenticationParameters');
    });
  }
  for (const [type, config] of [['GITHUB_HMAC', { SecretToken: 's' }], ['IP', { AllowedIPRange: '2001:db8::/32' }], ['UNAUTHENTICATED', {}]] as const) {
    test(`${type} ${JSON.stringify(config)} is accepted`, () => validateWebhookAuthentication(type, config));
  }
});
