import pg from 'pg';
import type { Db, Queryable, QueryResult } from './types.js';

// int8 and numeric counters come back as strings from `pg` by default; ours stay below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/** A PostgreSQL server reached through a connection pool. */
export async function openPostgres(url: string, maxConnections = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle pooled connection that the server drops (restart, admin terminate) emits 'error' on the
  // pool; unhandled it would crash the process. The next checkout reconnects, so ignoring is right.
  pool.on('error', () => undefined);
  // Fail fast with the server's own message when the URL is wrong.
  await pool.query('SELECT 1');
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await q.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
  });
  const poolQ = wrap(pool);
  return {
    kind: 'postgres',
    query: (sql, params) => poolQ.query(sql, params),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
