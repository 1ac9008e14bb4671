/**
 * ListReports, ListReportsForReportGroup, BatchGetReports, DeleteReport (spec B.5). Lists are
 * newest first unless `sortOrder: ASCENDING`, `maxResults` 1–100 (default 100), `filter.status`.
 */
import { codebuildError } from '../../projects/errors.js';
import { decodeToken, encodeToken } from '../../projects/page-token.js';
import type { CodeBuildScope } from '../../projects/types.js';
import type { CodeBuildDeps } from '../deps.js';
import { requireGroup } from './report-groups.js';
import { deleteReports, findReports, listReportRows } from './report-repo.js';
import type { Report } from './types.js';

type Deps = Pick<CodeBuildDeps, 'db' | 'clock'>;

export interface ListReportsInput {
  sortOrder?: 'ASCENDING' | 'DESCENDING';
  nextToken?: string;
  maxResults?: number;
  filter?: { status?: string };
  /** ListReportsForReportGroup. */
  reportGroupArn?: string;
}

export async function listReports(deps: Deps, scope: CodeBuildScope, input: ListReportsInput): Promise<{ reports: string[]; nextToken?: string }> {
  const group = input.reportGroupArn === undefined ? undefined : (await requireGroup(deps, scope, input.reportGroupArn)).name;
  const descending = input.sortOrder !== 'ASCENDING';
  const kind = `reports:${group ?? '*'}:${input.filter?.status ?? '*'}:${descending ? 'D' : 'A'}`;
  const after = input.nextToken === undefined ? undefined : decodeToken(kind, input.nextToken).after;
  const limit = input.maxResults ?? 100;
  const rows = await listReportRows(deps.db, scope, {
    ...(group !== undefined ? { group } : {}),
    ...(input.filter?.status !== undefined ? { status: input.filter.status } : {}),
    descending,
    ...(typeof after === 'number' ? { afterSeq: after } : {}),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { reports: page.map((r) => r.arn), ...(rows.length > limit ? { nextToken: encodeToken(kind, { after: page[page.length - 1]!.seq }) } : {}) };
}

export async function batchGetReports(deps: Deps, scope: CodeBuildScope, arns: readonly string[]): Promise<{ reports: Report[]; notFound: string[] }> {
  const found = new Map((await findReports(deps.db, scope, arns)).map((r) => [r.arn, r]));
  return { reports: arns.flatMap((a) => (found.has(a) ? [found.get(a)!] : [])), notFound: arns.filter((a) => !found.has(a)) };
}

export async function requireReport(deps: Deps, scope: CodeBuildScope, arn: string): Promise<Report> {
  const [report] = await findReports(deps.db, scope, [arn]);
  if (!report) throw codebuildError('ReportNotFound', `Report ${arn} does not exist`);
  return report;
}

export async function deleteReport(deps: Deps, scope: CodeBuildScope, arn: string): Promise<void> {
  await deleteReports(deps.db, scope, { arn });
}
