import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JobQueue, Worker } from '../../src/engine/index.js';
import { AppError, FakeClock, SystemClock, silentLogger } from '../../src/shared/index.js';
import { forEachDatabase } from '../support/databases.js';

forEachDatabase((open, kind) => {
  test(`a job enqueued in this process is claimed at once, not at the next poll (${kind})`, async () => {
    const db = await open();
    const q = new JobQueue(new SystemClock());
    const claimedAt: number[] = [];
    const w = new Worker({
      db,
      queue: q,
      workerId: 'w',
      concurrency: 1,
      pollMs: 60_000, // only a wake can make it claim within this test
      logger: silentLogger,
      handlers: { quick: async () => void claimedAt.push(Date.now()) },
    });
    try {
      w.start();
      await new Promise((r) => setTimeout(r, 300)); // the start-up poll has passed and found nothing
      for (let i = 0; i < 3; i++) {
        const before = Date.now();
        await db.transaction(async (tx) => {
          await q.enqueue(tx, 'quick', { i });
        });
        const deadline = Date.now() + 3000;
        while (claimedAt.length <= i && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
        assert.ok(claimedAt.length > i, `job ${i} was not claimed within 3 s`);
        assert.ok(claimedAt[i]! - before < 1000, `job ${i} claimed after ${claimedAt[i]! - before} ms`);
      }
      const later = await q.enqueue(db, 'quick', {}, { runAt: new Date(Date.now() + 60_000) });
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(claimedAt.length, 3, `a job due later (${later}) does not wake anyone`);
    } finally {
      await w.stop();
      await db.dispose();
    }
  });

  test(`enqueue, claim when due, complete; dedupe keys (${kind})`, async () => {
    const db = await open();
    try {
      const clock = new FakeClock(Date.UTC(2026, 0, 1));
      const q = new JobQueue(clock);
      const now = await q.enqueue(db, 'build', { n: 1 });
      const later = await q.enqueue(db, 'timer', { n: 2 }, { runAt: new Date(clock.now().getTime() + 60_000), dedupeKey: 'approval-1' });
      assert.equal(await q.enqueue(db, 'timer', { n: 3 }, { dedupeKey: 'approval-1' }), later, 'duplicate key returns the unfinished job');
      const a = await q.claim(db, ['build', 'timer'], 'w1', 10_000);
      assert.equal(a?.id, now);
      assert.deepEqual(a?.payload, { n: 1 });
      assert.equal(a?.attempt, 1);
      assert.equal(await q.claim(db, ['build', 'timer'], 'w1', 10_000), undefined, 'the timer is not due yet');
      clock.advance(60_000);
      const b = await q.claim(db, ['timer'], 'w1', 10_000);
      assert.equal(b?.id, later);
      assert.equal(await q.complete(db, now, 'w1', { ok: true }), true);
      assert.equal((await q.get(db, now)).status, 'succeeded');
      assert.equal(await q.complete(db, later, 'w1'), true);
      assert.notEqual(await q.enqueue(db, 'timer', {}, { dedupeKey: 'approval-1' }), later, 'a finished job frees its key');
    } finally {
      await db.dispose();
    }
  });

  test(`an expired lease is reclaimed by another worker; the old holder can no longer finish it (${kind})`, async () => {
    const db = await open();
    try {
      const clock = new FakeClock();
      const q = new JobQueue(clock);
      const id = await q.enqueue(db, 'build', {});
      await q.claim(db, ['build'], 'dead-worker', 5_000);
      assert.equal(await q.claim(db, ['build'], 'w2', 5_000), undefined, 'lease still valid');
      clock.advance(5_001);
      const again = await q.claim(db, ['build'], 'w2', 5_000);
      assert.equal(again?.id, id);
      assert.equal(again?.attempt, 2);
      assert.equal(await q.heartbeat(db, id, 'dead-worker', 5_000), false);
      assert.equal(await q.complete(db, id, 'dead-worker'), false);
      assert.equal(await q.complete(db, id, 'w2'), true);
    } finally {
      await db.dispose();
    }
  });

  test(`failures retry until max attempts, non-retryable ones fail at once (${kind})`, async () => {
    const db = await open();
    try {
      const clock = new FakeClock();
      const q = new JobQueue(clock);
      const id = await q.enqueue(db, 'deploy', {}, { maxAttempts: 2 });
      await q.claim(db, ['deploy'], 'w', 1000);
      assert.equal(await q.fail(db, id, 'w', 'engine socket gone', true, 500), 'queued');
      assert.equal(await q.claim(db, ['deploy'], 'w', 1000), undefined, 'backoff');
      clock.advance(500);
      await q.claim(db, ['deploy'], 'w', 1000);
      assert.equal(await q.fail(db, id, 'w', 'still gone', true), 'failed');
      assert.equal((await q.get(db, id)).lastError, 'still gone');
      const other = await q.enqueue(db, 'deploy', {});
      await q.claim(db, ['deploy'], 'w', 1000);
      assert.equal(await q.fail(db, other, 'w', 'bad input', false), 'failed');
    } finally {
      await db.dispose();
    }
  });

  test(`workers run every job exactly once under concurrency (${kind})`, async () => {
    const db = await open();
    try {
      const q = new JobQueue(new SystemClock());
      const ids = new Set<number>();
      for (let i = 0; i < 40; i++) ids.add(await q.enqueue(db, 'build', { i }));
      const runs: number[] = [];
      let flaky = true;
      const handler = async (job: { id: number; payload: Record<string, unknown> }): Promise<Record<string, unknown>> => {
        await new Promise((r) => setTimeout(r, 2));
        if (job.payload.i === 7 && flaky) {
          flaky = false;
          throw new AppError('Transient', 'transient fault', { retryable: true });
        }
        runs.push(job.id);
        return { ok: true };
      };
      const workers = ['a', 'b', 'c'].map(
        (w) => new Worker({ db, queue: q, workerId: w, handlers: { build: handler }, concurrency: 4, pollMs: 20, logger: silentLogger }),
      );
      workers.forEach((w) => w.start());
      const deadline = Date.now() + 20_000;
      while (runs.length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await Promise.all(workers.map((w) => w.stop()));
      assert.equal(runs.length, 40);
      assert.deepEqual(new Set(runs), ids, 'each job ran once (job 7 twice: first attempt threw)');
      const counts = await q.countByStatus(db, 'build');
      assert.equal(counts.succeeded, 40);
    } finally {
      await db.dispose();
    }
  });
});
