// Public API of build/reports (re-exports only). Spec A.11, B.5.
export { collectReports, MAX_REPORT_FILE_BYTES } from './collect-reports.js';
export type { CollectOptions } from './collect-reports.js';
export { isReportGroupArn, reportGroupName } from './report-group-name.js';
export { MAX_TEST_CASES } from './summarize.js';
export { TEST_CASE_STATUSES } from './types.js';
export type {
  CodeCoverage,
  CodeCoverageReportSummary,
  CollectedReport,
  ReportProblem,
  ReportStatus,
  ReportType,
  TestCase,
  TestCaseStatus,
  TestReportSummary,
} from './types.js';
