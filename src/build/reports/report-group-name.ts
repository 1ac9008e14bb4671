/**
 * Report group naming (spec A.11, `[CBUG:test-report-group-naming]`): a buildspec key that is a
 * report-group ARN uses that existing group; any other key names (and on first use creates) the
 * group `<project-name>-<key>`.
 */
import { parseArn } from '../../shared/index.js';

/** True for `arn:<partition>:codebuild:<region>:<account>:report-group/<name>`. */
export function isReportGroupArn(key: string): boolean {
  const arn = parseArn(key);
  return arn !== undefined && arn.service === 'codebuild' && arn.resource.startsWith('report-group/');
}

/** The report group's name: from the ARN when the key is one, else `<project>-<key>`. */
export function reportGroupName(projectName: string, groupKey: string): string {
  if (isReportGroupArn(groupKey)) return parseArn(groupKey)!.resource.slice('report-group/'.length);
  return `${projectName}-${groupKey}`;
}
