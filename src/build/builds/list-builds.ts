/**
 * ListBuilds and ListBuildsForProject (spec B.4): ids, 100 per page, newest first unless
 * `sortOrder: ASCENDING`. nagare orders by start (insertion) order, which for one project is
 * build-number order.
 */
import { decodeToken, encodeToken } from '../projects/page-token.js';
import { projectNotFound } from '../projects/errors.js';
import { findProject } from '../projects/project-repo.js';
import type { CodeBuildScope } from '../projects/types.js';
import { listBuildIds } from './build-repo.js';
import type { CodeBuildDeps } from './deps.js';

const PAGE = 100;

export interface ListBuildsInput {
  sortOrder?: 'ASCENDING' | 'DESCENDING';
  nextToken?: string;
}

export async function listBuilds(deps: Pick<CodeBuildDeps, 'db'>, scope: CodeBuildScope, input: ListBuildsInput): Promise<{ ids: string[]; nextToken?: string }> {
  return page(deps, scope, input, undefined);
}

export async function listBuildsForProject(
  deps: Pick<CodeBuildDeps, 'db'>,
  scope: CodeBuildScope,
  projectName: string,
  input: ListBuildsInput,
): Promise<{ ids: string[]; nextToken?: string }> {
  if (!(await findProject(deps.db, scope, projectName))) throw projectNotFound(scope, projectName);
  return page(deps, scope, input, projectName);
}

async function page(deps: Pick<CodeBuildDeps, 'db'>, scope: CodeBuildScope, input: ListBuildsInput, project: string | undefined): Promise<{ ids: string[]; nextToken?: string }> {
  const descending = input.sortOrder !== 'ASCENDING';
  const kind = `builds:${project ?? '*'}:${descending ? 'D' : 'A'}`;
  let afterSeq: number | undefined;
  if (input.nextToken !== undefined) {
    const after = decodeToken(kind, input.nextToken).after;
    afterSeq = typeof after === 'number' ? after : undefined;
  }
  const rows = await listBuildIds(deps.db, scope, { ...(project !== undefined ? { project } : {}), descending, ...(afterSeq !== undefined ? { afterSeq } : {}), limit: PAGE + 1 });
  const pageRows = rows.slice(0, PAGE);
  const more = rows.length > PAGE;
  return { ids: pageRows.map((r) => r.id), ...(more ? { nextToken: encodeToken(kind, { after: pageRows[pageRows.length - 1]!.seq }) } : {}) };
}
