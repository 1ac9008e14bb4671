import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAppError } from '../../shared/index.js';
import { resolveRange } from './range.js';
import { evaluateReadConditions } from './conditions.js';

test('Range header → byte range (table)', () => {
  const cases: [string | undefined, number, [number, number] | undefined | 'InvalidRange'][] = [
    [undefined, 10, undefined],
    ['bytes=0-4', 10, [0, 4]],
    ['bytes=5-', 10, [5, 9]],
    ['bytes=-3', 10, [7, 9]],
    ['bytes=-30', 10, [0, 9]],
    ['bytes=2-100', 10, [2, 9]],
    ['bytes=9-9', 10, [9, 9]],
    ['bytes=10-', 10, 'InvalidRange'],
    ['bytes=10-20', 10, 'InvalidRange'],
    ['bytes=-0', 10, 'InvalidRange'],
    ['bytes=0-', 0, 'InvalidRange'],
    ['bytes=-1', 0, 'InvalidRange'],
    ['bytes=5-2', 10, undefined], // invalid: ignored
    ['bytes=0-1,3-4', 10, undefined], // several ranges: S3 sends the whole object
    ['items=0-1', 10, undefined],
    ['garbage', 10, undefined],
  ];
  for (const [header, size, want] of cases) {
    let got: [number, number] | undefined | 'InvalidRange';
    try {
      const r = resolveRange(header, size);
      got = r ? [r.start, r.end] : undefined;
    } catch (err) {
      got = isAppError(err) ? (err.code as 'InvalidRange') : undefined;
    }
    assert.deepEqual(got, want, `${header} of ${size}`);
  }
});

test('read preconditions follow RFC 7232 order as S3 applies it (table)', () => {
  const lm = new Date('2026-01-01T12:00:00.000Z');
  const before = 'Thu, 01 Jan 2026 11:00:00 GMT';
  const same = 'Thu, 01 Jan 2026 12:00:00 GMT';
  const after = 'Thu, 01 Jan 2026 13:00:00 GMT';
  const run = (c: Parameters<typeof evaluateReadConditions>[0], copy = false): string => {
    try {
      return evaluateReadConditions(c, 'abc', lm, copy);
    } catch (err) {
      return isAppError(err) ? `412:${String(err.details.Condition)}` : 'throw';
    }
  };
  const cases: [Parameters<typeof evaluateReadConditions>[0], string][] = [
    [{}, 'proceed'],
    [{ ifMatch: '"abc"' }, 'proceed'],
    [{ ifMatch: 'abc' }, 'proceed'],
    [{ ifMatch: '"x", "abc"' }, 'proceed'],
    [{ ifMatch: '*' }, 'proceed'],
    [{ ifMatch: '"x"' }, '412:If-Match'],
    [{ ifUnmodifiedSince: before }, '412:If-Unmodified-Since'],
    [{ ifUnmodifiedSince: same }, 'proceed'],
    [{ ifMatch: '"abc"', ifUnmodifiedSince: before }, 'proceed'],
    [{ ifNoneMatch: '"abc"' }, 'not-modified'],
    [{ ifNoneMatch: '"x"' }, 'proceed'],
    [{ ifModifiedSince: same }, 'not-modified'],
    [{ ifModifiedSince: after }, 'not-modified'],
    [{ ifModifiedSince: before }, 'proceed'],
    [{ ifNoneMatch: '"x"', ifModifiedSince: after }, 'proceed'],
    [{ ifModifiedSince: 'not a date' }, 'proceed'],
    [{ ifMatch: '"x"', ifNoneMatch: '"abc"' }, '412:If-Match'],
  ];
  for (const [c, want] of cases) assert.equal(run(c), want, JSON.stringify(c));
  assert.equal(run({ ifNoneMatch: '"abc"' }, true), '412:x-amz-copy-source-If-None-Match');
  assert.equal(run({ ifModifiedSince: after }, true), '412:x-amz-copy-source-If-Modified-Since');
});
