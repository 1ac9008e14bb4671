/**
 * Report summaries (spec B.5): statusCounts with every status present, total including truncated
 * cases, at most 500 listed cases with FAILED kept first (`[DOC:test-report]`), coverage
 * percentages as covered / (covered + missed) rounded to two decimals (`[CLI-EX:describe-code-coverages]`
 * shows 83.33 for 5 of 6).
 */
import { TEST_CASE_STATUSES } from './types.js';
import type { CodeCoverage, CodeCoverageReportSummary, FileCoverageCounts, TestCase, TestCaseStatus, TestReportSummary } from './types.js';

export const MAX_TEST_CASES = 500;

const KEEP_FIRST: Record<TestCaseStatus, number> = { FAILED: 0, ERROR: 1, UNKNOWN: 2, SKIPPED: 2, SUCCEEDED: 2 };

export function summarizeTests(cases: readonly TestCase[]): { summary: TestReportSummary; listed: TestCase[]; truncated: boolean } {
  const statusCounts = Object.fromEntries(TEST_CASE_STATUSES.map((s) => [s, 0])) as Record<TestCaseStatus, number>;
  let durationInNanoSeconds = 0;
  for (const c of cases) {
    statusCounts[c.status]++;
    durationInNanoSeconds += c.durationInNanoSeconds;
  }
  const truncated = cases.length > MAX_TEST_CASES;
  const listed = truncated ? [...cases].sort((a, b) => KEEP_FIRST[a.status] - KEEP_FIRST[b.status]).slice(0, MAX_TEST_CASES) : [...cases];
  return { summary: { total: cases.length, statusCounts, durationInNanoSeconds }, listed, truncated };
}

/** SUCCEEDED: every case passed (or was skipped); FAILED: some did not (`[DOC:test-report]`). */
export function testReportStatus(summary: TestReportSummary): 'SUCCEEDED' | 'FAILED' {
  return summary.statusCounts.FAILED + summary.statusCounts.ERROR > 0 ? 'FAILED' : 'SUCCEEDED';
}

export function summarizeCoverage(files: readonly FileCoverageCounts[]): { summary: CodeCoverageReportSummary; perFile: CodeCoverage[] } {
  const total = { filePath: '', linesCovered: 0, linesMissed: 0, branchesCovered: 0, branchesMissed: 0 };
  for (const f of files) {
    total.linesCovered += f.linesCovered;
    total.linesMissed += f.linesMissed;
    total.branchesCovered += f.branchesCovered;
    total.branchesMissed += f.branchesMissed;
  }
  const { filePath: _unused, ...summary } = withPercentages(total);
  return { summary, perFile: files.map(withPercentages) };
}

function withPercentages(f: FileCoverageCounts): CodeCoverage {
  return {
    filePath: f.filePath,
    lineCoveragePercentage: percentage(f.linesCovered, f.linesMissed),
    linesCovered: f.linesCovered,
    linesMissed: f.linesMissed,
    branchCoveragePercentage: percentage(f.branchesCovered, f.branchesMissed),
    branchesCovered: f.branchesCovered,
    branchesMissed: f.branchesMissed,
  };
}

/** No lines (or no branches) at all reads as 0 % — unverified; AWS samples always have some. */
function percentage(covered: number, missed: number): number {
  const all = covered + missed;
  return all === 0 ? 0 : Math.round((covered / all) * 10_000) / 100;
}
