import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withRefLock } from './ref-lock.js';

test('withRefLock runs one holder at a time per repository, others in parallel', async () => {
  const log: string[] = [];
  const hold = (id: string, tag: string, ms: number): Promise<void> =>
    withRefLock(id, async () => {
      log.push(`${tag}+`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${tag}-`);
    });
  await Promise.all([hold('r1', 'a', 30), hold('r1', 'b', 1), hold('r2', 'c', 1)]);
  assert.ok(log.indexOf('a-') < log.indexOf('b+'), log.join(' '));
  assert.ok(log.indexOf('c-') < log.indexOf('a-'), log.join(' '));
});

test('a failing holder releases the lock', async () => {
  await assert.rejects(withRefLock('r3', async () => Promise.reject(new Error('boom'))));
  assert.equal(await withRefLock('r3', async () => 42), 42);
});
