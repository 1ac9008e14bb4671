/**
 * nextToken of the CodeBuild list operations: base64url of a small JSON cursor tagged with the
 * listing it belongs to. A token from elsewhere is InvalidInputException (AWS: "Invalid next token").
 */
import { invalidInput } from './errors.js';

export function encodeToken(kind: string, cursor: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify({ k: kind, c: cursor }), 'utf8').toString('base64url');
}

export function decodeToken(kind: string, token: string): Record<string, unknown> {
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { k?: unknown; c?: unknown };
    if (body.k !== kind || typeof body.c !== 'object' || body.c === null) throw new Error('foreign token');
    return body.c as Record<string, unknown>;
  } catch {
    throw invalidInput('Invalid next token');
  }
}
