/**
 * Continuation tokens of the list operations: base64url of a small JSON cursor tagged with the
 * listing it belongs to. Anything else is InvalidContinuationTokenException, as on AWS.
 */
import { sourceError } from './errors.js';

export function encodeToken(kind: string, cursor: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify({ k: kind, c: cursor }), 'utf8').toString('base64url');
}

export function decodeToken(kind: string, token: string): Record<string, unknown> {
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { k?: unknown; c?: unknown };
    if (body.k !== kind || typeof body.c !== 'object' || body.c === null) throw new Error('foreign token');
    return body.c as Record<string, unknown>;
  } catch {
    throw sourceError('InvalidContinuationToken', 'The continuation token is not valid.');
  }
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
