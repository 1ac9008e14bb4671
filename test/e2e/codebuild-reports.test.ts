import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { buildspec, cli, createProject, startBuild, waitForBuild } from '../support/codebuild-harness.js';

/**
 * Test reports (spec A.11, B.5) through the real AWS CLI v2: a build whose buildspec writes a JUnit
 * file and declares `reports: unit`, which creates the group `<project>-unit`; the report,
 * its test cases and the group's trend; and report groups created by hand.
 */

let nagare: NagareHandle;
let c: ReturnType<typeof cli>;

const JUNIT = [
  '<testsuites><testsuite name="calc" tests="3">',
  '<testcase classname="calc.Add" name="adds" time="0.5"/>',
  '<testcase classname="calc.Add" name="overflows" time="0.25"><failure message="expected 3">boom</failure></testcase>',
  '<testcase classname="calc.Sub" name="subtracts" time="0.25"><skipped/></testcase>',
  '</testsuite></testsuites>',
].join('');

before(async () => {
  nagare = await startNagare();
  c = cli(nagare.endpoint);
  await createProject(nagare.endpoint, {
    name: 'tested',
    source: {
      type: 'NO_SOURCE',
      buildspec: buildspec([
        'version: 0.2',
        'phases:',
        '  build:',
        '    commands:',
        `      - mkdir -p reports && printf '%s' '${JUNIT}' > reports/junit.xml`,
        'reports:',
        '  unit:',
        '    files:',
        "      - 'reports/*.xml'",
        '    file-format: JUNITXML',
      ]),
    },
  });
});
after(async () => {
  await nagare?.stop();
});

test('a build with `reports` stores a report in group <project>-<key>; test cases and trend read it back', async () => {
  const b = await waitForBuild(nagare.endpoint, (await startBuild(nagare.endpoint, '--project-name', 'tested')).id);
  assert.equal(b.buildStatus, 'SUCCEEDED');
  const reportArns = (b as unknown as { reportArns: string[] }).reportArns;
  assert.equal(reportArns.length, 1);
  const groupArn = 'arn:aws:codebuild:us-east-1:000000000000:report-group/tested-unit';
  assert.match(reportArns[0]!, /^arn:aws:codebuild:us-east-1:000000000000:report\/tested-unit:[0-9a-f-]{36}$/);

  const [groups, reports, forGroup, cases, failed, trend] = await Promise.all([
    c.json<{ reportGroups: string[] }>('codebuild', 'list-report-groups'),
    c.json<{ reports: { name: string; type: string; status: string; executionId: string; reportGroupArn: string; testSummary: { total: number; statusCounts: Record<string, number> } }[] }>(
      'codebuild', 'batch-get-reports', '--report-arns', reportArns[0]!),
    c.json<{ reports: string[] }>('codebuild', 'list-reports-for-report-group', '--report-group-arn', groupArn),
    c.json<{ testCases: { name: string; prefix: string; status: string; reportArn: string }[] }>('codebuild', 'describe-test-cases', '--report-arn', reportArns[0]!),
    c.json<{ testCases: { name: string; message: string }[] }>('codebuild', 'describe-test-cases', '--report-arn', reportArns[0]!, '--filter', 'status=FAILED'),
    c.json<{ stats: { average: string }; rawData: { reportArn: string; data: string }[] }>('codebuild', 'get-report-group-trend', '--report-group-arn', groupArn, '--trend-field', 'TOTAL'),
  ]);
  assert.deepEqual(groups.reportGroups, [groupArn]);
  const report = reports.reports[0]!;
  assert.equal(report.name, 'tested-unit');
  assert.equal(report.type, 'TEST');
  assert.equal(report.status, 'FAILED', 'a failing test case fails the report');
  assert.equal(report.executionId, b.arn);
  assert.equal(report.reportGroupArn, groupArn);
  assert.equal(report.testSummary.total, 3);
  assert.deepEqual(report.testSummary.statusCounts, { SUCCEEDED: 1, FAILED: 1, ERROR: 0, SKIPPED: 1, UNKNOWN: 0 });
  assert.deepEqual(forGroup.reports, reportArns);
  assert.deepEqual(cases.testCases.map((t) => `${t.prefix} ${t.name} ${t.status}`).sort(), ['calc.Add adds SUCCEEDED', 'calc.Add overflows FAILED', 'calc.Sub subtracts SKIPPED']);
  assert.deepEqual(failed.testCases.map((t) => t.name), ['overflows']);
  assert.deepEqual(trend.rawData, [{ reportArn: reportArns[0], data: '3' }]);
  assert.equal(trend.stats.average, '3');

  const del = await c.fails('InvalidInputException', 'codebuild', 'delete-report-group', '--arn', groupArn);
  assert.match(del.stderr, /still has reports/);
  await c.ok('codebuild', 'delete-report-group', '--arn', groupArn, '--delete-reports');
  const gone = await c.json<{ reportsNotFound: string[] }>('codebuild', 'batch-get-reports', '--report-arns', reportArns[0]!);
  assert.deepEqual(gone.reportsNotFound, reportArns);
});

test('report groups created by hand: create, duplicate, batch-get, update tags', async () => {
  const created = await c.json<{ reportGroup: { arn: string; name: string; type: string; exportConfig: { exportConfigType: string }; status: string } }>(
    'codebuild', 'create-report-group', '--name', 'manual', '--type', 'CODE_COVERAGE', '--export-config', 'exportConfigType=NO_EXPORT');
  assert.equal(created.reportGroup.arn, 'arn:aws:codebuild:us-east-1:000000000000:report-group/manual');
  assert.equal(created.reportGroup.status, 'ACTIVE');
  await c.fails('ResourceAlreadyExistsException', 'codebuild', 'create-report-group', '--name', 'manual', '--type', 'TEST', '--export-config', 'exportConfigType=NO_EXPORT');
  const updated = await c.json<{ reportGroup: { tags: { key: string; value: string }[] } }>('codebuild', 'update-report-group', '--arn', created.reportGroup.arn, '--tags', 'key=team,value=ci');
  assert.deepEqual(updated.reportGroup.tags, [{ key: 'team', value: 'ci' }]);
  const got = await c.json<{ reportGroups: { name: string }[]; reportGroupsNotFound: string[] }>('codebuild', 'batch-get-report-groups', '--report-group-arns', created.reportGroup.arn,
    'arn:aws:codebuild:us-east-1:000000000000:report-group/none');
  assert.deepEqual(got.reportGroups.map((g) => g.name), ['manual']);
  assert.deepEqual(got.reportGroupsNotFound, ['arn:aws:codebuild:us-east-1:000000000000:report-group/none']);
  await c.fails('ResourceNotFoundException', 'codebuild', 'describe-test-cases', '--report-arn', 'arn:aws:codebuild:us-east-1:000000000000:report/manual:nope');
});
