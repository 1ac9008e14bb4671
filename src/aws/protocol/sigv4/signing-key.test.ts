import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amzDateFromHttpDate, formatWindow, parseAmzDate } from './amz-date.js';
import { deriveSigningKey, signaturesEqual, signHex, signingKeyCacheSize } from './signing-key.js';

describe('signing key derivation', () => {
  it('matches the S3 docs example (GET Object signature from its string to sign)', () => {
    const key = deriveSigningKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20130524', 'us-east-1', 's3');
    const sts = 'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972';
    assert.equal(signHex(key, sts), 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('is cached per (secret, date, region, service) and the cache stays bounded', () => {
    const a = deriveSigningKey('s', '20240101', 'us-east-1', 'ssm');
    assert.equal(deriveSigningKey('s', '20240101', 'us-east-1', 'ssm'), a, 'same Buffer from the cache');
    assert.notDeepEqual(deriveSigningKey('other', '20240101', 'us-east-1', 'ssm'), a, 'a rotated secret derives a new key');
    for (let i = 0; i < 500; i++) deriveSigningKey('s', '20240101', `region-${i}`, 'ssm');
    assert.ok(signingKeyCacheSize() <= 128);
  });
});

describe('signature comparison', () => {
  const cases: Array<[string, string, boolean]> = [
    ['ab', 'ab', true],
    ['ab', 'ac', false],
    ['ab', 'abc', false],
    ['ab', '', false],
  ];
  for (const [a, b, equal] of cases) it(`${a} vs ${JSON.stringify(b)}`, () => assert.equal(signaturesEqual(a, b), equal));
});

describe('dates', () => {
  const parse: Array<[string, string | undefined]> = [
    ['20240101T000000Z', '2024-01-01T00:00:00.000Z'],
    ['20240229T235959Z', '2024-02-29T23:59:59.000Z'],
    ['20230229T000000Z', undefined],
    ['20240101T246000Z', undefined],
    ['2024-01-01T00:00:00Z', undefined],
    ['20240101T000000', undefined],
  ];
  for (const [value, iso] of parse) it(`parseAmzDate(${value})`, () => assert.equal(parseAmzDate(value)?.toISOString(), iso));

  const http: Array<[string, string | undefined]> = [
    ['Fri, 24 May 2013 00:00:00 GMT', '20130524T000000Z'],
    ['Mon, 01 Jan 2024 00:00:00 -0000', '20240101T000000Z'],
    ['Mon, 01 Jan 2024 02:00:00 +0200', '20240101T000000Z'],
    ['yesterday', undefined],
  ];
  for (const [value, amz] of http) it(`amzDateFromHttpDate(${value})`, () => assert.equal(amzDateFromHttpDate(value), amz));

  it('formats skew windows the way Coral prints them', () => {
    assert.equal(formatWindow(15 * 60_000), '15 min');
    assert.equal(formatWindow(90_000), '90 sec');
  });
});
