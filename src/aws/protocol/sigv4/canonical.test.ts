import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalQuery, parseQuery } from './canonical-query.js';
import { canonicalHeaderValue, trimAll } from './canonical-request.js';
import { canonicalUri, removeDotSegments } from './canonical-uri.js';
import { decodeToBytes, encodeString } from './uri-encoding.js';

describe('RFC 3986 encoding', () => {
  const cases: Array<[string, boolean, string]> = [
    ['-._~AZaz09', false, '-._~AZaz09'],
    ['a b', false, 'a%20b'],
    ['a/b', false, 'a%2Fb'],
    ['a/b', true, 'a/b'],
    ['100%', false, '100%25'],
    ["!*'()+$&=:@,;", false, '%21%2A%27%28%29%2B%24%26%3D%3A%40%2C%3B'],
    ['ሴ', false, '%E1%88%B4'],
    ['ü', true, '%C3%BC'],
  ];
  for (const [input, keepSlash, expected] of cases) {
    it(`encodes ${JSON.stringify(input)} (keepSlash=${keepSlash})`, () => assert.equal(encodeString(input, keepSlash), expected));
  }

  it('decodes %XX (either case), keeps "+" and stray "%" literal', () => {
    assert.equal(decodeToBytes('a%2fb%2Fc').toString(), 'a/b/c');
    assert.equal(decodeToBytes('a+b').toString(), 'a+b');
    assert.equal(decodeToBytes('%zz%4').toString(), '%zz%4');
    assert.equal(decodeToBytes('%C3%BC').toString(), 'ü');
  });
});

describe('canonical URI', () => {
  const cases: Array<['json' | 's3', string, string]> = [
    // Non-S3: normalise, then encode the wire path again (botocore SigV4Auth).
    ['json', '', '/'],
    ['json', '/', '/'],
    ['json', '//example//', '/example/'],
    ['json', '/example/..', '/'],
    ['json', '/a/./b/../c', '/a/c'],
    ['json', '/example space/', '/example%20space/'],
    ['json', '/2015-03-31/functions/arn%3Aaws%3Alambda/aliases', '/2015-03-31/functions/arn%253Aaws%253Alambda/aliases'],
    ['json', '/ሴ', '/%E1%88%B4'],
    // S3: no normalisation, each segment decoded and encoded once.
    ['s3', '', '/'],
    ['s3', '/', '/'],
    ['s3', '/bucket//a/./b/../c', '/bucket//a/./b/../c'],
    ['s3', '/test$file.text', '/test%24file.text'],
    ['s3', '/b/my%20key%20%C3%BC', '/b/my%20key%20%C3%BC'],
    ['s3', '/b/a%2Fb', '/b/a%2Fb'],
    ['s3', '/b/a%2fb%7e', '/b/a%2Fb~'],
    ['s3', '/b/plus+sign', '/b/plus%2Bsign'],
  ];
  for (const [family, raw, expected] of cases) {
    it(`${family}: ${JSON.stringify(raw)} → ${expected}`, () => assert.equal(canonicalUri(family, raw), expected));
  }

  it('removeDotSegments never climbs above the root', () => assert.equal(removeDotSegments('/../../a'), '/a'));
});

describe('canonical query', () => {
  const cases: Array<[string, string]> = [
    ['', ''],
    ['Param2=value2&Param1=value1', 'Param1=value1&Param2=value2'],
    ['Param1=value2&Param1=Value1', 'Param1=Value1&Param1=value2'],
    ['lifecycle', 'lifecycle='],
    ['a=1&&b=2', 'a=1&b=2'],
    ['prefix=a%20b%2Fc%2Bd', 'prefix=a%20b%2Fc%2Bd'],
    ['prefix=a b/c', 'prefix=a%20b%2Fc'],
    ['x=%7e&y=~', 'x=~&y=~'],
    ['ሴ=bar', '%E1%88%B4=bar'],
    ['b=2&a=3&a=1&A=0', 'A=0&a=1&a=3&b=2'],
  ];
  for (const [raw, expected] of cases) {
    it(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => assert.equal(canonicalQuery(parseQuery(raw)), expected));
  }

  it('drops X-Amz-Signature only when asked (presigned)', () => {
    const params = parseQuery('X-Amz-Signature=abc&X-Amz-Date=1');
    assert.equal(canonicalQuery(params, 'X-Amz-Signature'), 'X-Amz-Date=1');
    assert.equal(canonicalQuery(params), 'X-Amz-Date=1&X-Amz-Signature=abc');
  });
});

describe('canonical header values', () => {
  it('trims and collapses inner whitespace', () => assert.equal(trimAll('  "a   b \t c"  '), '"a b c"'));
  it('comma-joins repeated values, each trimmed', () => {
    assert.equal(canonicalHeaderValue({ h: [' value2', 'value2 ', 'a  b'] }, 'h'), 'value2,value2,a b');
  });
  it('an absent signed header canonicalises to the empty string', () => assert.equal(canonicalHeaderValue({}, 'missing'), ''));
});
