import type { Db, Queryable } from '../../store/index.js';
import { logsError } from '../errors.js';

/**
 * A write transaction that gives up when a row lock stays contended for LOCK_TIMEOUT, answering
 * AWS's OperationAbortedException rather than queueing without bound. On PGlite (one connection)
 * the wait never happens; on PostgreSQL writers to one stream queue behind each other.
 */
const LOCK_TIMEOUT = '10s';
const CONTENTION_CODES = new Set(['55P03', '40P01', '40001']); // lock_not_available, deadlock_detected, serialization_failure

export async function writeTransaction<T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      return fn(tx);
    });
  } catch (err) {
    if (CONTENTION_CODES.has(pgErrorCode(err) ?? '')) {
      throw logsError('OperationAborted', 'A conflicting operation is currently in progress against this resource. Please try again.');
    }
    throw err;
  }
}

/** SQLSTATE of an error raised by pg or PGlite. */
export function pgErrorCode(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export const FOREIGN_KEY_VIOLATION = '23503';
