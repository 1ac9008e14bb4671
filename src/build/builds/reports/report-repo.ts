/** SQL for codebuild_report_groups and codebuild_reports (migration 0041). */
import { formatArn } from '../../../shared/index.js';
import type { Queryable } from '../../../store/index.js';
import type { CodeBuildScope } from '../../projects/types.js';
import type { ExportConfig, Report, ReportGroup, ReportStatus, ReportType } from './types.js';

export function reportGroupArn(scope: CodeBuildScope, name: string): string {
  return formatArn({ service: 'codebuild', region: scope.region, account: scope.accountId, resource: `report-group/${name}` });
}

interface GroupRow {
  name: string;
  arn: string;
  type: ReportType;
  export_config: ExportConfig;
  tags: ReportGroup['tags'];
  created_at: Date;
  modified_at: Date;
}

const toGroup = (r: GroupRow): ReportGroup => ({
  name: r.name, arn: r.arn, type: r.type, exportConfig: r.export_config, tags: r.tags, created: r.created_at, lastModified: r.modified_at,
});

export async function insertGroup(q: Queryable, scope: CodeBuildScope, g: ReportGroup): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO codebuild_report_groups (account_id, region, name, arn, type, export_config, tags, created_at, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9) ON CONFLICT DO NOTHING`,
    [scope.accountId, scope.region, g.name, g.arn, g.type, JSON.stringify(g.exportConfig), JSON.stringify(g.tags), g.created, g.lastModified],
  );
  return r.rowCount === 1;
}

export async function findGroups(q: Queryable, scope: CodeBuildScope, names: readonly string[]): Promise<ReportGroup[]> {
  const r = await q.query<GroupRow>(
    'SELECT name, arn, type, export_config, tags, created_at, modified_at FROM codebuild_report_groups WHERE account_id = $1 AND region = $2 AND name = ANY($3::text[])',
    [scope.accountId, scope.region, [...names]],
  );
  return r.rows.map(toGroup);
}

export async function listGroups(q: Queryable, scope: CodeBuildScope, sortBy: 'NAME' | 'CREATED_TIME' | 'LAST_MODIFIED_TIME', descending: boolean): Promise<ReportGroup[]> {
  const column = sortBy === 'NAME' ? 'name' : sortBy === 'CREATED_TIME' ? 'created_at' : 'modified_at';
  const dir = descending ? 'DESC' : 'ASC';
  const r = await q.query<GroupRow>(
    `SELECT name, arn, type, export_config, tags, created_at, modified_at FROM codebuild_report_groups
     WHERE account_id = $1 AND region = $2 ORDER BY ${column} ${dir}, name ${dir}`,
    [scope.accountId, scope.region],
  );
  return r.rows.map(toGroup);
}

export async function updateGroup(q: Queryable, scope: CodeBuildScope, g: ReportGroup): Promise<void> {
  await q.query(
    'UPDATE codebuild_report_groups SET export_config = $4::jsonb, tags = $5::jsonb, modified_at = $6 WHERE account_id = $1 AND region = $2 AND name = $3',
    [scope.accountId, scope.region, g.name, JSON.stringify(g.exportConfig), JSON.stringify(g.tags), g.lastModified],
  );
}

export async function deleteGroup(q: Queryable, scope: CodeBuildScope, name: string): Promise<void> {
  await q.query('DELETE FROM codebuild_report_groups WHERE account_id = $1 AND region = $2 AND name = $3', [scope.accountId, scope.region, name]);
}

interface ReportRow {
  arn: string;
  seq: number;
  group_name: string;
  type: ReportType;
  execution_id: string;
  status: ReportStatus;
  created_at: Date;
  expires_at: Date;
  truncated: boolean;
  export_config: ExportConfig;
  test_summary: Report['testSummary'] | null;
  coverage_summary: Report['codeCoverageSummary'] | null;
  test_cases: Report['testCases'];
  code_coverages: Report['codeCoverages'];
}

const REPORT_COLUMNS = 'arn, seq, group_name, type, execution_id, status, created_at, expires_at, truncated, export_config, test_summary, coverage_summary, test_cases, code_coverages';

function toReport(scope: CodeBuildScope, r: ReportRow): Report {
  return {
    arn: r.arn,
    groupName: r.group_name,
    reportGroupArn: reportGroupArn(scope, r.group_name),
    type: r.type,
    executionId: r.execution_id,
    status: r.status,
    created: r.created_at,
    expired: r.expires_at,
    truncated: r.truncated,
    exportConfig: r.export_config,
    ...(r.test_summary ? { testSummary: r.test_summary } : {}),
    ...(r.coverage_summary ? { codeCoverageSummary: r.coverage_summary } : {}),
    testCases: r.test_cases,
    codeCoverages: r.code_coverages,
  };
}

export async function insertReport(q: Queryable, scope: CodeBuildScope, rep: Report): Promise<void> {
  await q.query(
    `INSERT INTO codebuild_reports (account_id, region, arn, group_name, type, execution_id, status, created_at, expires_at, truncated,
       export_config, test_summary, coverage_summary, test_cases, code_coverages)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14::jsonb, $15::jsonb)`,
    [
      scope.accountId, scope.region, rep.arn, rep.groupName, rep.type, rep.executionId, rep.status, rep.created, rep.expired, rep.truncated,
      JSON.stringify(rep.exportConfig), rep.testSummary ? JSON.stringify(rep.testSummary) : null,
      rep.codeCoverageSummary ? JSON.stringify(rep.codeCoverageSummary) : null, JSON.stringify(rep.testCases), JSON.stringify(rep.codeCoverages),
    ],
  );
}

export async function findReports(q: Queryable, scope: CodeBuildScope, arns: readonly string[]): Promise<Report[]> {
  const r = await q.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM codebuild_reports WHERE account_id = $1 AND region = $2 AND arn = ANY($3::text[])`, [
    scope.accountId, scope.region, [...arns],
  ]);
  return r.rows.map((row) => toReport(scope, row));
}

/** Reports newest first (or oldest first), optionally of one group and one status, after a seq. */
export async function listReportRows(
  q: Queryable,
  scope: CodeBuildScope,
  o: { group?: string; status?: string; descending: boolean; afterSeq?: number; limit: number },
): Promise<{ arn: string; seq: number }[]> {
  const params: unknown[] = [scope.accountId, scope.region];
  let where = 'account_id = $1 AND region = $2';
  const add = (sql: string, v: unknown): void => {
    params.push(v);
    where += ` AND ${sql.replace('?', `$${params.length}`)}`;
  };
  if (o.group !== undefined) add('group_name = ?', o.group);
  if (o.status !== undefined) add('status = ?', o.status);
  if (o.afterSeq !== undefined) add(`seq ${o.descending ? '<' : '>'} ?`, o.afterSeq);
  params.push(o.limit);
  const r = await q.query<{ arn: string; seq: number }>(
    `SELECT arn, seq FROM codebuild_reports WHERE ${where} ORDER BY seq ${o.descending ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
    params,
  );
  return r.rows;
}

export async function latestReports(q: Queryable, scope: CodeBuildScope, group: string, limit: number): Promise<Report[]> {
  const r = await q.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM codebuild_reports WHERE account_id = $1 AND region = $2 AND group_name = $3 ORDER BY seq DESC LIMIT $4`,
    [scope.accountId, scope.region, group, limit],
  );
  return r.rows.map((row) => toReport(scope, row));
}

export async function deleteReports(q: Queryable, scope: CodeBuildScope, where: { arn?: string; group?: string }): Promise<number> {
  const r = where.arn !== undefined
    ? await q.query('DELETE FROM codebuild_reports WHERE account_id = $1 AND region = $2 AND arn = $3', [scope.accountId, scope.region, where.arn])
    : await q.query('DELETE FROM codebuild_reports WHERE account_id = $1 AND region = $2 AND group_name = $3', [scope.accountId, scope.region, where.group]);
  return r.rowCount;
}

export async function countReports(q: Queryable, scope: CodeBuildScope, group: string): Promise<number> {
  const r = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM codebuild_reports WHERE account_id = $1 AND region = $2 AND group_name = $3', [
    scope.accountId, scope.region, group,
  ]);
  return r.rows[0]?.n ?? 0;
}
