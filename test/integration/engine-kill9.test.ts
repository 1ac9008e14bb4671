import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { POSTGRES_URL, createPostgresTestDatabase } from '../support/databases.js';
import { REPO_ROOT } from '../support/nagare.js';

const CHILD = join(REPO_ROOT, 'dist/test/support/engine-child.js');

/** Runs the child until it prints `waitFor`; returns its output and a kill function. */
function runChild(target: string, env: Record<string, string>, waitFor: string): Promise<{ out: string; kill9(): Promise<void>; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [CHILD, target, '800'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((ok) => child.once('exit', (c) => ok(c)));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`child never printed '${waitFor}':\n${out}`)), 60_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (out.includes(waitFor)) {
        clearTimeout(timer);
        ok({ out, exited, kill9: async () => { child.kill('SIGKILL'); await exited; } });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

async function scenario(target: string): Promise<void> {
  const first = await runChild(target, { ENQUEUE: '1' }, 'running attempt 1');
  await first.kill9();
  // A new process (as after a restart) reclaims the job once the dead worker's lease expires.
  const second = await runChild(target, {}, 'all done');
  assert.equal(await second.exited, 0);
  await new Promise((r) => setImmediate(r));
  assert.match(second.out, /running attempt 2/);
  const rows = JSON.parse(/all done (.*)/.exec(second.out)![1]!) as Array<{ status: string; attempt: number; payload: { note: string } }>;
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.status, 'succeeded');
  assert.equal(rows[0]!.attempt, 2);
  assert.equal(rows[0]!.payload.note, 'survives kill -9');
}

test('kill -9 of a worker mid-job on PGlite: the job is reclaimed after restart and finishes once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nagare-kill9-'));
  try {
    await scenario(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('kill -9 of a worker mid-job on PostgreSQL', { skip: POSTGRES_URL ? false : 'NAGARE_TEST_DATABASE_URL not set' }, async () => {
  const created = await createPostgresTestDatabase();
  try {
    await scenario(created.url);
  } finally {
    await created.drop();
  }
});
