import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppError } from '../../shared/index.js';
import { DAY_MS, HOUR_MS } from '../types.js';
import { judgeBatch } from './batch-rules.js';

const NOW = Date.UTC(2026, 0, 15, 12);
const ev = (offsetMs: number, message = 'm'): { timestamp: number; message: string } => ({ timestamp: NOW + offsetMs, message });
const refused = (message: string | RegExp) => (err: unknown): boolean =>
  isAppError(err) && err.code === 'InvalidParameter' && (typeof message === 'string' ? err.message === message : message.test(err.message));

describe('accepted and rejected slices', () => {
  const cases: Array<{ name: string; events: Array<{ timestamp: number; message: string }>; retentionMs?: number; start: number; end: number; rejected?: object }> = [
    { name: 'all fresh', events: [ev(-1000), ev(0), ev(0)], start: 0, end: 3 },
    { name: 'too old prefix (> 14 days)', events: [ev(-15 * DAY_MS), ev(-14 * DAY_MS - 1), ev(-HOUR_MS)], start: 2, end: 3, rejected: { tooOldLogEventEndIndex: 1 } },
    { name: 'too new suffix (> 2 hours ahead)', events: [ev(0), ev(2 * HOUR_MS), ev(2 * HOUR_MS + 1)], start: 0, end: 2, rejected: { tooNewLogEventStartIndex: 2 } },
    { name: 'expired by retention', events: [ev(-2 * DAY_MS), ev(-HOUR_MS)], retentionMs: DAY_MS, start: 1, end: 2, rejected: { expiredLogEventEndIndex: 0 } },
    {
      name: 'everything rejected',
      events: [ev(-20 * DAY_MS), ev(3 * HOUR_MS)],
      start: 1,
      end: 1,
      rejected: { tooOldLogEventEndIndex: 0, tooNewLogEventStartIndex: 1 },
    },
    { name: 'a span over 24 h made only of rejected events is fine', events: [ev(-10 * DAY_MS), ev(0)], retentionMs: DAY_MS, start: 1, end: 2, rejected: { expiredLogEventEndIndex: 0 } },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const v = judgeBatch(c.events, NOW, c.retentionMs);
      assert.deepEqual({ start: v.start, end: v.end, rejected: v.rejected }, { start: c.start, end: c.end, rejected: c.rejected });
    });
  }
});

describe('batches AWS refuses', () => {
  test('out of chronological order', () => {
    assert.throws(() => judgeBatch([ev(1), ev(0)], NOW, undefined), refused('Log events in a single PutLogEvents request must be in chronological order.'));
  });
  test('valid events spanning more than 24 hours', () => {
    assert.throws(() => judgeBatch([ev(-DAY_MS - 1), ev(0)], NOW, undefined), refused('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.'));
    assert.doesNotThrow(() => judgeBatch([ev(-DAY_MS), ev(0)], NOW, undefined));
  });
  test('more than 1 MiB counting 26 bytes per event', () => {
    const big = 'x'.repeat(1000);
    const n = Math.floor(1_048_576 / (1000 + 26));
    assert.doesNotThrow(() => judgeBatch(Array.from({ length: n }, () => ev(0, big)), NOW, undefined));
    assert.throws(() => judgeBatch(Array.from({ length: n + 1 }, () => ev(0, big)), NOW, undefined), refused(/^Upload too large: 1049598 bytes exceeds limit of 1048576$/));
  });
  test('UTF-8 bytes, not characters, count', () => {
    const wide = '語'.repeat(349_525); // 3 bytes each: 1,048,575 + 26 > 1 MiB
    assert.throws(() => judgeBatch([ev(0, wide)], NOW, undefined), refused(/^Log event too large: 1048601 bytes/));
  });
  test('more than 10,000 events, none, an empty message', () => {
    assert.throws(() => judgeBatch(Array.from({ length: 10_001 }, () => ev(0)), NOW, undefined), refused(/less than or equal to 10000/));
    assert.doesNotThrow(() => judgeBatch(Array.from({ length: 10_000 }, () => ev(0)), NOW, undefined));
    assert.throws(() => judgeBatch([], NOW, undefined), refused(/greater than or equal to 1/));
    assert.throws(() => judgeBatch([ev(0, '')], NOW, undefined), refused(/logEvents\.1\.member\.message/));
  });
});
