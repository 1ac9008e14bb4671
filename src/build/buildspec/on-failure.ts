/**
 * `phases/<phase>/on-failure` (spec A.8): `ABORT`, `CONTINUE`, and the newer `RETRY`,
 * `RETRY-<count>`, `RETRY-<regex>`, `RETRY-<count>-<regex>`. `RETRY` alone retries up to 3 times for
 * any error; `<count>` is 0..100; `<regex>` must match the error message for a retry to happen.
 * A bare number after `RETRY-` is read as a count, as the documented forms list it first.
 */
import type { OnFailure } from './types.js';

const DEFAULT_RETRIES = 3;
const MAX_RETRIES = 100;

export function parseOnFailure(text: string): OnFailure | { problem: string } {
  if (text === 'ABORT' || text === 'CONTINUE') return { kind: text };
  if (text === 'RETRY') return { kind: 'RETRY', count: DEFAULT_RETRIES };
  if (!text.startsWith('RETRY-')) {
    return { problem: `on-failure must be ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex> or RETRY-<count>-<regex>: found '${text}'` };
  }
  const rest = text.slice('RETRY-'.length);
  const match = /^(\d+)(?:-(.*))?$/s.exec(rest);
  const count = match ? Number(match[1]) : DEFAULT_RETRIES;
  const pattern = match ? match[2] : rest;
  if (count > MAX_RETRIES) return { problem: `on-failure retry count ${count} is over ${MAX_RETRIES}` };
  if (pattern === undefined) return { kind: 'RETRY', count };
  if (pattern === '') return { problem: `on-failure '${text}' has an empty retry pattern` };
  try {
    new RegExp(pattern);
  } catch {
    return { problem: `on-failure '${text}' has an invalid retry pattern '${pattern}'` };
  }
  return { kind: 'RETRY', count, pattern };
}
