// Report groups and reports (re-exports only); reached through src/build/builds/index.ts.
export type { ExportConfig, Report, ReportGroup, ReportStatus, ReportType } from './types.js';
export { createReportGroup, updateReportGroup, deleteReportGroup, batchGetReportGroups, listReportGroups } from './report-groups.js';
export { listReports, batchGetReports, deleteReport, type ListReportsInput } from './reports.js';
export { describeTestCases, describeCodeCoverages } from './test-cases.js';
export { getReportGroupTrend, type TrendField } from './report-group-trend.js';
export { storeReports } from './store-reports.js';
