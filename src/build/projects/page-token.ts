/**
 * nextToken of the CodeBuild list operations (shared/page-token.ts). A token from elsewhere is
 * InvalidInputException (AWS: "Invalid next token").
 */
import { decodeCursorToken, encodeCursorToken } from '../../shared/index.js';
import { invalidInput } from './errors.js';

export const encodeToken = encodeCursorToken;

export function decodeToken(kind: string, token: string): Record<string, unknown> {
  const cursor = decodeCursorToken(kind, token);
  if (!cursor) throw invalidInput('Invalid next token');
  return cursor;
}
