import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../../src/store/index.js';

/**
 * The PostgreSQL server integration tests run against, from NAGARE_TEST_DATABASE_URL (CI sets it,
 * see .ci/run). When NAGARE_TEST_REQUIRE_POSTGRES=1 a missing server fails the run instead of
 * skipping the PostgreSQL half.
 */
export const POSTGRES_URL = process.env.NAGARE_TEST_DATABASE_URL;
const REQUIRE_POSTGRES = process.env.NAGARE_TEST_REQUIRE_POSTGRES === '1';

export type OpenTestDb = () => Promise<Db & { dispose(): Promise<void> }>;

/** A fresh, migrated in-memory PGlite. */
export const openPgliteTestDb: OpenTestDb = async () => {
  const db = await openDb({ snapshotCacheDir: join(tmpdir(), 'nagare-test-cache') });
  return Object.assign(db, { dispose: () => db.close() });
};

/** A fresh database on the test server (created, migrated; dropped by dispose). */
export async function createPostgresTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!POSTGRES_URL) throw new Error('NAGARE_TEST_DATABASE_URL is not set');
  const name = `nagare_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const openPostgresTestDb: OpenTestDb = async () => {
  const created = await createPostgresTestDatabase();
  const db = await openDb({ databaseUrl: created.url });
  return Object.assign(db, {
    async dispose() {
      await db.close();
      await created.drop();
    },
  });
};

/**
 * Declares the suite once per database kind: `forEachDatabase((open, kind) => { test(…) })`.
 * Each test calls `open()` for its own fresh database and `dispose()`s it.
 */
export function forEachDatabase(body: (open: OpenTestDb, kind: 'pglite' | 'postgres') => void): void {
  describe('on PGlite', () => body(openPgliteTestDb, 'pglite'));
  if (POSTGRES_URL) {
    describe('on PostgreSQL', () => body(openPostgresTestDb, 'postgres'));
  } else if (REQUIRE_POSTGRES) {
    throw new Error('NAGARE_TEST_REQUIRE_POSTGRES=1 but NAGARE_TEST_DATABASE_URL is not set');
  } else {
    describe('on PostgreSQL', { skip: 'NAGARE_TEST_DATABASE_URL not set' }, () => undefined);
  }
}
