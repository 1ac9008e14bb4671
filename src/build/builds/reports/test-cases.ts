/**
 * DescribeTestCases and DescribeCodeCoverages (spec B.5): pages over one report's test cases
 * (filter by status, or by a keyword found in the name or prefix) and per-file coverages.
 */
import { decodeToken, encodeToken } from '../../projects/page-token.js';
import type { CodeBuildScope } from '../../projects/types.js';
import type { CodeCoverage, TestCase } from '../../reports/index.js';
import type { CodeBuildDeps } from '../deps.js';
import { requireReport } from './reports.js';

type Deps = Pick<CodeBuildDeps, 'db' | 'clock'>;

function page<T>(items: T[], kind: string, nextToken: string | undefined, maxResults: number | undefined): { items: T[]; nextToken?: string } {
  const after = nextToken === undefined ? 0 : decodeToken(kind, nextToken).offset;
  const start = typeof after === 'number' ? after : 0;
  const size = maxResults ?? 100;
  const slice = items.slice(start, start + size);
  return { items: slice, ...(start + size < items.length ? { nextToken: encodeToken(kind, { offset: start + size }) } : {}) };
}

export async function describeTestCases(
  deps: Deps,
  scope: CodeBuildScope,
  input: { reportArn: string; nextToken?: string; maxResults?: number; filter?: { status?: string; keyword?: string } },
): Promise<{ testCases: (Omit<TestCase, 'expired'> & { expired: Date })[]; nextToken?: string }> {
  const report = await requireReport(deps, scope, input.reportArn);
  const { status, keyword } = input.filter ?? {};
  const matching = report.testCases.filter((t) => (status === undefined || t.status === status) && (keyword === undefined || t.name.includes(keyword) || t.prefix.includes(keyword)));
  const r = page(matching, `cases:${input.reportArn}:${status ?? ''}:${keyword ?? ''}`, input.nextToken, input.maxResults);
  return { testCases: r.items.map((t) => ({ ...t, expired: report.expired })), ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
}

export async function describeCodeCoverages(
  deps: Deps,
  scope: CodeBuildScope,
  input: { reportArn: string; nextToken?: string; maxResults?: number; sortOrder?: string; sortBy?: string; minLineCoveragePercentage?: number; maxLineCoveragePercentage?: number },
): Promise<{ codeCoverages: (CodeCoverage & { id: string; reportARN: string; expired: Date })[]; nextToken?: string }> {
  const report = await requireReport(deps, scope, input.reportArn);
  const min = input.minLineCoveragePercentage ?? 0;
  const max = input.maxLineCoveragePercentage ?? 100;
  const byCoverage = input.sortBy !== 'FILE_PATH';
  const sorted = report.codeCoverages
    .filter((c) => c.lineCoveragePercentage >= min && c.lineCoveragePercentage <= max)
    .sort((a, b) => (byCoverage ? a.lineCoveragePercentage - b.lineCoveragePercentage : a.filePath.localeCompare(b.filePath)));
  if (input.sortOrder === 'DESCENDING') sorted.reverse();
  const r = page(sorted, `coverages:${input.reportArn}:${input.sortBy ?? ''}:${input.sortOrder ?? ''}:${min}:${max}`, input.nextToken, input.maxResults);
  return {
    codeCoverages: r.items.map((c, i) => ({ ...c, id: `${report.arn}:${i}`, reportARN: report.arn, expired: report.expired })),
    ...(r.nextToken ? { nextToken: r.nextToken } : {}),
  };
}
