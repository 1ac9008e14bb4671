/**
 * StartBuild / RetryBuild `idempotencyToken` (spec B.4): within 5 minutes the same token with the
 * same parameters returns the build it started; with different parameters it is an error.
 * "Same parameters" = the request members other than the token, compared as canonical JSON.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../shared/index.js';
import type { Queryable } from '../../store/index.js';
import { invalidInput } from '../projects/errors.js';
import type { CodeBuildScope } from '../projects/types.js';
import { findByToken } from './build-repo.js';
import type { Build } from './types.js';

export const IDEMPOTENCY_WINDOW_MS = 5 * 60_000;

export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** The build this token already started, or undefined; throws on a parameter mismatch. */
export async function replayed(q: Queryable, clock: Clock, scope: CodeBuildScope, token: string, hash: string): Promise<Build | undefined> {
  const since = new Date(clock.now().getTime() - IDEMPOTENCY_WINDOW_MS);
  const found = await findByToken(q, scope, token, since);
  if (!found) return undefined;
  if (found.requestHash !== hash) {
    // Wording unverified; AWS documents only that reusing a token with other parameters is an error.
    throw invalidInput(`Idempotency token ${token} was already used within the last 5 minutes with different parameters`);
  }
  return found.build;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
