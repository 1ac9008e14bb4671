/** spec A.11: `<project>-<key>`, unless the key is a report-group ARN. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isReportGroupArn, reportGroupName } from './report-group-name.js';

const cases: Array<[key: string, expected: string, isArn: boolean]> = [
  ['unit-test', 'my-project-unit-test', false],
  ['JUnitReports', 'my-project-JUnitReports', false],
  ['arn:aws:codebuild:us-east-1:123456789012:report-group/shared-tests', 'shared-tests', true],
  ['arn:aws-cn:codebuild:cn-north-1:123456789012:report-group/cn', 'cn', true],
  ['arn:aws:s3:::bucket/report-group/x', 'my-project-arn:aws:s3:::bucket/report-group/x', false],
  ['arn:aws:codebuild:us-east-1:123456789012:project/p', 'my-project-arn:aws:codebuild:us-east-1:123456789012:project/p', false],
];

for (const [key, expected, isArn] of cases) {
  test(`reportGroupName(${key})`, () => {
    assert.equal(reportGroupName('my-project', key), expected);
    assert.equal(isReportGroupArn(key), isArn);
  });
}
