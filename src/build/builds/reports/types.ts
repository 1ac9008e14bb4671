/**
 * Report groups and reports (spec A.11, B.5, `[CLI-EX:codebuild/batch-get-reports,
 * batch-get-report-groups]`). A report is what one build produced for one group; it expires 30
 * days after creation. Test cases and coverages are the build/reports module's shapes.
 */
import type { CodeCoverage, CodeCoverageReportSummary, TestCase, TestReportSummary } from '../../reports/index.js';
import type { Tag } from '../../projects/types.js';

export type ReportType = 'TEST' | 'CODE_COVERAGE';
export type ReportStatus = 'GENERATING' | 'SUCCEEDED' | 'FAILED' | 'INCOMPLETE' | 'DELETING';

export interface ExportConfig {
  exportConfigType: 'S3' | 'NO_EXPORT';
  s3Destination?: Record<string, unknown>;
}

export interface ReportGroup {
  name: string;
  arn: string;
  type: ReportType;
  exportConfig: ExportConfig;
  tags: Tag[];
  created: Date;
  lastModified: Date;
}

export interface Report {
  arn: string;
  groupName: string;
  reportGroupArn: string;
  type: ReportType;
  executionId: string;
  status: ReportStatus;
  created: Date;
  expired: Date;
  truncated: boolean;
  exportConfig: ExportConfig;
  testSummary?: TestReportSummary;
  codeCoverageSummary?: CodeCoverageReportSummary;
  testCases: TestCase[];
  codeCoverages: CodeCoverage[];
}

/** Reports expire 30 days after creation (spec A.11 limits). */
export const REPORT_LIFETIME_MS = 30 * 24 * 3600_000;
