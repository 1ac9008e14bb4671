import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isAppError } from '../shared/index.js';
import { assertObjectKey, bucketNameProblem } from './names.js';
import { prefixSuccessor, compareCodePoints } from './listing/successor.js';

test('bucket names (table)', () => {
  const ok = ['abc', 'my-bucket', 'my.bucket.name', 'a1b2', 'x'.repeat(63), '1bucket'];
  const bad = ['ab', 'x'.repeat(64), 'Upper', 'under_score', '-start', 'end-', 'a..b', '192.168.1.1', 'xn--abc',
    'sthree-x', 'b-s3alias', 'b--ol-s3', 'a/b', 'a b', '', '../x', 'amzn-s3-demo-x', 'b--x-s3'];
  for (const n of ok) assert.equal(bucketNameProblem(n), undefined, n);
  for (const n of bad) assert.notEqual(bucketNameProblem(n), undefined, n);
});

test('property: any string either is a valid key or is refused with an S3 error code, never anything else', () => {
  fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 1100 }), fc.string({ unit: 'grapheme', maxLength: 400 })), (key) => {
    try {
      assertObjectKey(key);
      assert.ok(key.length > 0 && Buffer.byteLength(key) <= 1024 && !key.includes('\u0000'));
    } catch (err) {
      assert.ok(isAppError(err), 'AppError');
      assert.ok(['InvalidArgument', 'KeyTooLongError'].includes(err.code), err.code);
    }
  }), { numRuns: 2000 });
});

test('property: prefixSuccessor bounds every extension of the prefix', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }), (p, rest) => {
    const succ = prefixSuccessor(p);
    if (succ === undefined) return;
    assert.ok(compareCodePoints(p + rest, succ) < 0);
    assert.ok(compareCodePoints(p, succ) < 0);
  }), { numRuns: 2000 });
});
