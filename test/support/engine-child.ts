// A worker process for the kill -9 tests: node engine-child.js <dataDir|postgres-url> <leaseMs>.
// Attempt 1 of a 'crashy' job announces itself and then hangs (the test kills the process);
// later attempts succeed and the process exits once the queue is empty.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobQueue, Worker } from '../../src/engine/index.js';
import { SystemClock, silentLogger } from '../../src/shared/index.js';
import { openDb } from '../../src/store/index.js';

const [target = '', leaseArg = '1000'] = process.argv.slice(2);
const db = await openDb(
  target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target, snapshotCacheDir: join(tmpdir(), 'nagare-test-cache') },
);
const queue = new JobQueue(new SystemClock());
if (process.env.ENQUEUE) await queue.enqueue(db, 'crashy', { note: 'survives kill -9' });
const worker = new Worker({
  db,
  queue,
  workerId: `child-${process.pid}`,
  concurrency: 1,
  leaseMs: Number(leaseArg),
  pollMs: 50,
  logger: silentLogger,
  handlers: {
    async crashy(job) {
      console.log(`running attempt ${job.attempt}`);
      if (job.attempt === 1) await new Promise(() => undefined);
      return { finishedBy: process.pid };
    },
  },
});
worker.start();
for (;;) {
  await new Promise((r) => setTimeout(r, 100));
  const counts = await queue.countByStatus(db, 'crashy');
  if (counts.succeeded > 0 && counts.queued === 0 && counts.running === 0) break;
}
await worker.stop();
const rows = await db.query("SELECT status, attempt, payload FROM jobs WHERE kind = 'crashy'");
await db.close();
console.log(`all done ${JSON.stringify(rows.rows)}`);
