/**
 * collectReports end to end over a temp tree: file selection with the artifact glob rules,
 * status rules (SUCCEEDED / FAILED / INCOMPLETE), summaries, truncation at 500, coverage, and
 * malformed or missing files that never throw.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ReportGroup } from '../buildspec/index.js';
import { makeTree, removeAll } from '../artifacts/test-support.js';
import { collectReports } from './collect-reports.js';

const junit = (name: string, body: string) => `<testsuite name="${name}">${body}</testsuite>`;
const many = Array.from({ length: 520 }, (_, i) => `<testcase classname="Big" name="t${i}" time="0.001">${i % 100 === 7 ? '<failure message="boom"/>' : ''}</testcase>`).join('');

let root = '';
before(async () => {
  root = await makeTree({
    'reports/a.xml': junit('A', '<testcase classname="A" name="ok" time="0.5"/><testcase classname="A" name="skipped"><skipped/></testcase>'),
    'reports/b.xml': junit('B', '<testcase classname="B" name="also ok" time="0.25"/>'),
    'failing/f.xml': junit('F', '<testcase classname="F" name="bad" time="1"><failure message="nope">trace</failure></testcase><testcase classname="F" name="worse"><error message="crash"/></testcase>'),
    'mixed/good.xml': junit('G', '<testcase classname="G" name="fine"/>'),
    'mixed/broken.xml': '<testsuite><testcase name="x">',
    'big/junit.xml': junit('Big', many),
    'coverage/cobertura.xml': '<coverage><packages><package><classes><class filename="a.py"><lines><line number="1" hits="1"/><line number="2" hits="0"/></lines></class></classes></package></packages></coverage>',
    'coverage/broken.xml': 'not xml',
  });
});
after(() => removeAll(root));

const group = (nameOrArn: string, files: string[], extra: Partial<ReportGroup> = {}): ReportGroup => ({ nameOrArn, files, discardPaths: false, fileFormat: 'JUNITXML', ...extra });

test('passing tests from several files: SUCCEEDED, counts for every status, total duration', async () => {
  const [report] = await collectReports([group('unit', ['**/*.xml'], { baseDirectory: 'reports' })], root);
  assert.equal(report!.status, 'SUCCEEDED');
  assert.equal(report!.type, 'TEST');
  assert.deepEqual(report!.testSummary, { total: 3, statusCounts: { SUCCEEDED: 2, FAILED: 0, ERROR: 0, SKIPPED: 1, UNKNOWN: 0 }, durationInNanoSeconds: 750_000_000 });
  assert.deepEqual(report!.testCases.map((c) => c.name), ['ok', 'skipped', 'also ok']);
  assert.equal(report!.testCases[0]!.testRawDataPath, join(root, 'reports/a.xml'));
  assert.deepEqual(report!.files.map((f) => f.archivePath), ['a.xml', 'b.xml']);
  assert.deepEqual(report!.problems, []);
});

test('a failed or errored case makes the report FAILED', async () => {
  const [report] = await collectReports([group('unit', ['failing/*.xml'])], root);
  assert.equal(report!.status, 'FAILED');
  assert.deepEqual(report!.testSummary?.statusCounts, { SUCCEEDED: 0, FAILED: 1, ERROR: 1, SKIPPED: 0, UNKNOWN: 0 });
  assert.equal(report!.testCases[0]!.message, 'nope\ntrace');
});

test('a malformed file makes the report INCOMPLETE but keeps what parsed', async () => {
  const [report] = await collectReports([group('unit', ['mixed/*.xml'])], root);
  assert.equal(report!.status, 'INCOMPLETE');
  assert.deepEqual(report!.testCases.map((c) => c.name), ['fine']);
  assert.equal(report!.problems.length, 1);
  assert.equal(report!.problems[0]!.file, 'mixed/broken.xml');
  assert.match(report!.problems[0]!.message, /^mixed\/broken\.xml: Invalid XML at line 1/);
});

test('no matching files: INCOMPLETE with the reason, never an exception', async () => {
  const reports = await collectReports([group('none', ['nope/**/*']), group('nobase', ['**/*'], { baseDirectory: 'missing' })], root);
  assert.deepEqual(reports.map((r) => [r.status, r.problems.map((p) => p.message)]), [
    ['INCOMPLETE', ['report group none: no matching artifact paths found']],
    ['INCOMPLETE', ['report group nobase: no matching base directory path found for missing']],
  ]);
  assert.equal(reports[0]!.testSummary?.total, 0);
});

test('more than 500 cases: truncated, failures listed first, summary counts them all', async () => {
  const [report] = await collectReports([group('big', ['big/junit.xml'])], root);
  assert.equal(report!.truncated, true);
  assert.equal(report!.testCases.length, 500);
  assert.equal(report!.testSummary?.total, 520);
  assert.equal(report!.testSummary?.statusCounts.FAILED, 6);
  assert.deepEqual(report!.testCases.slice(0, 6).map((c) => c.name), ['t7', 't107', 't207', 't307', 't407', 't507']);
});

test('coverage groups: summary and per-file entries; a broken file makes it INCOMPLETE', async () => {
  const [good, mixed] = await collectReports([
    group('cov', ['coverage/cobertura.xml'], { fileFormat: 'COBERTURAXML' }),
    group('cov2', ['coverage/*.xml'], { fileFormat: 'COBERTURAXML' }),
  ], root);
  assert.equal(good!.type, 'CODE_COVERAGE');
  assert.equal(good!.status, 'SUCCEEDED');
  assert.deepEqual(good!.codeCoverageSummary, { lineCoveragePercentage: 50, linesCovered: 1, linesMissed: 1, branchCoveragePercentage: 0, branchesCovered: 0, branchesMissed: 0 });
  assert.deepEqual(good!.codeCoverages.map((c) => c.filePath), ['a.py']);
  assert.equal(good!.testSummary, undefined);
  assert.equal(mixed!.status, 'INCOMPLETE');
  assert.equal(mixed!.codeCoverages.length, 1);
});

test('reports keep buildspec order and the group key as written', async () => {
  const reports = await collectReports([group('arn:aws:codebuild:us-east-1:123456789012:report-group/x', ['reports/a.xml']), group('second', ['reports/b.xml'])], root);
  assert.deepEqual(reports.map((r) => r.groupKey), ['arn:aws:codebuild:us-east-1:123456789012:report-group/x', 'second']);
});
