import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amzDate, signRequest } from './build-sigv4.js';

// Our small signer must agree with the AWS SDK's own (@smithy/signature-v4) byte for byte.
for (const [name, url, token] of [
  ['plain endpoint', 'http://127.0.0.1:4566/', undefined],
  ['path and query', 'https://example.com:8443/a%20b/c?z=1&a=x%2Fy&a=b', undefined],
  ['session token', 'http://localhost:4566/', 'FwoGZXIvYXdzEJr//////////wEaD'],
] as const) {
  test(`sigv4 matches the AWS SDK signer: ${name}`, async () => {
    const date = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const body = JSON.stringify({ Names: ['/app/db'], WithDecryption: true });
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', ...(token ? { sessionToken: token } : {}) };
    const u = new URL(url);
    const ours = signRequest({ method: 'POST', url: u, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.GetParameters' }, body, region: 'us-east-1', service: 'ssm', credentials, date });
    const signer = new SignatureV4({ service: 'ssm', region: 'us-east-1', credentials, sha256: Sha256, uriEscapePath: true, applyChecksum: false });
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of u.searchParams) query[k] = query[k] === undefined ? v : [...[query[k]].flat(), v];
    const theirs = await signer.sign(
      {
        method: 'POST', protocol: u.protocol, hostname: u.hostname, port: u.port ? Number(u.port) : undefined, path: decodeURIComponent(u.pathname), query, body,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.GetParameters', host: u.host },
      },
      { signingDate: date },
    );
    assert.equal(ours.authorization, theirs.headers.authorization);
    assert.equal(ours['x-amz-date'], amzDate(date));
  });
}
