/**
 * Cucumber JSON (`CUCUMBERJSON`, spec A.11): an array of features, each with `elements`
 * (scenarios; backgrounds are folded into nothing) made of steps with `result.status` and
 * `result.duration` in nanoseconds. A scenario is FAILED when a step failed, ERROR when a step is
 * undefined or ambiguous, SKIPPED when steps were skipped or pending, else SUCCEEDED.
 * `prefix` is the feature name.
 */
import { caseMessage } from './test-case.js';
import type { ParsedTestCase, TestCaseStatus } from './types.js';
import { reportError } from './report-error.js';

interface Step {
  result?: { status?: unknown; duration?: unknown; error_message?: unknown };
}
interface Element {
  name?: unknown;
  type?: unknown;
  keyword?: unknown;
  steps?: unknown;
}
interface Feature {
  name?: unknown;
  uri?: unknown;
  elements?: unknown;
}

export function parseCucumber(json: string): ParsedTestCase[] {
  let features: unknown;
  try {
    features = JSON.parse(json.replace(/^\uFEFF/u, ''));
  } catch (err) {
    throw reportError(`Invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(features)) throw reportError('Not a Cucumber JSON report: expected an array of features');
  const cases: ParsedTestCase[] = [];
  for (const feature of features as Feature[]) {
    if (typeof feature !== 'object' || feature === null) throw reportError('Not a Cucumber JSON report: a feature is not an object');
    const prefix = str(feature.name) || str(feature.uri);
    for (const element of list<Element>(feature.elements)) {
      if (str(element.type) === 'background' || str(element.keyword).trim() === 'Background') continue;
      cases.push(readScenario(element, prefix));
    }
  }
  return cases;
}

function readScenario(element: Element, prefix: string): ParsedTestCase {
  const steps = list<Step>(element.steps);
  const statuses = steps.map((s) => str(s.result?.status).toLowerCase());
  const duration = steps.reduce((sum, s) => sum + (typeof s.result?.duration === 'number' && s.result.duration > 0 ? s.result.duration : 0), 0);
  const failed = steps.find((s) => s.result?.error_message !== undefined);
  return {
    prefix,
    name: str(element.name),
    status: scenarioStatus(statuses),
    durationInNanoSeconds: Math.round(duration),
    message: caseMessage(str(failed?.result?.error_message)),
    testSuiteName: prefix,
  };
}

function scenarioStatus(statuses: string[]): TestCaseStatus {
  if (statuses.length === 0) return 'UNKNOWN';
  if (statuses.includes('failed')) return 'FAILED';
  if (statuses.includes('undefined') || statuses.includes('ambiguous')) return 'ERROR';
  if (statuses.includes('skipped') || statuses.includes('pending')) return 'SKIPPED';
  return statuses.every((s) => s === 'passed') ? 'SUCCEEDED' : 'UNKNOWN';
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null) as T[]) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
