/**
 * CreateReportGroup, UpdateReportGroup, DeleteReportGroup, BatchGetReportGroups, ListReportGroups
 * (spec B.5). A group is addressed by ARN; deleting one that still has reports needs
 * `deleteReports: true` (otherwise InvalidInputException).
 */
import { parseArn } from '../../../shared/index.js';
import { codebuildError, invalidInput } from '../../projects/errors.js';
import { decodeToken, encodeToken } from '../../projects/page-token.js';
import type { CodeBuildScope, Tag } from '../../projects/types.js';
import type { CodeBuildDeps } from '../deps.js';
import { countReports, deleteGroup, deleteReports, findGroups, insertGroup, listGroups, reportGroupArn, updateGroup } from './report-repo.js';
import type { ExportConfig, ReportGroup, ReportType } from './types.js';

type Deps = Pick<CodeBuildDeps, 'db' | 'clock'>;

/** `arn:…:report-group/<name>` of this account and region → name. */
export function groupNameOf(scope: CodeBuildScope, arn: string): string | undefined {
  const a = parseArn(arn);
  if (!a || a.service !== 'codebuild' || a.region !== scope.region || a.account !== scope.accountId || !a.resource.startsWith('report-group/')) return undefined;
  return a.resource.slice('report-group/'.length);
}

export async function createReportGroup(deps: Deps, scope: CodeBuildScope, input: { name: string; type: ReportType; exportConfig: ExportConfig; tags?: Tag[] }): Promise<ReportGroup> {
  const now = deps.clock.now();
  const group: ReportGroup = { name: input.name, arn: reportGroupArn(scope, input.name), type: input.type, exportConfig: input.exportConfig, tags: input.tags ?? [], created: now, lastModified: now };
  if (!(await insertGroup(deps.db, scope, group))) throw codebuildError('ReportGroupAlreadyExists', `Report group arn ${group.arn} already exists`);
  return group;
}

export async function requireGroup(deps: Deps, scope: CodeBuildScope, arn: string): Promise<ReportGroup> {
  const name = groupNameOf(scope, arn);
  const [group] = name === undefined ? [] : await findGroups(deps.db, scope, [name]);
  if (!group) throw codebuildError('ReportGroupNotFound', `Report group ${arn} does not exist`);
  return group;
}

export async function updateReportGroup(deps: Deps, scope: CodeBuildScope, input: { arn: string; exportConfig?: ExportConfig; tags?: Tag[] }): Promise<ReportGroup> {
  const group = await requireGroup(deps, scope, input.arn);
  const next = { ...group, exportConfig: input.exportConfig ?? group.exportConfig, tags: input.tags ?? group.tags, lastModified: deps.clock.now() };
  await updateGroup(deps.db, scope, next);
  return next;
}

export async function deleteReportGroup(deps: Deps, scope: CodeBuildScope, input: { arn: string; deleteReports?: boolean }): Promise<void> {
  const name = groupNameOf(scope, input.arn);
  if (name === undefined) return;
  await deps.db.transaction(async (tx) => {
    if (!input.deleteReports && (await countReports(tx, scope, name)) > 0) {
      throw invalidInput(`Report group ${input.arn} still has reports; delete them first or set deleteReports`);
    }
    await deleteReports(tx, scope, { group: name });
    await deleteGroup(tx, scope, name);
  });
}

export async function batchGetReportGroups(deps: Deps, scope: CodeBuildScope, arns: readonly string[]): Promise<{ groups: ReportGroup[]; notFound: string[] }> {
  const names = arns.map((a) => groupNameOf(scope, a));
  const found = new Map((await findGroups(deps.db, scope, names.filter((n): n is string => n !== undefined))).map((g) => [g.name, g]));
  const groups: ReportGroup[] = [];
  const notFound: string[] = [];
  arns.forEach((arn, i) => {
    const g = names[i] === undefined ? undefined : found.get(names[i]);
    if (g) groups.push(g);
    else notFound.push(arn);
  });
  return { groups, notFound };
}

export async function listReportGroups(
  deps: Deps,
  scope: CodeBuildScope,
  input: { sortBy?: 'NAME' | 'CREATED_TIME' | 'LAST_MODIFIED_TIME'; sortOrder?: 'ASCENDING' | 'DESCENDING'; nextToken?: string; maxResults?: number },
): Promise<{ reportGroups: string[]; nextToken?: string }> {
  const sortBy = input.sortBy ?? 'CREATED_TIME';
  const order = input.sortOrder ?? 'DESCENDING';
  const all = (await listGroups(deps.db, scope, sortBy, order === 'DESCENDING')).map((g) => g.arn);
  const kind = `report-groups:${sortBy}:${order}`;
  const after = input.nextToken === undefined ? undefined : decodeToken(kind, input.nextToken).after;
  const start = typeof after === 'string' ? all.indexOf(after) + 1 : 0;
  const page = all.slice(start, start + (input.maxResults ?? 100));
  const more = start + page.length < all.length;
  return { reportGroups: page, ...(more ? { nextToken: encodeToken(kind, { after: page[page.length - 1]! }) } : {}) };
}
