/**
 * ListProjects (spec B.4): names, 100 per page. Defaults are not modelled (spec "Open questions");
 * nagare sorts by LAST_MODIFIED_TIME DESCENDING when nothing is asked — the console's default.
 */
import type { ProjectDeps } from './deps.js';
import { decodeToken, encodeToken } from './page-token.js';
import { listProjectNames, type ProjectSortBy } from './project-repo.js';
import type { CodeBuildScope } from './types.js';

const PAGE = 100;

export interface ListProjectsInput {
  sortBy?: ProjectSortBy;
  sortOrder?: 'ASCENDING' | 'DESCENDING';
  nextToken?: string;
}

export async function listProjects(deps: ProjectDeps, scope: CodeBuildScope, input: ListProjectsInput): Promise<{ projects: string[]; nextToken?: string }> {
  const sortBy = input.sortBy ?? 'LAST_MODIFIED_TIME';
  const order = input.sortOrder ?? 'DESCENDING';
  const names = await listProjectNames(deps.db, scope, sortBy, order === 'DESCENDING');
  const kind = `projects:${sortBy}:${order}`;
  let start = 0;
  if (input.nextToken !== undefined) {
    const after = decodeToken(kind, input.nextToken).after;
    start = typeof after === 'string' ? names.findIndex((n) => n === after) + 1 : 0;
  }
  const page = names.slice(start, start + PAGE);
  const more = start + PAGE < names.length;
  return { projects: page, ...(more ? { nextToken: encodeToken(kind, { after: page[page.length - 1]! }) } : {}) };
}
