/** Helpers shared by the buildspec tests (imported by *.test.ts only). */
import assert from 'node:assert/strict';
import { formatDiagnostic } from './diagnostic.js';
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';
import { parseBuildspec } from './parse-buildspec.js';
import type { ParseBuildspecResult } from './parse-buildspec.js';
import type { Buildspec } from './types.js';

/** Join lines into a file, so YAML in tests reads top to bottom. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export function parse(text: string): ParseBuildspecResult {
  return parseBuildspec(text, 'buildspec.yml');
}

export function show(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join('\n') || '(no diagnostics)';
}

/** Parses, asserts there is no error, returns the buildspec. */
export function accept(text: string): Buildspec {
  const result = parse(text);
  assert.ok(result.buildspec, `expected the buildspec to be accepted:\n${show(result.diagnostics)}`);
  return result.buildspec;
}

export interface Expected {
  code: DiagnosticCode;
  line: number;
  column?: number;
  severity?: 'error' | 'warning';
  /** Exact text, or a pattern. */
  message?: string | RegExp;
}

/** Asserts the file yields a diagnostic matching `expected` (and no buildspec when it is an error). */
export function expectDiagnostic(text: string, expected: Expected): Diagnostic {
  const result = parse(text);
  const found = result.diagnostics.find((d) => d.code === expected.code && d.line === expected.line);
  assert.ok(found, `expected ${expected.code} at line ${expected.line}, got:\n${show(result.diagnostics)}`);
  if (expected.column !== undefined) assert.equal(found.column, expected.column, formatDiagnostic(found));
  assert.equal(found.severity, expected.severity ?? 'error', formatDiagnostic(found));
  if (typeof expected.message === 'string') assert.equal(found.message, expected.message);
  else if (expected.message) assert.match(found.message, expected.message);
  if (found.severity === 'error') assert.equal(result.buildspec, undefined, 'a file with errors yields no buildspec');
  return found;
}

export function codes(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.severity}:${d.code}@${d.line}`);
}
