/**
 * nextToken of the CodePipeline list operations: base64url of a small JSON cursor tagged with the
 * listing it belongs to (kind + pipeline), so a token from another listing or a made-up string is
 * InvalidNextTokenException, as on AWS. Cursors are row positions (a name or a seq), never offsets:
 * rows inserted meanwhile do not shift the next page.
 */
import { pipelineError } from '../errors.js';

export function encodeToken(kind: string, cursor: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify({ k: kind, c: cursor }), 'utf8').toString('base64url');
}

const invalid = (): Error => pipelineError('InvalidNextTokenException', 'The next token is not valid.');

export function decodeToken(kind: string, token: string): Record<string, unknown> {
  let body: { k?: unknown; c?: unknown };
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { k?: unknown; c?: unknown };
  } catch {
    throw invalid();
  }
  if (typeof body !== 'object' || body === null || body.k !== kind || typeof body.c !== 'object' || body.c === null) throw invalid();
  return body.c as Record<string, unknown>;
}

/** The string member `field` of the token's cursor (undefined without a token). */
export function stringCursor(kind: string, token: string | undefined, field: string): string | undefined {
  if (token === undefined) return undefined;
  const v = decodeToken(kind, token)[field];
  if (typeof v !== 'string') throw invalid();
  return v;
}

/** The non-negative integer member `field` of the token's cursor (undefined without a token). */
export function numberCursor(kind: string, token: string | undefined, field: string): number | undefined {
  if (token === undefined) return undefined;
  const v = decodeToken(kind, token)[field];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw invalid();
  return v;
}

/**
 * Reads one row more than asked to know whether another page exists: `rows` came from a query
 * with LIMIT size + 1. The token quotes the cursor of the last row returned.
 */
export function pageOf<T>(rows: readonly T[], size: number, tokenFor: (last: T) => string): { items: T[]; nextToken?: string } {
  if (rows.length <= size) return { items: [...rows] };
  const items = rows.slice(0, size);
  return { items, nextToken: tokenFor(items[items.length - 1] as T) };
}
