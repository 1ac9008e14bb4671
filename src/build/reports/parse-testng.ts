/**
 * TestNG `testng-results.xml` (`TESTNGXML`, spec A.11): suite › test › class › test-method with
 * `status` PASS / FAIL / SKIP and `duration-ms`. Configuration methods (`is-config="true"`,
 * @BeforeClass and friends) are not test cases. `prefix` is the class name.
 */
import { caseMessage, millisToNanos } from './test-case.js';
import type { ParsedTestCase, TestCaseStatus } from './types.js';
import { attr, child, children, expectRoot, parseXml, text } from './xml.js';
import type { XmlElement } from './xml.js';

const STATUS: Record<string, TestCaseStatus> = { PASS: 'SUCCEEDED', FAIL: 'FAILED', SKIP: 'SKIPPED' };

export function parseTestng(xml: string): ParsedTestCase[] {
  const root = parseXml(xml);
  expectRoot(root, ['testng-results'], 'TestNG XML');
  const cases: ParsedTestCase[] = [];
  for (const suite of children(root.node, 'suite')) {
    const suiteName = attr(suite, 'name') ?? '';
    for (const test of children(suite, 'test')) {
      for (const cls of children(test, 'class')) {
        for (const method of children(cls, 'test-method')) {
          if (attr(method, 'is-config') === 'true') continue;
          cases.push(readMethod(method, attr(cls, 'name') ?? '', suiteName));
        }
      }
    }
  }
  return cases;
}

function readMethod(method: XmlElement, className: string, suiteName: string): ParsedTestCase {
  const exception = child(method, 'exception');
  return {
    prefix: className,
    name: attr(method, 'name') ?? '',
    status: STATUS[(attr(method, 'status') ?? '').toUpperCase()] ?? 'UNKNOWN',
    durationInNanoSeconds: millisToNanos(attr(method, 'duration-ms')),
    message: exception ? caseMessage(text(child(exception, 'message')), text(child(exception, 'full-stacktrace'))) : '',
    testSuiteName: suiteName,
  };
}
