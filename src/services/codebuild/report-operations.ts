/**
 * The Reports API (spec B.5): report groups (create/update/delete/get/list) and the reports builds
 * produce from buildspec `reports` (list, get, test cases, coverages, trend, delete).
 */
import type { JsonOperation, models } from '../../aws/index.js';
import { builds } from '../../build/index.js';
import { op, scopeOf } from './operation.js';

type R = builds.reports.Report;

export function reportOperations(deps: builds.CodeBuildDeps): Record<string, JsonOperation> {
  const r = builds.reports;
  const group = (g: builds.reports.ReportGroup): models.codebuild.ReportGroup => ({ ...g, status: 'ACTIVE' });
  return {
    CreateReportGroup: op<models.codebuild.CreateReportGroupInput, models.codebuild.CreateReportGroupOutput>(async (i, ctx) => ({
      reportGroup: group(await r.createReportGroup(deps, scopeOf(ctx), i as Parameters<typeof r.createReportGroup>[2])),
    })),
    UpdateReportGroup: op<models.codebuild.UpdateReportGroupInput, models.codebuild.UpdateReportGroupOutput>(async (i, ctx) => ({
      reportGroup: group(await r.updateReportGroup(deps, scopeOf(ctx), i as Parameters<typeof r.updateReportGroup>[2])),
    })),
    DeleteReportGroup: op<models.codebuild.DeleteReportGroupInput, models.codebuild.DeleteReportGroupOutput>(async (i, ctx) => {
      await r.deleteReportGroup(deps, scopeOf(ctx), { arn: i.arn, ...(i.deleteReports !== undefined ? { deleteReports: i.deleteReports } : {}) });
      return {};
    }),
    BatchGetReportGroups: op<models.codebuild.BatchGetReportGroupsInput, models.codebuild.BatchGetReportGroupsOutput>(async (i, ctx) => {
      const out = await r.batchGetReportGroups(deps, scopeOf(ctx), i.reportGroupArns);
      return { reportGroups: out.groups.map(group), reportGroupsNotFound: out.notFound };
    }),
    ListReportGroups: op<models.codebuild.ListReportGroupsInput, models.codebuild.ListReportGroupsOutput>(async (i, ctx) =>
      r.listReportGroups(deps, scopeOf(ctx), i),
    ),
    ListReports: op<models.codebuild.ListReportsInput, models.codebuild.ListReportsOutput>(async (i, ctx) =>
      r.listReports(deps, scopeOf(ctx), i),
    ),
    ListReportsForReportGroup: op<models.codebuild.ListReportsForReportGroupInput, models.codebuild.ListReportsForReportGroupOutput>(async (i, ctx) =>
      r.listReports(deps, scopeOf(ctx), i),
    ),
    BatchGetReports: op<models.codebuild.BatchGetReportsInput, models.codebuild.BatchGetReportsOutput>(async (i, ctx) => {
      const out = await r.batchGetReports(deps, scopeOf(ctx), i.reportArns);
      return { reports: out.reports.map(toAwsReport), reportsNotFound: out.notFound };
    }),
    DescribeTestCases: op<models.codebuild.DescribeTestCasesInput, models.codebuild.DescribeTestCasesOutput>(async (i, ctx) =>
      r.describeTestCases(deps, scopeOf(ctx), i),
    ),
    DescribeCodeCoverages: op<models.codebuild.DescribeCodeCoveragesInput, models.codebuild.DescribeCodeCoveragesOutput>(async (i, ctx) =>
      r.describeCodeCoverages(deps, scopeOf(ctx), i),
    ),
    GetReportGroupTrend: op<models.codebuild.GetReportGroupTrendInput, models.codebuild.GetReportGroupTrendOutput>(async (i, ctx) =>
      r.getReportGroupTrend(deps, scopeOf(ctx), i),
    ),
    DeleteReport: op<models.codebuild.DeleteReportInput, models.codebuild.DeleteReportOutput>(async (i, ctx) => {
      await r.deleteReport(deps, scopeOf(ctx), i.arn);
      return {};
    }),
  };
}

/** `[CLI-EX:codebuild/batch-get-reports]`: the report's name is its group's name. */
function toAwsReport(rep: R): models.codebuild.Report {
  return {
    arn: rep.arn,
    type: rep.type,
    name: rep.groupName,
    reportGroupArn: rep.reportGroupArn,
    executionId: rep.executionId,
    status: rep.status,
    created: rep.created,
    expired: rep.expired,
    exportConfig: rep.exportConfig,
    truncated: rep.truncated,
    ...(rep.testSummary ? { testSummary: rep.testSummary } : {}),
    ...(rep.codeCoverageSummary ? { codeCoverageSummary: rep.codeCoverageSummary } : {}),
  };
}
