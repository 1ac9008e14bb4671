/**
 * Reports for `nagare build -r DIR` (spec A.11): the buildspec's report groups are collected from
 * $CODEBUILD_SRC_DIR (after `$VAR` expansion) — also when the build failed (Surprise 37) — and
 * written as DIR/reports.json in the API's shapes (spec B.5), one line per report in the log.
 * A report problem never fails the build (as on AWS); the report is INCOMPLETE instead.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectReports, expandVariables } from '../build/index.js';
import type { CollectedReport, ReportsContext } from '../build/index.js';
import { errorMessage } from '../shared/index.js';

export interface LocalReportsOptions {
  outDir: string;
  allowedRoots: string[];
  written(path: string, reports: CollectedReport[]): void;
}

export function localReportCollector(options: LocalReportsOptions): (ctx: ReportsContext) => Promise<void> {
  return async (ctx) => {
    const expand = (text: string): string => expandVariables(text, ctx.env);
    const groups = ctx.reports.map((g) => ({
      ...g,
      files: g.files.map(expand),
      ...(g.baseDirectory !== undefined ? { baseDirectory: expand(g.baseDirectory) } : {}),
    }));
    try {
      const reports = await collectReports(groups, ctx.srcDir, { allowedRoots: options.allowedRoots, onLog: (line) => ctx.log(line) });
      const target = join(options.outDir, 'reports.json');
      await writeFile(target, JSON.stringify(reports, null, 2) + '\n');
      options.written(target, reports);
    } catch (err) {
      ctx.log(`Error in UPLOAD_ARTIFACTS phase: reports: ${errorMessage(err)}`);
    }
  };
}

/** `unit: SUCCEEDED — 12 tests: 11 SUCCEEDED, 1 FAILED` (counts that are zero are left out). */
export function reportLine(r: CollectedReport): string {
  const counts = r.testSummary
    ? ` — ${r.testSummary.total} tests: ${Object.entries(r.testSummary.statusCounts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ')}`
    : r.codeCoverageSummary
      ? ` — line coverage ${r.codeCoverageSummary.lineCoveragePercentage}%`
      : '';
  return `${r.groupKey}: ${r.status}${counts}${r.problems.length > 0 ? ` (${r.problems.length} problem(s))` : ''}`;
}
