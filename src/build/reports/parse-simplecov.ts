/**
 * SimpleCov JSON (`SIMPLECOV`, spec A.11: the JSON simplecov itself writes, not simplecov-json):
 * either `.resultset.json` — `{ "<command>": { "coverage": { "<file>": { "lines": [...],
 * "branches": {...} } } } }`, with the pre-0.18 form `"<file>": [...]` — or the bundled JSON
 * formatter's `coverage.json` — `{ "coverage": { "<file>": { "lines": [...], "branches": [...] } } }`.
 * A line count of null (or "ignored") is not code; 0 is missed; more is covered.
 */
import type { FileCoverageCounts } from './types.js';
import { reportError } from './report-error.js';

type Json = unknown;

export function parseSimplecov(json: string): FileCoverageCounts[] {
  let doc: Json;
  try {
    doc = JSON.parse(json.replace(/^\uFEFF/u, ''));
  } catch (err) {
    throw reportError(`Invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isObject(doc)) throw reportError('Not a SimpleCov report: expected a JSON object');
  const coverages = isObject(doc.coverage) ? [doc.coverage] : Object.values(doc).filter(isObject).map((run) => run.coverage).filter(isObject);
  if (coverages.length === 0) throw reportError('Not a SimpleCov report: no "coverage" object found');
  const files = new Map<string, FileCoverageCounts>();
  for (const coverage of coverages) {
    for (const [filePath, data] of Object.entries(coverage)) files.set(filePath, countFile(filePath, data));
  }
  return [...files.values()];
}

function countFile(filePath: string, data: Json): FileCoverageCounts {
  const lines = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.lines) ? data.lines : [];
  const counts = lines.filter((n): n is number => typeof n === 'number');
  const branches = isObject(data) ? branchHits(data.branches) : [];
  const branchesCovered = branches.filter((n) => n > 0).length;
  return {
    filePath,
    linesCovered: counts.filter((n) => n > 0).length,
    linesMissed: counts.filter((n) => n === 0).length,
    branchesCovered,
    branchesMissed: branches.length - branchesCovered,
  };
}

/** `.resultset.json`: `{ "[:if, …]": { "[:then, …]": 1 } }`; coverage.json: `[{ "coverage": 1 }]`. */
function branchHits(branches: Json): number[] {
  if (Array.isArray(branches)) return branches.filter(isObject).map((b) => b.coverage).filter((n): n is number => typeof n === 'number');
  if (!isObject(branches)) return [];
  return Object.values(branches).filter(isObject).flatMap((arms) => Object.values(arms).filter((n): n is number => typeof n === 'number'));
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
