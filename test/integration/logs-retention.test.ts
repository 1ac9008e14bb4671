import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as logs from '../../src/logs/index.js';
import { FakeClock, silentLogger } from '../../src/shared/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';

/** Retention and purging, driven by a FakeClock instead of waiting. */
const scope = { accountId: '000000000000', region: 'us-east-1' };
const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

async function withDeps(open: OpenTestDb, timeScale: number, fn: (deps: logs.LogsDeps, clock: FakeClock) => Promise<void>): Promise<void> {
  const db = await open();
  const clock = new FakeClock(T0, timeScale);
  try {
    await fn({ db, clock, logger: silentLogger }, clock);
  } finally {
    await db.dispose();
  }
}

async function messages(deps: logs.LogsDeps, group: string, stream: string): Promise<string[]> {
  const r = await logs.getLogEvents(deps, scope, { group, stream, startFromHead: true });
  return r.events.map((e) => e.message);
}

async function storedBytes(deps: logs.LogsDeps, group: string): Promise<number> {
  const r = await logs.describeLogGroups(deps, scope, { prefix: group });
  return r.groups.find((g) => g.name === group)!.storedBytes;
}

forEachDatabase((open) => {
  test('events older than the retention go; younger ones and other groups stay; storedBytes follows', () =>
    withDeps(open, 1, async (deps, clock) => {
      await logs.appendEvents(deps, scope, '/kept', 's', [{ timestamp: T0 - 3 * DAY, message: 'old but kept forever' }]);
      await logs.appendEvents(deps, scope, '/r', 's', [
        { timestamp: T0 - 2 * DAY, message: 'two days' },
        { timestamp: T0 - DAY / 2, message: 'half a day' },
        { timestamp: T0, message: 'now' },
      ]);
      await logs.putRetentionPolicy(deps, scope, '/r', 1);
      assert.equal(await storedBytes(deps, '/r'), 'two days'.length + 'half a day'.length + 'now'.length);
      assert.equal(await logs.enforceRetention(deps), 1);
      assert.deepEqual(await messages(deps, '/r', 's'), ['half a day', 'now']);
      assert.equal(await storedBytes(deps, '/r'), 'half a day'.length + 'now'.length);
      clock.advance(DAY / 2 + 1);
      assert.equal(await logs.enforceRetention(deps), 1);
      assert.deepEqual(await messages(deps, '/r', 's'), ['now']);
      assert.deepEqual(await messages(deps, '/kept', 's'), ['old but kept forever']);
      await logs.deleteRetentionPolicy(deps, scope, '/r');
      clock.advance(30 * DAY);
      assert.equal(await logs.enforceRetention(deps), 0);
    }));

  test('under a time scale, age is AWS time: real elapsed × scale', () =>
    withDeps(open, 1440, async (deps, clock) => {
      // Scale 1440: one AWS day passes in one real minute.
      await logs.appendEvents(deps, scope, '/r', 's', [{ timestamp: T0, message: 'a' }]);
      await logs.putRetentionPolicy(deps, scope, '/r', 1);
      clock.advance(59_000);
      assert.equal(await logs.enforceRetention(deps), 0);
      clock.advance(2_000);
      assert.equal(await logs.enforceRetention(deps), 1);
      // PutLogEvents judges "expired" the same way: 61 real seconds is older than one AWS day.
      await logs.createLogStream(deps, scope, '/r', 'p');
      const r = await logs.putLogEvents(deps, scope, '/r', 'p', [{ timestamp: clock.now().getTime() - 61_000, message: 'expired' }, { timestamp: clock.now().getTime(), message: 'fresh' }]);
      assert.deepEqual(r.rejected, { expiredLogEventEndIndex: 0 });
    }));

  test('retention deletes in batches: many expired events all go in one run', () =>
    withDeps(open, 1, async (deps) => {
      await logs.appendEvents(deps, scope, '/big', 's', Array.from({ length: 12_345 }, (_, i) => ({ timestamp: T0 - 5 * DAY, message: `e${i}` })));
      await logs.appendEvents(deps, scope, '/big', 's', [{ timestamp: T0, message: 'survivor' }]);
      await logs.putRetentionPolicy(deps, scope, '/big', 3);
      assert.equal(await logs.enforceRetention(deps), 12_345);
      assert.deepEqual(await messages(deps, '/big', 's'), ['survivor']);
    }));

  test('deleted groups and streams vanish at once; the purge task removes their events later', () =>
    withDeps(open, 1, async (deps) => {
      await logs.appendEvents(deps, scope, '/gone', 'a', Array.from({ length: 7_000 }, (_, i) => ({ timestamp: T0, message: `a${i}` })));
      await logs.appendEvents(deps, scope, '/gone', 'b', [{ timestamp: T0, message: 'b' }]);
      await logs.appendEvents(deps, scope, '/stay', 'x', [{ timestamp: T0, message: 'x' }]);
      await logs.deleteLogStream(deps, scope, '/gone', 'b');
      const filtered = await logs.filterLogEvents(deps, scope, { group: '/gone', pattern: '"b"' });
      assert.deepEqual(filtered.events, [], 'a deleted stream is invisible before it is purged');
      await logs.deleteLogGroup(deps, scope, '/gone');
      await assert.rejects(logs.getLogEvents(deps, scope, { group: '/gone', stream: 'a' }), /The specified log group does not exist\./);
      // Recreating the names starts empty: old events belong to the old ids.
      await logs.appendEvents(deps, scope, '/gone', 'a', [{ timestamp: T0, message: 'new life' }]);
      assert.deepEqual(await messages(deps, '/gone', 'a'), ['new life']);
      assert.equal(await logs.purgeDeleted(deps), 7_001);
      assert.equal(await logs.purgeDeleted(deps), 0);
      const left = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM log_events');
      assert.equal(left.rows[0]!.n, 2, 'only /stay/x and the new /gone/a remain');
    }));
});
