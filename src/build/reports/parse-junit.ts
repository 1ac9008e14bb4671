/**
 * JUnit XML (`JUNITXML`, the default file-format, spec A.11) as written by Maven Surefire, Gradle,
 * jest-junit, pytest, node --test and most others: `<testsuites>` or a lone `<testsuite>`, suites
 * may nest and node puts test cases straight under `<testsuites>`;
 * each `<testcase>` is SUCCEEDED unless it holds `<failure>` (FAILED), `<error>` (ERROR) or
 * `<skipped>` (SKIPPED). `prefix` is the classname (the suite name when there is none).
 *
 * CodeBuild also checks each suite's own counters: `tests` smaller than failures + errors +
 * skipped is rejected with "Test summary: status count cannot be negative" (trivy issue #880),
 * so a report built from such a file is INCOMPLETE here too.
 */
import type { ParsedTestCase, TestCaseStatus } from './types.js';
import { caseMessage, secondsToNanos } from './test-case.js';
import { reportError } from './report-error.js';
import { attr, child, children, expectRoot, intAttr, parseXml, text } from './xml.js';
import type { XmlElement } from './xml.js';

export function parseJunit(xml: string): ParsedTestCase[] {
  const root = parseXml(xml);
  expectRoot(root, ['testsuites', 'testsuite'], 'JUnit XML');
  const cases: ParsedTestCase[] = [];
  if (root.name === 'testsuite') readSuite(root.node, cases);
  else readSuites(root.node, cases);
  return cases;
}

function readSuites(node: XmlElement, cases: ParsedTestCase[]): void {
  checkCounters(node);
  // Node's junit reporter puts top-level tests straight under <testsuites>.
  for (const testcase of children(node, 'testcase')) cases.push(readCase(testcase, attr(node, 'name') ?? ''));
  for (const suite of children(node, 'testsuite')) readSuite(suite, cases);
  for (const nested of children(node, 'testsuites')) readSuites(nested, cases);
}

function readSuite(suite: XmlElement, cases: ParsedTestCase[]): void {
  checkCounters(suite);
  const suiteName = attr(suite, 'name') ?? '';
  for (const testcase of children(suite, 'testcase')) cases.push(readCase(testcase, suiteName));
  for (const nested of children(suite, 'testsuite')) readSuite(nested, cases);
}

function readCase(testcase: XmlElement, suiteName: string): ParsedTestCase {
  const { status, detail } = outcome(testcase);
  const parsed: ParsedTestCase = {
    prefix: attr(testcase, 'classname') ?? suiteName,
    name: attr(testcase, 'name') ?? '',
    status,
    durationInNanoSeconds: secondsToNanos(attr(testcase, 'time')),
    message: detail ? caseMessage(attr(detail, 'message'), text(detail)) : '',
  };
  if (suiteName) parsed.testSuiteName = suiteName;
  return parsed;
}

function outcome(testcase: XmlElement): { status: TestCaseStatus; detail?: XmlElement } {
  const error = child(testcase, 'error');
  if (error) return { status: 'ERROR', detail: error };
  const failure = child(testcase, 'failure');
  if (failure) return { status: 'FAILED', detail: failure };
  const skipped = child(testcase, 'skipped');
  if (skipped) return { status: 'SKIPPED', detail: skipped };
  return { status: 'SUCCEEDED' };
}

function checkCounters(suite: XmlElement): void {
  const tests = intAttr(suite, 'tests');
  if (tests === undefined) return;
  const others = ['failures', 'errors', 'skipped'].reduce((sum, name) => sum + (intAttr(suite, name) ?? 0), 0);
  if (tests < others) throw reportError('InvalidInputException: Test summary: status count cannot be negative');
}
