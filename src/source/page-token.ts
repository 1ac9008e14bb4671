/**
 * Continuation tokens of the list operations: base64url of a small JSON cursor tagged with the
 * listing it belongs to. Anything else is InvalidContinuationTokenException, as on AWS.
 */
import { decodeCursorToken, encodeCursorToken } from '../shared/index.js';
import { sourceError } from './errors.js';

export const encodeToken = encodeCursorToken;

export function decodeToken(kind: string, token: string): Record<string, unknown> {
  const cursor = decodeCursorToken(kind, token);
  if (!cursor) throw sourceError('InvalidContinuationToken', 'The continuation token is not valid.');
  return cursor;
}

/** One page of `items` starting after the token's offset; offsets are fine for short, stable lists. */
export function pageOf<T>(kind: string, items: readonly T[], size: number, token: string | undefined): { page: T[]; nextToken?: string } {
  let start = 0;
  if (token !== undefined) {
    const at = decodeToken(kind, token).offset;
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0) throw sourceError('InvalidContinuationToken', 'The continuation token is not valid.');
    start = at;
  }
  const page = items.slice(start, start + size);
  const next = start + size;
  return { page, ...(next < items.length ? { nextToken: encodeToken(kind, { offset: next }) } : {}) };
}
