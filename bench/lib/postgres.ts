import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the `--database-url` figures use (scripts/ci-env.sh starts it). */
export const POSTGRES_URL =
  process.env.NAGARE_BENCH_DATABASE_URL ?? process.env.NAGARE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/nagare_ci';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why the PostgreSQL figures are skipped, or undefined when the server answers. */
export async function postgresUnavailable(url = POSTGRES_URL): Promise<string | undefined> {
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host)) return `${host} is not loopback (benchmarks only talk to 127.0.0.1)`;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${host} not reachable (${err instanceof Error ? err.message : String(err)}); run \`bash scripts/ci-env.sh\``;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the server (nagare migrates it on start); drop() removes it. */
export async function createDatabase(url = POSTGRES_URL): Promise<TempDatabase> {
  const name = `nagare_bench_${randomBytes(5).toString('hex')}`;
  await admin(url, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
