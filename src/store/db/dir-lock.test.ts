import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isAppError } from '../../shared/index.js';
import { lockDataDir } from './dir-lock.js';

const withDir = async (fn: (dir: string) => Promise<void>): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'nagare-lock-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

test('a live owner keeps the lock: a second opener is refused with DataDirInUse naming the pid', () =>
  withDir(async (dir) => {
    const owner = spawn('sleep', ['30']);
    try {
      await lockDataDir(dir, owner.pid);
      await assert.rejects(lockDataDir(dir), (err) => isAppError(err) && err.code === 'DataDirInUse' && err.message.includes(`pid ${owner.pid}`));
    } finally {
      owner.kill('SIGKILL');
    }
  }));

test('a stale lock (its process is gone) is taken over; release removes it', () =>
  withDir(async (dir) => {
    const gone = spawn('true');
    await new Promise((ok) => gone.once('exit', ok));
    await writeFile(join(dir, 'nagare.lock'), `${gone.pid}\n`);
    const lock = await lockDataDir(dir);
    assert.equal((await readFile(join(dir, 'nagare.lock'), 'utf8')).trim(), String(process.pid));
    await lock.release();
    const again = await lockDataDir(dir);
    await again.release();
  }));

test('a garbled lock file counts as stale', () =>
  withDir(async (dir) => {
    await writeFile(join(dir, 'nagare.lock'), 'not a pid');
    const lock = await lockDataDir(dir);
    await lock.release();
  }));
