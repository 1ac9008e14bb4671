import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as logs from '../../src/logs/index.js';
import { FakeClock, isAppError, silentLogger } from '../../src/shared/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';

/** The Logs domain against a real store: ordering, GetLogEvents/FilterLogEvents paging, limits. */
const scope = { accountId: '000000000000', region: 'us-east-1' };
const T0 = Date.UTC(2026, 0, 1);

async function withDeps(open: OpenTestDb, fn: (deps: logs.LogsDeps, clock: FakeClock) => Promise<void>): Promise<void> {
  const db = await open();
  const clock = new FakeClock(T0);
  try {
    await fn({ db, clock, logger: silentLogger }, clock);
  } finally {
    await db.dispose();
  }
}

const lines = (n: number, ts: (i: number) => number, prefix = 'line'): logs.InputEvent[] => Array.from({ length: n }, (_, i) => ({ timestamp: ts(i), message: `${prefix} ${i}` }));

/** Reads a whole stream forward with GetLogEvents tokens until the token comes back unchanged. */
async function readForward(deps: logs.LogsDeps, group: string, stream: string, limit: number, extra: Partial<logs.GetLogEventsInput> = {}): Promise<{ messages: string[]; calls: number }> {
  const messages: string[] = [];
  let token: string | undefined;
  for (let calls = 1; ; calls++) {
    const r = await logs.getLogEvents(deps, scope, { group, stream, limit, startFromHead: true, nextToken: token, ...extra });
    messages.push(...r.events.map((e) => e.message));
    if (r.nextForwardToken === token) return { messages, calls };
    token = r.nextForwardToken;
  }
}

forEachDatabase((open) => {
  test('events sharing a timestamp keep their ingestion order; out-of-order timestamps sort by time', () =>
    withDeps(open, async (deps) => {
      await logs.appendEvents(deps, scope, '/g', 's', lines(5, () => T0, 'same'));
      await logs.appendEvents(deps, scope, '/g', 's', [{ timestamp: T0 - 10, message: 'earlier' }, { timestamp: T0 + 10, message: 'later' }]);
      const r = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's', startFromHead: true });
      assert.deepEqual(r.events.map((e) => e.message), ['earlier', 'same 0', 'same 1', 'same 2', 'same 3', 'same 4', 'later']);
      assert.ok(r.events.every((e) => e.ingestionTime === T0));
    }));

  test('GetLogEvents pages forward to the end, then backward to the start, with AWS token semantics', () =>
    withDeps(open, async (deps) => {
      const n = 25_000;
      await logs.appendEvents(deps, scope, '/g', 's', lines(n, (i) => T0 + Math.floor(i / 3)));
      const fwd = await readForward(deps, '/g', 's', 1000);
      assert.equal(fwd.messages.length, n);
      assert.deepEqual(fwd.messages.slice(0, 3), ['line 0', 'line 1', 'line 2']);
      assert.equal(fwd.messages[n - 1], `line ${n - 1}`);
      assert.equal(new Set(fwd.messages).size, n, 'no event twice');
      assert.equal(fwd.calls, 26, '25 full pages and the one that comes back empty with the same token');

      // Default (startFromHead false): the newest page; then walk backward to the start.
      let r = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's', limit: 1000 });
      assert.equal(r.events[r.events.length - 1]!.message, `line ${n - 1}`);
      const back: string[] = r.events.map((e) => e.message);
      let token = r.nextBackwardToken;
      for (;;) {
        r = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's', limit: 1000, nextToken: token });
        back.unshift(...r.events.map((e) => e.message));
        if (r.nextBackwardToken === token) break;
        token = r.nextBackwardToken;
      }
      assert.deepEqual(back, fwd.messages);
      assert.equal(r.events.length, 0);
      assert.match(r.nextForwardToken, /^f\/\d{56}\/s$/);
      // From the start, the forward token of the empty backward page leads to the first event.
      const again = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's', limit: 2, nextToken: r.nextForwardToken });
      assert.deepEqual(again.events.map((e) => e.message), ['line 0', 'line 1']);
    }));

  test('a forward token picks up events appended after the end was reached', () =>
    withDeps(open, async (deps) => {
      await logs.appendEvents(deps, scope, '/g', 's', lines(3, () => T0));
      const first = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's', startFromHead: true });
      const end = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's', nextToken: first.nextForwardToken });
      assert.equal(end.events.length, 0);
      assert.equal(end.nextForwardToken, first.nextForwardToken);
      await logs.appendEvents(deps, scope, '/g', 's', lines(2, () => T0, 'more'));
      const next = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's', nextToken: end.nextForwardToken });
      assert.deepEqual(next.events.map((e) => e.message), ['more 0', 'more 1']);
    }));

  test('an empty stream answers f/000…0/s and b/000…0/s, and the token reads events written later', () =>
    withDeps(open, async (deps) => {
      await logs.createLogGroup(deps, scope, { name: '/g' });
      await logs.createLogStream(deps, scope, '/g', 's');
      const r = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's' });
      assert.deepEqual(r, { events: [], nextForwardToken: `f/${'0'.repeat(56)}/s`, nextBackwardToken: `b/${'0'.repeat(56)}/s` });
      await logs.appendEvents(deps, scope, '/g', 's', lines(1, () => T0));
      const later = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's', nextToken: r.nextForwardToken });
      assert.deepEqual(later.events.map((e) => e.message), ['line 0']);
    }));

  test('startTime is inclusive and endTime exclusive (GetLogEvents), inclusive (FilterLogEvents)', () =>
    withDeps(open, async (deps) => {
      await logs.appendEvents(deps, scope, '/g', 's', lines(10, (i) => T0 + i * 1000));
      const get = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's', startFromHead: true, startTime: T0 + 2000, endTime: T0 + 5000 });
      assert.deepEqual(get.events.map((e) => e.message), ['line 2', 'line 3', 'line 4']);
      const filter = await logs.filterLogEvents(deps, scope, { group: '/g', startTime: T0 + 2000, endTime: T0 + 5000 });
      assert.deepEqual(filter.events.map((e) => e.message), ['line 2', 'line 3', 'line 4', 'line 5']);
    }));

  test('a page holds at most 1 MiB (messages + 26 bytes each)', () =>
    withDeps(open, async (deps) => {
      const big = 'x'.repeat(100_000);
      await logs.appendEvents(deps, scope, '/g', 's', Array.from({ length: 25 }, (_, i) => ({ timestamp: T0, message: `${i} ${big}` })));
      const r = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's', startFromHead: true });
      assert.equal(r.events.length, 10);
      const all = await readForward(deps, '/g', 's', 10_000);
      assert.equal(all.messages.length, 25);
    }));

  test('FilterLogEvents interleaves streams by time, pages with nextToken, filters by pattern and stream', () =>
    withDeps(open, async (deps) => {
      await logs.appendEvents(deps, scope, '/g', 'a', lines(300, (i) => T0 + i * 2, 'a'));
      await logs.appendEvents(deps, scope, '/g', 'b', lines(300, (i) => T0 + i * 2 + 1, 'b'));
      const seen: logs.FilteredEvent[] = [];
      let token: string | undefined;
      do {
        const r = await logs.filterLogEvents(deps, scope, { group: '/g', limit: 70, nextToken: token });
        assert.ok(r.events.length <= 70);
        seen.push(...r.events);
        token = r.nextToken;
      } while (token);
      assert.equal(seen.length, 600);
      assert.deepEqual(seen.slice(0, 4).map((e) => `${e.logStreamName}:${e.message}`), ['a:a 0', 'b:b 0', 'a:a 1', 'b:b 1']);
      assert.equal(new Set(seen.map((e) => e.eventId)).size, 600);
      assert.ok(seen.every((e) => /^\d{56}$/.test(e.eventId)));

      const errors = await logs.filterLogEvents(deps, scope, { group: '/g', pattern: '?"a 29" ?"b 29" -"a 290"' });
      assert.deepEqual(errors.events.map((e) => e.message).slice(0, 4), ['a 29', 'b 29', 'b 290', 'a 291']);
      const onlyB = await logs.filterLogEvents(deps, scope, { group: '/g', streamNames: ['b'], limit: 5 });
      assert.ok(onlyB.events.every((e) => e.logStreamName === 'b'));
      const byPrefix = await logs.filterLogEvents(deps, scope, { group: '/g', streamPrefix: 'a', pattern: '"a 299"' });
      assert.deepEqual(byPrefix.events.map((e) => e.message), ['a 299']);
      assert.equal(byPrefix.nextToken, undefined);
    }));

  test('a selective pattern over many events answers partial pages with tokens, never an unbounded scan', () =>
    withDeps(open, async (deps) => {
      const n = 60_000;
      await logs.appendEvents(deps, scope, '/g', 's', lines(n, (i) => T0 + i));
      let token: string | undefined;
      const found: string[] = [];
      let calls = 0;
      do {
        const r = await logs.filterLogEvents(deps, scope, { group: '/g', pattern: '"line 59999"', nextToken: token });
        found.push(...r.events.map((e) => e.message));
        token = r.nextToken;
        calls++;
      } while (token);
      assert.deepEqual(found, ['line 59999']);
      assert.ok(calls >= 2, `the scan budget splits the search (${calls} calls)`);
    }));

  test('PutLogEvents needs the group and the stream; the messages say which is missing', () =>
    withDeps(open, async (deps) => {
      const notFound = (message: string) => (err: unknown): boolean => isAppError(err) && (err.code === 'LogGroupNotFound' || err.code === 'LogStreamNotFound') && err.message === message;
      await assert.rejects(logs.putLogEvents(deps, scope, '/nope', 's', lines(1, () => T0)), notFound('The specified log group does not exist.'));
      await logs.createLogGroup(deps, scope, { name: '/g' });
      await assert.rejects(logs.putLogEvents(deps, scope, '/g', 's', lines(1, () => T0)), notFound('The specified log stream does not exist.'));
      await assert.rejects(logs.getLogEvents(deps, scope, { group: '/g', stream: 's' }), notFound('The specified log stream does not exist.'));
      await logs.createLogStream(deps, scope, '/g', 's');
      const r = await logs.putLogEvents(deps, scope, '/g', 's', [{ timestamp: T0 - 15 * 86_400_000, message: 'old' }, { timestamp: T0, message: 'ok' }]);
      assert.deepEqual(r.rejected, { tooOldLogEventEndIndex: 0 });
      assert.match(r.nextSequenceToken, /^\d{56}$/);
      const stored = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's' });
      assert.deepEqual(stored.events.map((e) => e.message), ['ok']);
    }));

  test('a NUL character is stored as U+FFFD (PostgreSQL text cannot hold NUL)', () =>
    withDeps(open, async (deps) => {
      await logs.appendEvents(deps, scope, '/g', 's', [{ timestamp: T0, message: 'a\u0000b' }]);
      const r = await logs.getLogEvents(deps, scope, { group: '/g', stream: 's' });
      assert.equal(r.events[0]!.message, 'a\uFFFDb');
    }));
});
