/**
 * nextToken of the CodePipeline list operations: base64url of a small JSON cursor tagged with the
 * listing it belongs to (kind + pipeline), so a token from another listing or a made-up string is
 * InvalidNextTokenException, as on AWS. Cursors are row positions (a name or a seq), never offsets:
 * rows inserted meanwhile do not shift the next page.
 */
import { decodeCursorToken, encodeCursorToken } from '../../shared/index.js';
import { pipelineError } from '../errors.js';

export const encodeToken = encodeCursorToken;

const invalid = (): Error => pipelineError('InvalidNextTokenException', 'The next token is not valid.');

export function decodeToken(kind: string, token: string): Record<string, unknown> {
  const cursor = decodeCursorToken(kind, token);
  if (!cursor) throw invalid();
  return cursor;
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
