/**
 * Stores what a build's `reports` produced (spec A.11): each buildspec key names an existing group
 * by ARN, or the group `<project>-<key>`, created on first use (type from the file format,
 * NO_EXPORT). One report per group and build: ARN `report/<group>:<uuid>`, name = the group's name,
 * `executionId` = the build ARN, expiring after 30 days. Returns the report ARNs (Build.reportArns).
 */
import { randomUUID } from 'node:crypto';
import { formatArn, type Clock } from '../../../shared/index.js';
import type { Db } from '../../../store/index.js';
import { isReportGroupArn, reportGroupName, type CollectedReport } from '../../reports/index.js';
import type { Build } from '../types.js';
import { findGroups, insertGroup, insertReport, reportGroupArn } from './report-repo.js';
import { REPORT_LIFETIME_MS } from './types.js';

export async function storeReports(deps: { db: Db; clock: Clock }, build: Build, collected: readonly CollectedReport[], log: (line: string) => void): Promise<string[]> {
  const scope = build.scope;
  const arns: string[] = [];
  for (const c of collected) {
    const name = reportGroupName(build.projectName, c.groupKey);
    const now = deps.clock.now();
    if (isReportGroupArn(c.groupKey)) {
      if ((await findGroups(deps.db, scope, [name])).length === 0) {
        log(`Report group ${c.groupKey} does not exist; its report is skipped`);
        continue;
      }
    } else {
      await insertGroup(deps.db, scope, { name, arn: reportGroupArn(scope, name), type: c.type, exportConfig: { exportConfigType: 'NO_EXPORT' }, tags: [], created: now, lastModified: now });
    }
    const arn = formatArn({ service: 'codebuild', region: scope.region, account: scope.accountId, resource: `report/${name}:${randomUUID()}` });
    const rawPath = new Map(c.files.map((f) => [f.absPath, f.archivePath]));
    for (const p of c.problems) log(`Report ${name}: ${p.message}`);
    await insertReport(deps.db, scope, {
      arn,
      groupName: name,
      reportGroupArn: reportGroupArn(scope, name),
      type: c.type,
      executionId: build.arn,
      status: c.status,
      created: now,
      expired: new Date(now.getTime() - (now.getTime() % 1000) + REPORT_LIFETIME_MS),
      truncated: c.truncated,
      exportConfig: { exportConfigType: 'NO_EXPORT' },
      ...(c.testSummary ? { testSummary: c.testSummary } : {}),
      ...(c.codeCoverageSummary ? { codeCoverageSummary: c.codeCoverageSummary } : {}),
      testCases: c.testCases.map((t) => ({ ...t, reportArn: arn, testRawDataPath: rawPath.get(t.testRawDataPath) ?? t.testRawDataPath })),
      codeCoverages: c.codeCoverages,
    });
    arns.push(arn);
  }
  return arns;
}
