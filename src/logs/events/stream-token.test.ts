import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isAppError } from '../../shared/index.js';
import { compareKeys, formatKey, nextKey, parseKey, previousKey, ZERO_KEY } from './event-key.js';
import { formatStreamToken, parseStreamToken } from './stream-token.js';

const key = fc.record({ ts: fc.integer({ min: 0, max: 2 ** 42 }), seq: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }) }).map((k) => ({ ...k }));

describe('event keys', () => {
  test('format is 56 digits for current timestamps and parses back', () => {
    const k = { ts: 1_668_105_000_120, seq: 42 };
    const s = formatKey(k);
    assert.match(s, /^\d{56}$/);
    assert.deepEqual(parseKey(s), k);
    assert.equal(formatKey(ZERO_KEY), '0'.repeat(56));
  });

  test('an AWS token number decodes to its event timestamp (same layout as AWS)', () => {
    // From a real GetLogEvents response whose only event had timestamp 1668105000120.
    assert.equal(BigInt('37199984572071014541351729315621295864874323428172300288') >> 144n, BigInt(formatKey({ ts: 1_668_105_000_120, seq: 0 })) >> 144n);
  });

  test('round trip, and numeric order of the digits is key order', () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        assert.deepEqual(parseKey(formatKey(a)), a);
        const byDigits = BigInt(formatKey(a)) < BigInt(formatKey(b)) ? -1 : BigInt(formatKey(a)) > BigInt(formatKey(b)) ? 1 : 0;
        assert.equal(byDigits, Math.sign(compareKeys(a, b)));
      }),
    );
  });

  test('nextKey and previousKey are neighbours', () => {
    fc.assert(
      fc.property(key, (k) => {
        assert.ok(compareKeys(nextKey(k), k) > 0);
        if (compareKeys(k, ZERO_KEY) > 0) assert.deepEqual(nextKey(previousKey(k)), k);
      }),
    );
    assert.deepEqual(previousKey(ZERO_KEY), ZERO_KEY);
    assert.deepEqual(nextKey({ ts: 5, seq: Number.MAX_SAFE_INTEGER }), { ts: 6, seq: 0 });
  });

  const bad = ['', 'abc', '1'.repeat(61), '-5', (1n << 200n).toString()];
  for (const s of bad) test(`parseKey refuses ${JSON.stringify(s.slice(0, 20))}`, () => assert.equal(parseKey(s), undefined));
});

describe('GetLogEvents tokens', () => {
  test('AWS shape f/<56 digits>/s and b/<56 digits>/s', () => {
    const k = { ts: 1_700_000_000_000, seq: 7 };
    assert.match(formatStreamToken({ direction: 'forward', key: k }), /^f\/\d{56}\/s$/);
    assert.match(formatStreamToken({ direction: 'backward', key: k }), /^b\/\d{56}\/s$/);
  });

  test('round trip; the /s suffix is optional on input', () => {
    fc.assert(
      fc.property(key, fc.constantFrom('forward' as const, 'backward' as const), (k, direction) => {
        const s = formatStreamToken({ direction, key: k });
        assert.deepEqual(parseStreamToken(s), { direction, key: k });
        assert.deepEqual(parseStreamToken(s.slice(0, -2)), { direction, key: k });
      }),
    );
  });

  const invalid = ['', 'f/', 'x/123/s', 'f/12a/s', 'f/1/t', 'F/1/s', 'eyJ2IjoxfQ', `f/${(1n << 200n).toString()}/s`];
  for (const t of invalid) {
    test(`refuses ${JSON.stringify(t)} with InvalidNextToken`, () => {
      assert.throws(() => parseStreamToken(t), (err) => isAppError(err) && err.code === 'InvalidNextToken' && err.message === 'The specified nextToken is invalid.');
    });
  }

  test('never throws anything but InvalidNextToken', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          parseStreamToken(s);
        } catch (err) {
          assert.ok(isAppError(err) && err.code === 'InvalidNextToken');
        }
      }),
    );
  });
});
