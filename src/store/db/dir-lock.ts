/**
 * One process per embedded database: PGlite has no lock of its own, and two servers writing one
 * data directory would corrupt it. The lock is a file holding the owner's pid, created with O_EXCL;
 * a lock whose pid is gone (kill -9, power loss) is stale and taken over. Because of this lock,
 * whoever opens an embedded store knows that no other live process holds leases in it.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/index.js';

export interface DirLock {
  release(): Promise<void>;
}

export async function lockDataDir(dir: string, pid = process.pid): Promise<DirLock> {
  const file = join(dir, 'nagare.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(`${pid}\n`);
      await handle.sync();
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number.parseInt((await readFile(file, 'utf8').catch(() => '')).trim(), 10);
    if (Number.isInteger(owner) && owner > 0 && owner !== pid && isAlive(owner)) {
      throw new AppError('DataDirInUse', `the data directory ${dir} is in use by another nagare process (pid ${owner}); stop it or choose another --data-dir`, { fault: 'user' });
    }
    await rm(file, { force: true }); // stale: its owner is gone
  }
  throw new AppError('DataDirInUse', `could not lock the data directory ${dir}`, { fault: 'system' });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
