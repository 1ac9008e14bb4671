/** SQL for codebuild_projects (migration 0040). Every function takes the Queryable to run on. */
import type { Queryable } from '../../store/index.js';
import type { CodeBuildScope, Project, ProjectSettings, Tag } from './types.js';

interface ProjectRow {
  name: string;
  arn: string;
  settings: ProjectSettings;
  tags: Tag[];
  created_at: Date;
  modified_at: Date;
}

const toProject = (r: ProjectRow): Project => ({
  name: r.name,
  arn: r.arn,
  settings: r.settings,
  tags: r.tags,
  created: r.created_at,
  lastModified: r.modified_at,
});

/** False when a project of that name exists already. */
export async function insertProject(q: Queryable, scope: CodeBuildScope, p: Project): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO codebuild_projects (account_id, region, name, arn, settings, tags, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8) ON CONFLICT DO NOTHING`,
    [scope.accountId, scope.region, p.name, p.arn, JSON.stringify(p.settings), JSON.stringify(p.tags), p.created, p.lastModified],
  );
  return r.rowCount === 1;
}

export async function findProject(q: Queryable, scope: CodeBuildScope, name: string, lock = false): Promise<Project | undefined> {
  const r = await q.query<ProjectRow>(
    `SELECT name, arn, settings, tags, created_at, modified_at FROM codebuild_projects
     WHERE account_id = $1 AND region = $2 AND name = $3${lock ? ' FOR UPDATE' : ''}`,
    [scope.accountId, scope.region, name],
  );
  return r.rows[0] ? toProject(r.rows[0]) : undefined;
}

export async function findProjects(q: Queryable, scope: CodeBuildScope, names: readonly string[]): Promise<Project[]> {
  if (names.length === 0) return [];
  const r = await q.query<ProjectRow>(
    `SELECT name, arn, settings, tags, created_at, modified_at FROM codebuild_projects
     WHERE account_id = $1 AND region = $2 AND name = ANY($3::text[])`,
    [scope.accountId, scope.region, [...names]],
  );
  return r.rows.map(toProject);
}

export async function updateProjectRow(q: Queryable, scope: CodeBuildScope, p: Project): Promise<void> {
  await q.query(
    `UPDATE codebuild_projects SET settings = $4::jsonb, tags = $5::jsonb, modified_at = $6
     WHERE account_id = $1 AND region = $2 AND name = $3`,
    [scope.accountId, scope.region, p.name, JSON.stringify(p.settings), JSON.stringify(p.tags), p.lastModified],
  );
}

export async function deleteProjectRow(q: Queryable, scope: CodeBuildScope, name: string): Promise<boolean> {
  const r = await q.query('DELETE FROM codebuild_projects WHERE account_id = $1 AND region = $2 AND name = $3', [scope.accountId, scope.region, name]);
  return r.rowCount === 1;
}

/** The next build number of a project (row-locked by the UPDATE, so concurrent starts never share one). */
export async function takeBuildNumber(q: Queryable, scope: CodeBuildScope, name: string): Promise<number | undefined> {
  const r = await q.query<{ n: number }>(
    `UPDATE codebuild_projects SET last_build_number = last_build_number + 1
     WHERE account_id = $1 AND region = $2 AND name = $3 RETURNING last_build_number AS n`,
    [scope.accountId, scope.region, name],
  );
  return r.rows[0]?.n;
}

export type ProjectSortBy = 'NAME' | 'CREATED_TIME' | 'LAST_MODIFIED_TIME';

/** All names in the requested order (a page is cut by the caller; projects per account are few). */
export async function listProjectNames(q: Queryable, scope: CodeBuildScope, sortBy: ProjectSortBy, descending: boolean): Promise<string[]> {
  const column = sortBy === 'NAME' ? 'name' : sortBy === 'CREATED_TIME' ? 'created_at' : 'modified_at';
  const dir = descending ? 'DESC' : 'ASC';
  const r = await q.query<{ name: string }>(
    `SELECT name FROM codebuild_projects WHERE account_id = $1 AND region = $2 ORDER BY ${column} ${dir}, name ${dir}`,
    [scope.accountId, scope.region],
  );
  return r.rows.map((row) => row.name);
}
