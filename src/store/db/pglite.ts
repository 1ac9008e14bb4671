import { PGlite } from '@electric-sql/pglite';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable, QueryResult } from './types.js';

export interface PgliteOptions {
  /** Where the cluster lives; undefined = in memory. */
  dataDir?: string;
  /**
   * Directory for a snapshot of a freshly initialised, empty cluster. PGlite's initdb costs ~3.5 s;
   * loading the snapshot ~0.6 s, which matters for every new data dir (first start, each test).
   */
  snapshotCacheDir?: string;
}

/** Embedded PostgreSQL (WASM), persisted under `dataDir` or in memory. */
export async function openPglite(opts: PgliteOptions = {}): Promise<Db> {
  const pg = await create(opts);
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: (sql, params) => base.query(sql, params),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return pg.transaction(async (tx) => fn(wrap(tx)));
    },
    async exec(sql: string): Promise<void> {
      await pg.exec(sql);
    },
    async close(): Promise<void> {
      await pg.close();
    },
  };
}

async function create({ dataDir, snapshotCacheDir }: PgliteOptions): Promise<PGlite> {
  const isNew = dataDir === undefined || !existsSync(join(dataDir, 'PG_VERSION'));
  if (!isNew || snapshotCacheDir === undefined) return dataDir === undefined ? PGlite.create() : PGlite.create(dataDir);
  const snapshot = join(snapshotCacheDir, `pglite-${await pgliteVersion()}-empty-2.tar.gz`);
  if (existsSync(snapshot)) {
    try {
      const loadDataDir = new Blob([await readFile(snapshot)]);
      return dataDir === undefined ? await PGlite.create({ loadDataDir }) : await PGlite.create(dataDir, { loadDataDir });
    } catch {
      // A damaged cache entry only costs time: fall through to a regular initdb and rewrite it.
    }
  }
  const pg = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  try {
    const tar = await pg.dumpDataDir('gzip');
    await mkdir(snapshotCacheDir, { recursive: true });
    const tmp = `${snapshot}.${process.pid}.tmp`;
    await writeFile(tmp, Buffer.from(await tar.arrayBuffer()));
    await rename(tmp, snapshot);
  } catch {
    // Caching is an optimisation; a read-only cache dir must not stop the server.
  }
  return pg;
}

let versionCache: string | undefined;
async function pgliteVersion(): Promise<string> {
  if (versionCache) return versionCache;
  // The package does not export its package.json: walk up from its entry point.
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(await readFile(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === '@electric-sql/pglite' && pkg.version) return (versionCache = pkg.version);
  }
  return (versionCache = 'unknown');
}
