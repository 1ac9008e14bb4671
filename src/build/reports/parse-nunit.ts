/**
 * NUnit XML, both generations (spec A.11): v2 `<test-results>` (`NUNITXML`) and v3 `<test-run>`
 * (`NUNIT3XML`). Test cases sit at any depth inside `<test-suite>`s. As in the AWS CLI example
 * (`[CLI-EX:describe-test-cases]`), `name` is the fully qualified test name, `prefix` the fixture
 * (everything before the last dot), NotRunnable counts as ERROR, and the message is the failure
 * or reason message followed by the stack trace.
 */
import { caseMessage, qualifier, secondsToNanos } from './test-case.js';
import type { ParsedTestCase, TestCaseStatus } from './types.js';
import { attr, child, children, expectRoot, parseXml, text } from './xml.js';
import type { XmlElement } from './xml.js';

export function parseNunit(xml: string): ParsedTestCase[] {
  const root = parseXml(xml);
  expectRoot(root, ['test-results', 'test-run'], 'NUnit XML');
  const cases: ParsedTestCase[] = [];
  visit(root.node, '', cases);
  return cases;
}

function visit(node: XmlElement, suiteName: string, cases: ParsedTestCase[]): void {
  for (const testCase of children(node, 'test-case')) cases.push(readCase(testCase, suiteName));
  for (const suite of children(node, 'test-suite')) visit(suite, attr(suite, 'fullname') ?? attr(suite, 'name') ?? suiteName, cases);
  for (const results of children(node, 'results')) visit(results, suiteName, cases); // v2 wraps children in <results>
}

function readCase(testCase: XmlElement, suiteName: string): ParsedTestCase {
  const name = attr(testCase, 'fullname') ?? attr(testCase, 'name') ?? '';
  const detail = child(testCase, 'failure') ?? child(testCase, 'reason');
  const parsed: ParsedTestCase = {
    prefix: attr(testCase, 'classname') ?? qualifier(name),
    name,
    status: status(testCase),
    durationInNanoSeconds: secondsToNanos(attr(testCase, 'duration') ?? attr(testCase, 'time')),
    message: detail ? caseMessage(text(child(detail, 'message')), text(child(detail, 'stack-trace'))) : '',
  };
  if (suiteName) parsed.testSuiteName = suiteName;
  return parsed;
}

/** v2 `result`: Success, Failure, Error, NotRunnable, Ignored, Skipped, Inconclusive, Cancelled; v3: Passed, Failed (+label), Skipped, Inconclusive, Warning. */
function status(testCase: XmlElement): TestCaseStatus {
  const result = (attr(testCase, 'result') ?? '').toLowerCase();
  const label = (attr(testCase, 'label') ?? '').toLowerCase();
  switch (result) {
    case 'success':
    case 'passed':
      return 'SUCCEEDED';
    case 'failure':
      return 'FAILED';
    case 'failed':
      return label === 'error' || label === 'invalid' || label === 'cancelled' ? 'ERROR' : 'FAILED';
    case 'error':
    case 'notrunnable':
    case 'cancelled':
      return 'ERROR';
    case 'ignored':
    case 'skipped':
    case 'notexecuted':
      return 'SKIPPED';
    default:
      return 'UNKNOWN';
  }
}
