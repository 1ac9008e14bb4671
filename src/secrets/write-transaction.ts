import type { AppError } from '../shared/index.js';
import type { Db, Queryable } from '../store/index.js';

/**
 * A write transaction that serialises on row locks (SELECT … FOR UPDATE) and gives up when a lock
 * is contended for longer than `LOCK_TIMEOUT` — the one case where AWS's own answer
 * (TooManyUpdates for SSM) is more useful than waiting. PGlite has one connection, so there the
 * wait never happens; on PostgreSQL concurrent writers to one resource queue behind each other.
 */
const LOCK_TIMEOUT = '10s';
const CONTENTION_CODES = new Set(['55P03', '40P01', '40001']); // lock_not_available, deadlock_detected, serialization_failure

export async function writeTransaction<T>(db: Db, onContention: () => AppError, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      return fn(tx);
    });
  } catch (err) {
    if (CONTENTION_CODES.has(pgErrorCode(err) ?? '')) throw onContention();
    throw err;
  }
}

/** SQLSTATE of an error raised by pg or PGlite. */
export function pgErrorCode(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
