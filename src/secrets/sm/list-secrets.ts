import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { describeMany, type SecretDescription } from './describe-secret.js';
import { smError } from './errors.js';
import { matchesSecretFilters, validateSecretFilters, type SecretFilter } from './list-filters.js';
import { listAllSecrets, purgeExpired } from './secret-repo.js';

export interface ListSecretsInput {
  includePlannedDeletion?: boolean;
  maxResults?: number;
  nextToken?: string;
  filters?: SecretFilter[];
  sortBy?: 'created-date' | 'last-accessed-date' | 'last-changed-date' | 'name';
  sortOrder?: 'asc' | 'desc';
}

export const LIST_DEFAULT_MAX = 100;

/**
 * ListSecrets: secrets of the account and region, without those scheduled for deletion unless
 * asked. Sorted by CreatedDate ascending by default (AWS documents the key, not the direction).
 * NextToken is a keyset cursor (sort value + id), so pages neither repeat nor skip entries when
 * secrets are created or deleted between calls.
 */
export async function listSecrets(deps: SecretsDeps, scope: Scope, input: ListSecretsInput): Promise<{ secrets: SecretDescription[]; nextToken?: string }> {
  validateSecretFilters(input.filters);
  const cursor = decodeCursor(input.nextToken);
  await purgeExpired(deps.db, scope, deps.clock.now(), deps.clock.timeScale);
  const all = (await listAllSecrets(deps.db, scope)).filter((s) => input.includePlannedDeletion || s.deletedAt === null);
  const described = (await describeMany(deps, all)).filter((s) => matchesSecretFilters(s, input.filters));
  const sortBy = input.sortBy ?? 'created-date';
  const dir = input.sortOrder === 'desc' ? -1 : 1;
  const cmp = (a: Cursor, b: Cursor): number => dir * (compareKeys(a.k, b.k) || a.id - b.id);
  const keyed = described.map((s) => ({ s, c: { k: sortKey(s, sortBy), id: s.id } })).sort((a, b) => cmp(a.c, b.c));
  const start = cursor ? keyed.findIndex((x) => cmp(x.c, cursor) > 0) : 0;
  const max = input.maxResults ?? LIST_DEFAULT_MAX;
  const rest = start < 0 ? [] : keyed.slice(start);
  const page = rest.slice(0, max);
  const last = page[page.length - 1];
  return { secrets: page.map((x) => x.s), nextToken: rest.length > max && last ? encodeCursor(last.c) : undefined };
}

interface Cursor {
  k: string | number | null;
  id: number;
}

function sortKey(s: SecretDescription, by: NonNullable<ListSecretsInput['sortBy']>): string | number | null {
  if (by === 'name') return s.name;
  if (by === 'last-accessed-date') return s.lastAccessedAt?.getTime() ?? null;
  if (by === 'last-changed-date') return s.lastChangedAt.getTime();
  return s.createdAt.getTime();
}

function compareKeys(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ v: 1, ...c }), 'utf8').toString('base64url');
}

function decodeCursor(token: string | undefined): Cursor | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor> & { v?: unknown };
    const okKey = c.k === null || typeof c.k === 'string' || typeof c.k === 'number';
    if (c.v !== 1 || !okKey || typeof c.id !== 'number') throw new Error('bad token');
    return { k: c.k as Cursor['k'], id: c.id };
  } catch {
    throw smError('InvalidNextTokenException', 'The NextToken value is invalid.');
  }
}
