/**
 * Visual Studio TRX (`VISUALSTUDIOTRX`, spec A.11), as `dotnet test --logger trx` writes it:
 * `<TestRun>` › `<Results>` › `<UnitTestResult outcome duration="hh:mm:ss.fffffff">`, joined by
 * testId to `<TestDefinitions>` › `<UnitTest>` › `<TestMethod className>` for the prefix.
 */
import { caseMessage } from './test-case.js';
import type { ParsedTestCase, TestCaseStatus } from './types.js';
import { attr, child, children, expectRoot, parseXml, text } from './xml.js';
import type { XmlElement } from './xml.js';

const OUTCOME: Record<string, TestCaseStatus> = {
  passed: 'SUCCEEDED',
  failed: 'FAILED',
  error: 'ERROR',
  timeout: 'ERROR',
  aborted: 'ERROR',
  notexecuted: 'SKIPPED',
  notrunnable: 'SKIPPED',
};

export function parseTrx(xml: string): ParsedTestCase[] {
  const root = parseXml(xml);
  expectRoot(root, ['TestRun'], 'TRX');
  const classes = classNames(root.node);
  const runName = attr(root.node, 'name') ?? '';
  const cases: ParsedTestCase[] = [];
  for (const results of children(root.node, 'Results')) {
    for (const result of children(results, 'UnitTestResult')) cases.push(readResult(result, classes, runName));
  }
  return cases;
}

function readResult(result: XmlElement, classes: Map<string, string>, runName: string): ParsedTestCase {
  const error = child(child(result, 'Output') ?? {}, 'ErrorInfo');
  const parsed: ParsedTestCase = {
    prefix: classes.get(attr(result, 'testId') ?? '') ?? '',
    name: attr(result, 'testName') ?? '',
    status: OUTCOME[(attr(result, 'outcome') ?? '').toLowerCase()] ?? 'UNKNOWN',
    durationInNanoSeconds: timeSpanToNanos(attr(result, 'duration')),
    message: error ? caseMessage(text(child(error, 'Message')), text(child(error, 'StackTrace'))) : '',
  };
  if (runName) parsed.testSuiteName = runName;
  return parsed;
}

/** testId → class name without the assembly part (`Ns.Class, Assembly, Version=…`). */
function classNames(run: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const defs of children(run, 'TestDefinitions')) {
    for (const test of children(defs, 'UnitTest')) {
      const className = attr(child(test, 'TestMethod') ?? {}, 'className');
      const id = attr(test, 'id');
      if (id && className) out.set(id, className.split(',')[0]!.trim());
    }
  }
  return out;
}

/** .NET TimeSpan text `[d.]hh:mm:ss[.fffffff]`; anything else counts as 0. */
export function timeSpanToNanos(raw: string | undefined): number {
  const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d{1,7}))?$/u.exec(raw?.trim() ?? '');
  if (!m) return 0;
  const [, days = '0', h = '0', min = '0', s = '0', fraction = ''] = m;
  const seconds = ((Number(days) * 24 + Number(h)) * 60 + Number(min)) * 60 + Number(s);
  return seconds * 1e9 + Number(fraction.padEnd(9, '0').slice(0, 9));
}
