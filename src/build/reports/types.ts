/**
 * Report shapes as the CodeBuild API returns them (spec B.5, `[CBM TestCase, TestReportSummary,
 * CodeCoverageReportSummary, CodeCoverage]`). ARNs, ids and expiry are the service's to fill in.
 */
import type { ReportFileFormat } from '../buildspec/index.js';
import type { ArtifactFile } from '../artifacts/index.js';

export const TEST_CASE_STATUSES = ['SUCCEEDED', 'FAILED', 'ERROR', 'SKIPPED', 'UNKNOWN'] as const;
export type TestCaseStatus = (typeof TEST_CASE_STATUSES)[number];

export interface TestCase {
  reportArn?: string;
  /** Path of the raw report file the case came from. */
  testRawDataPath: string;
  /** Framework-dependent grouping, e.g. the JUnit classname or the NUnit fixture. */
  prefix: string;
  name: string;
  status: TestCaseStatus;
  durationInNanoSeconds: number;
  /** Failure message and stack trace, at most 5,000 characters (spec A.11 limits). */
  message: string;
  expired?: number;
  testSuiteName?: string;
}

export interface TestReportSummary {
  /** Includes test cases dropped by truncation. */
  total: number;
  /** Every status key is present, zero included (`[CLI-EX:batch-get-reports]`). */
  statusCounts: Record<TestCaseStatus, number>;
  durationInNanoSeconds: number;
}

export interface CodeCoverageReportSummary {
  lineCoveragePercentage: number;
  linesCovered: number;
  linesMissed: number;
  branchCoveragePercentage: number;
  branchesCovered: number;
  branchesMissed: number;
}

/** One source file's coverage (DescribeCodeCoverages without id/reportARN/expired). */
export interface CodeCoverage extends CodeCoverageReportSummary {
  filePath: string;
}

export type ReportType = 'TEST' | 'CODE_COVERAGE';
/** What a finished build leaves (GENERATING and DELETING belong to the service). */
export type ReportStatus = 'SUCCEEDED' | 'FAILED' | 'INCOMPLETE';

export interface ReportProblem {
  /** The report file's path inside the group (absent for group-level problems such as no match). */
  file?: string;
  message: string;
}

export interface CollectedReport {
  /** The buildspec key: a name (group `<project>-<key>`) or a report-group ARN; see reportGroupName. */
  groupKey: string;
  fileFormat: ReportFileFormat;
  type: ReportType;
  status: ReportStatus;
  /** Why the report is INCOMPLETE; empty otherwise. */
  problems: ReportProblem[];
  /** The raw report files (for an S3 export, named by archivePath). */
  files: ArtifactFile[];
  /** More than 500 test cases: the rest are counted in testSummary but not listed. */
  truncated: boolean;
  testSummary?: TestReportSummary;
  testCases: TestCase[];
  codeCoverageSummary?: CodeCoverageReportSummary;
  codeCoverages: CodeCoverage[];
}

/** What one parsed test file yields; collectReports adds testRawDataPath. */
export type ParsedTestCase = Omit<TestCase, 'testRawDataPath' | 'reportArn' | 'expired'>;

/** Raw per-file counts from one coverage file; percentages are computed when summarising. */
export interface FileCoverageCounts {
  filePath: string;
  linesCovered: number;
  linesMissed: number;
  branchesCovered: number;
  branchesMissed: number;
}
