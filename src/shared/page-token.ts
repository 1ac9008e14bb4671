/**
 * Opaque nextTokens of list operations: base64url of a small JSON cursor tagged with the listing it
 * belongs to, so a token of another listing, or a made-up string, is recognised as foreign. Each
 * service answers a foreign token with its own AWS error.
 */
export type Cursor = Record<string, string | number>;

export function encodeCursorToken(kind: string, cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ k: kind, c: cursor }), 'utf8').toString('base64url');
}

/** The cursor, or undefined when `token` was not issued by encodeCursorToken(kind, …). */
export function decodeCursorToken(kind: string, token: string): Record<string, unknown> | undefined {
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { k?: unknown; c?: unknown } | null;
    if (typeof body !== 'object' || body === null || body.k !== kind || typeof body.c !== 'object' || body.c === null) return undefined;
    return body.c as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
