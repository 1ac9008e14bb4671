import { invalidNextToken } from './errors.js';

/**
 * Opaque nextToken for DescribeLogGroups, DescribeLogStreams and FilterLogEvents: base64url of a
 * small JSON cursor (keyset pagination, so pages stay consistent while resources come and go).
 * `kind` keeps a token of one listing from being accepted by another.
 */
type Cursor = Record<string, string | number>;

export function encodePageToken(kind: string, cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, k: kind, c: cursor }), 'utf8').toString('base64url');
}

/** Throws InvalidNextToken unless `token` came from encodePageToken(kind, …) with the fields `shape` names. */
export function decodePageToken<T extends Cursor>(kind: string, token: string, shape: { [K in keyof T]: 'string' | 'number' }): T {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('not base64url');
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: unknown; k?: unknown; c?: unknown };
    if (body.v !== 1 || body.k !== kind || typeof body.c !== 'object' || body.c === null) throw new Error('unknown token');
    const c = body.c as Record<string, unknown>;
    for (const [field, type] of Object.entries(shape)) {
      if (typeof c[field] !== type) throw new Error(`field ${field}`);
      if (type === 'number' && !Number.isSafeInteger(c[field])) throw new Error(`field ${field}`);
    }
    return c as T;
  } catch {
    throw invalidNextToken();
  }
}
