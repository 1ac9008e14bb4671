/**
 * GetReportGroupTrend (spec B.5): one field over a group's latest reports (`numOfReports`, at most
 * 100, default 100): each report's value in `rawData`, and average/max/min in `stats` — strings, as
 * the API returns them. Reports without the field (a coverage field on a test report) are left out.
 */
import type { CodeBuildScope } from '../../projects/types.js';
import type { CodeBuildDeps } from '../deps.js';
import { requireGroup } from './report-groups.js';
import { latestReports } from './report-repo.js';
import type { Report } from './types.js';

export type TrendField =
  | 'PASS_RATE'
  | 'DURATION'
  | 'TOTAL'
  | 'LINE_COVERAGE'
  | 'LINES_COVERED'
  | 'LINES_MISSED'
  | 'BRANCH_COVERAGE'
  | 'BRANCHES_COVERED'
  | 'BRANCHES_MISSED';

export async function getReportGroupTrend(
  deps: Pick<CodeBuildDeps, 'db' | 'clock'>,
  scope: CodeBuildScope,
  input: { reportGroupArn: string; numOfReports?: number; trendField: TrendField },
): Promise<{ stats: { average?: string; max?: string; min?: string }; rawData: { reportArn: string; data: string }[] }> {
  const group = await requireGroup(deps, scope, input.reportGroupArn);
  const reports = await latestReports(deps.db, scope, group.name, Math.min(input.numOfReports ?? 100, 100));
  const points = reports.flatMap((r) => {
    const v = valueOf(r, input.trendField);
    return v === undefined ? [] : [{ reportArn: r.arn, value: v }];
  });
  const values = points.map((p) => p.value);
  const stats = values.length === 0 ? {} : { average: fmt(values.reduce((a, b) => a + b, 0) / values.length), max: fmt(Math.max(...values)), min: fmt(Math.min(...values)) };
  return { stats, rawData: points.map((p) => ({ reportArn: p.reportArn, data: fmt(p.value) })) };
}

function valueOf(r: Report, field: TrendField): number | undefined {
  const t = r.testSummary;
  const c = r.codeCoverageSummary;
  switch (field) {
    case 'PASS_RATE':
      return t && t.total > 0 ? (t.statusCounts.SUCCEEDED / t.total) * 100 : undefined;
    case 'DURATION':
      return t?.durationInNanoSeconds;
    case 'TOTAL':
      return t?.total;
    case 'LINE_COVERAGE':
      return c?.lineCoveragePercentage;
    case 'LINES_COVERED':
      return c?.linesCovered;
    case 'LINES_MISSED':
      return c?.linesMissed;
    case 'BRANCH_COVERAGE':
      return c?.branchCoveragePercentage;
    case 'BRANCHES_COVERED':
      return c?.branchesCovered;
    case 'BRANCHES_MISSED':
      return c?.branchesMissed;
  }
}

/** Whole numbers as integers, others with at most two decimals (format unverified). */
function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
