import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Db } from './types.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { migrate } from './migrate.js';
import { lockDataDir } from './dir-lock.js';

export interface OpenDbOptions {
  /** postgres://… for a server; undefined for embedded PGlite under `dataDir`. */
  databaseUrl?: string;
  /** Data directory; PGlite lives in `<dataDir>/pg`. undefined + no URL = in memory (tests). */
  dataDir?: string;
  /** Where PGlite may cache an empty-cluster snapshot to start new data dirs fast. */
  snapshotCacheDir?: string;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  let db: Db;
  const cache = options.snapshotCacheDir === undefined ? {} : { snapshotCacheDir: options.snapshotCacheDir };
  if (options.databaseUrl) {
    db = await openPostgres(options.databaseUrl);
  } else if (options.dataDir) {
    const dir = join(options.dataDir, 'pg');
    await mkdir(dir, { recursive: true });
    // The lock lives beside the cluster, not in it: PGlite's snapshot of a new cluster (see
    // pglite.ts) copies every file of its directory, and a lock restored from a snapshot would
    // name a long-gone pid — the next process would take the directory over.
    const lock = await lockDataDir(options.dataDir);
    try {
      const pg = await openPglite({ dataDir: dir, ...cache });
      db = {
        ...pg,
        kind: pg.kind,
        async close() {
          await pg.close();
          await lock.release();
        },
      };
    } catch (err) {
      await lock.release();
      throw err;
    }
  } else {
    db = await openPglite(cache);
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
