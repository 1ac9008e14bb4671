/** SQL for codecommit_repositories (migration 0050). Every function takes the Queryable to run on. */
import type { Queryable } from '../../store/index.js';
import type { Repository, SourceScope } from '../types.js';

interface Row {
  account_id: string;
  region: string;
  name: string;
  repository_id: string;
  description: string | null;
  default_branch: string | null;
  kms_key_id: string | null;
  tags: Record<string, string>;
  created_at: Date;
  modified_at: Date;
}

const COLUMNS = 'account_id, region, name, repository_id, description, default_branch, kms_key_id, tags, created_at, modified_at';

const toRepository = (r: Row): Repository => ({
  accountId: r.account_id,
  region: r.region,
  name: r.name,
  id: r.repository_id,
  ...(r.description !== null ? { description: r.description } : {}),
  ...(r.default_branch !== null ? { defaultBranch: r.default_branch } : {}),
  ...(r.kms_key_id !== null ? { kmsKeyId: r.kms_key_id } : {}),
  tags: r.tags,
  created: r.created_at,
  lastModified: r.modified_at,
});

/** False when the scope already has a repository of that name. */
export async function insertRepository(q: Queryable, r: Repository): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO codecommit_repositories (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) ON CONFLICT DO NOTHING`,
    [r.accountId, r.region, r.name, r.id, r.description ?? null, r.defaultBranch ?? null, r.kmsKeyId ?? null, JSON.stringify(r.tags), r.created, r.lastModified],
  );
  return res.rowCount === 1;
}

export async function findRepository(q: Queryable, scope: SourceScope, name: string, lock = false): Promise<Repository | undefined> {
  const res = await q.query<Row>(
    `SELECT ${COLUMNS} FROM codecommit_repositories WHERE account_id = $1 AND region = $2 AND name = $3${lock ? ' FOR UPDATE' : ''}`,
    [scope.accountId, scope.region, name],
  );
  return res.rows[0] ? toRepository(res.rows[0]) : undefined;
}

export async function findRepositories(q: Queryable, scope: SourceScope, names: readonly string[]): Promise<Repository[]> {
  if (names.length === 0) return [];
  const res = await q.query<Row>(
    `SELECT ${COLUMNS} FROM codecommit_repositories WHERE account_id = $1 AND region = $2 AND name = ANY($3::text[])`,
    [scope.accountId, scope.region, [...names]],
  );
  return res.rows.map(toRepository);
}

export type RepositorySortBy = 'repositoryName' | 'lastModifiedDate';

/** Name/id pairs in the requested order (pages are cut by the caller; repositories per account are few). */
export async function listRepositoryIds(q: Queryable, scope: SourceScope, sortBy: RepositorySortBy, descending: boolean): Promise<Array<{ name: string; id: string }>> {
  const dir = descending ? 'DESC' : 'ASC';
  const order = sortBy === 'repositoryName' ? `name ${dir}` : `modified_at ${dir}, name ${dir}`;
  const res = await q.query<{ name: string; repository_id: string }>(
    `SELECT name, repository_id FROM codecommit_repositories WHERE account_id = $1 AND region = $2 ORDER BY ${order}`,
    [scope.accountId, scope.region],
  );
  return res.rows.map((r) => ({ name: r.name, id: r.repository_id }));
}

/** Writes every mutable member of `r` (located by its id, so a rename is one UPDATE). */
export async function updateRepositoryRow(q: Queryable, r: Repository): Promise<void> {
  await q.query(
    `UPDATE codecommit_repositories SET name = $2, description = $3, default_branch = $4, tags = $5::jsonb, modified_at = $6
     WHERE repository_id = $1`,
    [r.id, r.name, r.description ?? null, r.defaultBranch ?? null, JSON.stringify(r.tags), r.lastModified],
  );
}

/** The deleted repository's id, or undefined when there was none. */
export async function deleteRepositoryRow(q: Queryable, scope: SourceScope, name: string): Promise<string | undefined> {
  const res = await q.query<{ repository_id: string }>(
    'DELETE FROM codecommit_repositories WHERE account_id = $1 AND region = $2 AND name = $3 RETURNING repository_id',
    [scope.accountId, scope.region, name],
  );
  return res.rows[0]?.repository_id;
}

/**
 * Sets the default branch only if none is set yet (the first push's rule), atomically, so two
 * first pushes racing cannot both win. True when this call set it.
 */
export async function claimDefaultBranch(q: Queryable, id: string, branch: string, now: Date): Promise<boolean> {
  const res = await q.query('UPDATE codecommit_repositories SET default_branch = $2, modified_at = $3 WHERE repository_id = $1 AND default_branch IS NULL', [id, branch, now]);
  return res.rowCount === 1;
}

export async function touchRepository(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query('UPDATE codecommit_repositories SET modified_at = $2 WHERE repository_id = $1', [id, now]);
}
