import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as logs from '../../src/logs/index.js';
import { FakeClock, silentLogger } from '../../src/shared/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';

/**
 * Several writers on one stream and readers at the same time (real parallelism on PostgreSQL,
 * interleaved awaits on PGlite): every event is stored once, each writer's events keep their
 * order, and a reader following forward tokens sees every event exactly once, in final order.
 */
const scope = { accountId: '000000000000', region: 'us-east-1' };
const T0 = Date.UTC(2026, 0, 1);
const WRITERS = 6;
const BATCHES = 25;
const PER_BATCH = 20;
const TOTAL = WRITERS * BATCHES * PER_BATCH;

async function withDeps(open: OpenTestDb, fn: (deps: logs.LogsDeps) => Promise<void>): Promise<void> {
  const db = await open();
  try {
    await fn({ db, clock: new FakeClock(T0), logger: silentLogger });
  } finally {
    await db.dispose();
  }
}

const pause = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));

async function writer(deps: logs.LogsDeps, w: number, useApi: boolean): Promise<void> {
  for (let b = 0; b < BATCHES; b++) {
    // One shared timestamp: order must come from ingestion, not time.
    const events = Array.from({ length: PER_BATCH }, (_, i) => ({ timestamp: T0, message: `w${w} ${b * PER_BATCH + i}` }));
    if (useApi) await logs.putLogEvents(deps, scope, '/c', 's', events);
    else await logs.appendEvents(deps, scope, '/c', 's', events);
  }
}

/** Follows the stream with forward tokens until it has seen `total` events. */
async function follower(deps: logs.LogsDeps, total: number): Promise<string[]> {
  const seen: string[] = [];
  let token: string | undefined;
  for (let idle = 0; seen.length < total; ) {
    const r = await logs.getLogEvents(deps, scope, { group: '/c', stream: 's', startFromHead: true, limit: 97, nextToken: token }).catch((err: unknown) => {
      if (err instanceof Error && /does not exist/.test(err.message)) return undefined; // not created yet
      throw err;
    });
    if (!r) continue;
    seen.push(...r.events.map((e) => e.message));
    if (r.events.length === 0 && ++idle > 20_000) throw new Error('follower starved');
    token = r.nextForwardToken;
    await pause(r.events.length === 0 ? 5 : 0);
  }
  return seen;
}

/**
 * Follows the group with FilterLogEvents the way `aws logs tail --follow` does (awscli's
 * FollowLogEventsGenerator): page with nextToken; when there is none, restart from the newest
 * timestamp seen, skipping event ids already shown at that timestamp.
 */
async function tailFollower(deps: logs.LogsDeps, total: number): Promise<string[]> {
  const seen: string[] = [];
  let idsAtNewest = new Map<number, Set<string>>();
  let startTime = T0;
  let nextToken: string | undefined;
  while (seen.length < total) {
    const r = await logs.filterLogEvents(deps, scope, { group: '/c', startTime, nextToken, limit: 113 }).catch((err: unknown) => {
      if (err instanceof Error && /does not exist/.test(err.message)) return undefined;
      throw err;
    });
    if (!r) continue;
    for (const e of r.events) {
      const ids = idsAtNewest.get(e.timestamp) ?? new Set<string>();
      if (ids.has(e.eventId)) continue;
      ids.add(e.eventId);
      idsAtNewest.set(e.timestamp, ids);
      seen.push(e.message);
    }
    const newest = Math.max(...idsAtNewest.keys());
    if (Number.isFinite(newest)) idsAtNewest = new Map([[newest, idsAtNewest.get(newest)!]]);
    if (r.nextToken) {
      nextToken = r.nextToken;
    } else {
      if (Number.isFinite(newest)) startTime = newest;
      nextToken = undefined;
      await pause(5);
    }
  }
  return seen;
}

async function readAll(deps: logs.LogsDeps): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  for (;;) {
    const r = await logs.getLogEvents(deps, scope, { group: '/c', stream: 's', startFromHead: true, nextToken: token });
    out.push(...r.events.map((e) => e.message));
    if (r.nextForwardToken === token) return out;
    token = r.nextForwardToken;
  }
}

function assertPerWriterOrder(messages: string[]): void {
  const next = new Map<string, number>();
  for (const m of messages) {
    const [w, n] = m.split(' ') as [string, string];
    assert.equal(Number(n), next.get(w) ?? 0, `writer ${w} out of order at ${m}`);
    next.set(w, Number(n) + 1);
  }
}

forEachDatabase((open) => {
  test('appendEvents from many writers (creating group and stream on demand) while two readers follow', () =>
    withDeps(open, async (deps) => {
      const readers = Promise.all([follower(deps, TOTAL), tailFollower(deps, TOTAL)]);
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(deps, w, false)));
      const [followed, tailed] = await readers;
      const final = await readAll(deps);
      assert.equal(final.length, TOTAL);
      assert.equal(new Set(final).size, TOTAL, 'every event stored exactly once');
      assertPerWriterOrder(final);
      assert.deepEqual(followed, final, 'the forward-token follower saw every event once, in order');
      assert.deepEqual(tailed, final, 'the tail-style follower saw every event once, in order');
      const streams = await logs.describeLogStreams(deps, scope, { group: '/c' });
      assert.equal(streams.streams.length, 1);
      assert.equal(streams.streams[0]!.lastEventMs, T0);
    }));

  test('PutLogEvents in parallel on one stream (sequence tokens ignored, as AWS does since 2023)', () =>
    withDeps(open, async (deps) => {
      await logs.createLogGroup(deps, scope, { name: '/c' });
      await logs.createLogStream(deps, scope, '/c', 's');
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(deps, w, true)));
      const final = await readAll(deps);
      assert.equal(final.length, TOTAL);
      assertPerWriterOrder(final);
    }));

  test('concurrent creators of one group and stream: one wins, the rest see AlreadyExists; on-demand writers all succeed', () =>
    withDeps(open, async (deps) => {
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => logs.createLogGroup(deps, scope, { name: '/race' })));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      await Promise.all(Array.from({ length: 8 }, (_, i) => logs.appendEvents(deps, scope, '/race2', 'x', [{ timestamp: T0, message: `m${i}` }])));
      const r = await logs.getLogEvents(deps, scope, { group: '/race2', stream: 'x' });
      assert.equal(r.events.length, 8);
    }));

  test('deleting a stream while a writer appends leaves a consistent stream: the writer recreates it', () =>
    withDeps(open, async (deps) => {
      await logs.appendEvents(deps, scope, '/d', 's', [{ timestamp: T0, message: 'before' }]);
      // The deletion starts once m5 is written and runs while m6… are appended.
      let deletion: Promise<void> | undefined;
      for (let i = 0; i < 50; i++) {
        await logs.appendEvents(deps, scope, '/d', 's', [{ timestamp: T0, message: `m${i}` }]);
        if (i === 5) deletion = logs.deleteLogStream(deps, scope, '/d', 's');
      }
      await deletion;
      let messages: string[];
      try {
        messages = (await logs.getLogEvents(deps, scope, { group: '/d', stream: 's', startFromHead: true })).events.map((e) => e.message);
      } catch (err) {
        // On a loaded machine the deletion may land after the last append: then nothing is left.
        assert.equal((err as { code?: string }).code, 'LogStreamNotFound');
        messages = [];
      }
      if (messages.length === 0) return;
      // What was written before the deletion began is gone; what survived is a suffix, without gaps.
      const first = Number(messages[0]!.slice(1));
      assert.ok(messages[0]!.startsWith('m') && first >= 6, `events written before the deletion survived it: ${messages.slice(0, 3).join(', ')}`);
      assert.deepEqual(messages, Array.from({ length: 50 - first }, (_, i) => `m${i + first}`));
    }));
});
