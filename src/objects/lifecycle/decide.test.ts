import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../shared/index.js';
import { dueCutoff, filterMatches, DAY_MS } from './decide.js';
import type { LifecycleFilter } from './types.js';

const due = (created: string, days: number, now: string, scale: number): boolean =>
  new Date(created).getTime() <= dueCutoff(days, new Date(now), scale).getTime();

test('expiry time: S3 midnight rounding at scale 1, exact AWS age otherwise (table)', () => {
  const cases: [string, number, string, number, boolean][] = [
    // S3's own example: created 2014-01-15 10:30 UTC, 3 days → expires 2014-01-19 00:00 UTC.
    ['2014-01-15T10:30:00Z', 3, '2014-01-18T23:59:59Z', 1, false],
    ['2014-01-15T10:30:00Z', 3, '2014-01-19T00:00:00Z', 1, true],
    ['2014-01-15T00:00:00Z', 1, '2014-01-16T00:00:00Z', 1, true],
    ['2014-01-15T00:00:01Z', 1, '2014-01-16T23:59:59Z', 1, false],
    // Time scale 86400: one AWS day passes in one real second.
    ['2026-01-01T00:00:00.000Z', 1, '2026-01-01T00:00:00.999Z', 86400, false],
    ['2026-01-01T00:00:00.000Z', 1, '2026-01-01T00:00:01.000Z', 86400, true],
    ['2026-01-01T00:00:00.000Z', 30, '2026-01-01T00:00:29.000Z', 86400, false],
    ['2026-01-01T00:00:00.000Z', 30, '2026-01-01T00:00:30.000Z', 86400, true],
    // Scale 60: 1 day = 24 real minutes, no rounding.
    ['2026-01-01T10:00:00Z', 1, '2026-01-01T10:23:59Z', 60, false],
    ['2026-01-01T10:00:00Z', 1, '2026-01-01T10:24:00Z', 60, true],
  ];
  for (const [created, days, now, scale, want] of cases) {
    assert.equal(due(created, days, now, scale), want, `${created} +${days}d at ${now} ×${scale}`);
  }
});

test('with a FakeClock the cutoff moves with the clock', () => {
  const clock = new FakeClock(Date.UTC(2026, 0, 1), 86400);
  const created = clock.now().getTime();
  clock.advance(999);
  assert.equal(created <= dueCutoff(1, clock.now(), clock.timeScale).getTime(), false);
  clock.advance(1);
  assert.equal(created <= dueCutoff(1, clock.now(), clock.timeScale).getTime(), true);
  assert.equal(DAY_MS, 86_400_000);
});

test('filters (table)', () => {
  const obj = { key: 'logs/app.txt', size: 100, tags: [{ Key: 'env', Value: 'dev' }] };
  const cases: [LifecycleFilter, boolean][] = [
    [{ kind: 'empty' }, true],
    [{ kind: 'legacy-prefix', prefix: '' }, true],
    [{ kind: 'prefix', prefix: 'logs/' }, true],
    [{ kind: 'prefix', prefix: 'tmp/' }, false],
    [{ kind: 'tag', tag: { Key: 'env', Value: 'dev' } }, true],
    [{ kind: 'tag', tag: { Key: 'env', Value: 'prod' } }, false],
    [{ kind: 'size', greaterThan: 99 }, true],
    [{ kind: 'size', greaterThan: 100 }, false],
    [{ kind: 'size', lessThan: 101, greaterThan: 10 }, true],
    [{ kind: 'and', prefix: 'logs/', tags: [{ Key: 'env', Value: 'dev' }] }, true],
    [{ kind: 'and', prefix: 'logs/', tags: [{ Key: 'env', Value: 'dev' }, { Key: 'a', Value: 'b' }] }, false],
    [{ kind: 'and', tags: [], lessThan: 50 }, false],
  ];
  for (const [f, want] of cases) assert.equal(filterMatches(f, obj), want, JSON.stringify(f));
});
