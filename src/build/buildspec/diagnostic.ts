/**
 * Diagnostics for user-written buildspecs (DESIGN.md §5: file, line, column and a precise message,
 * never a stack trace). `line`/`column` are 1-based and point at the offending key or value in the
 * file as written; the `message` is the text the build would show as its `YAML_FILE_ERROR` context
 * message (AWS's own wording where known — see messages.ts — otherwise ours in the same style).
 */
export type Severity = 'error' | 'warning';

/**
 * Stable codes. Errors fail the build in DOWNLOAD_SOURCE with `YAML_FILE_ERROR` (spec A.1);
 * warnings never change the outcome — they flag what AWS silently ignores or coerces.
 */
export type DiagnosticCode =
  // YAML level
  | 'YAML_SYNTAX'
  | 'YAML_UNKNOWN_ANCHOR'
  | 'YAML_MULTIPLE_DOCUMENTS'
  | 'DUPLICATE_KEY'
  // version and shape of the file
  | 'EMPTY_BUILDSPEC'
  | 'MISSING_VERSION'
  | 'INVALID_VERSION'
  | 'WRONG_CONTAINER_COUNT'
  | 'UNSUPPORTED_LEGACY_VERSION'
  | 'ROOT_NOT_MAP'
  // generic value checks
  | 'UNKNOWN_KEY'
  | 'INVALID_TYPE'
  | 'INVALID_BOOLEAN'
  | 'NULL_VALUE'
  // phases
  | 'INVALID_PHASE_NAME'
  | 'COMMAND_NOT_STRING'
  | 'NULL_COMMAND'
  | 'NO_COMMANDS'
  | 'NO_PHASES'
  | 'INVALID_ON_FAILURE'
  | 'EMPTY_RUNTIME_VERSIONS'
  // env
  | 'UNSUPPORTED_SHELL'
  | 'RESERVED_VARIABLE_NAME'
  | 'INVALID_VARIABLE_NAME'
  | 'UNEXPORTABLE_VARIABLE'
  | 'INVALID_SECRET_REFERENCE'
  // artifacts, reports, cache
  | 'MISSING_FILES'
  | 'INVALID_FILE_FORMAT'
  | 'TOO_MANY_REPORT_GROUPS'
  | 'MISSING_CACHE_PATHS'
  | 'INVALID_CACHE_ACTION'
  | 'TOO_MANY_FALLBACK_KEYS'
  | 'FALLBACK_KEYS_WITHOUT_KEY'
  // batch (kept, not run: problems only matter to batch builds, hence warnings)
  | 'BATCH_INVALID'
  // safety net: a bug of ours, reported as a diagnostic rather than a thrown stack trace
  | 'INTERNAL_ERROR';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sort by position (stable), so reports read top to bottom like the file. */
export function sortByPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
    .map(({ d }) => d);
}

/** `file:line:column: severity code: message`, the one-line form for CLIs and logs. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}
