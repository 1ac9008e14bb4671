import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SUITE, SUITE_DATE } from './aws-test-suite.fixture.js';
import { canonicalQuery, parseQuery } from './canonical-query.js';
import { buildCanonicalRequest, EMPTY_SHA256, sha256Hex } from './canonical-request.js';
import { canonicalUri } from './canonical-uri.js';
import { AKID, secretFor } from './test-support.js';
import type { SigV4Request } from './types.js';
import { verifySigV4 } from './verify.js';

const NOW = new Date('2015-08-30T12:36:00Z');

describe('AWS SigV4 test suite (json family: normalised, double-encoded paths)', () => {
  for (const c of SUITE) {
    const headers: SigV4Request['headers'] = { host: 'example.amazonaws.com', 'x-amz-date': SUITE_DATE, ...c.headers };
    const payloadHash = sha256Hex(c.body ?? '');

    it(`${c.name}: canonical request`, () => {
      const creq = buildCanonicalRequest({
        method: c.method,
        uri: canonicalUri('json', c.path),
        query: canonicalQuery(parseQuery(c.query)),
        headers,
        signedHeaders: c.signedHeaders.split(';'),
        signedHeadersRaw: c.signedHeaders,
        payloadHash,
      });
      const expected = [c.method, c.uri, c.canonicalQuery, c.headerLines.map((l) => `${l}\n`).join(''), c.signedHeaders, payloadHash];
      assert.equal(creq, expected.join('\n'));
    });

    it(`${c.name}: AWS's signature verifies`, () => {
      headers.authorization = `AWS4-HMAC-SHA256 Credential=${AKID}/20150830/us-east-1/service/aws4_request, SignedHeaders=${c.signedHeaders}, Signature=${c.signature}`;
      const ctx = verifySigV4(
        { method: c.method, rawPath: c.path, rawQuery: c.query, headers },
        { family: 'json', secretFor, now: NOW, expectedService: 'service', payloadHash: c.body === undefined ? undefined : payloadHash },
      );
      assert.equal(ctx.signature, c.signature);
      assert.equal(ctx.scope, '20150830/us-east-1/service/aws4_request');
      assert.deepEqual(ctx.payload, { kind: 'hashed', sha256: c.body === undefined ? EMPTY_SHA256 : payloadHash });
    });
  }
});
