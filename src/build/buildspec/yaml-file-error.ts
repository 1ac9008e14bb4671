/**
 * The phase context a build shows when its buildspec is refused: DOWNLOAD_SOURCE fails with status
 * code `YAML_FILE_ERROR` and one message (spec A.1, A.10, Surprise 36). The agent stops at its first
 * problem, so one diagnostic is chosen: YAML syntax before `version` before everything else, then
 * the earliest in the file. Logs show it as `Phase context status code: YAML_FILE_ERROR Message: …`.
 */
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';

export const YAML_FILE_ERROR = 'YAML_FILE_ERROR';

export interface YamlFileError {
  statusCode: typeof YAML_FILE_ERROR;
  /** The context message, e.g. `Expected Commands[0] to be of string type: …`. */
  message: string;
  /** `YAML_FILE_ERROR: <message>`, as the console shows it. */
  text: string;
  /** The diagnostic the message comes from. */
  diagnostic: Diagnostic;
}

const STAGE: Partial<Record<DiagnosticCode, number>> = {
  YAML_SYNTAX: 0,
  YAML_UNKNOWN_ANCHOR: 0,
  EMPTY_BUILDSPEC: 1,
  ROOT_NOT_MAP: 1,
  INVALID_VERSION: 1,
  WRONG_CONTAINER_COUNT: 1,
  UNSUPPORTED_LEGACY_VERSION: 1,
};
const LAST_STAGE = 2;

/** undefined when there is no error (warnings alone never fail a build). */
export function toYamlFileError(diagnostics: readonly Diagnostic[]): YamlFileError | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors.reduce<Diagnostic | undefined>((best, d) => (best === undefined || before(d, best) ? d : best), undefined);
  if (!first) return undefined;
  return { statusCode: YAML_FILE_ERROR, message: first.message, text: `${YAML_FILE_ERROR}: ${first.message}`, diagnostic: first };
}

function before(a: Diagnostic, b: Diagnostic): boolean {
  const stageA = STAGE[a.code] ?? LAST_STAGE;
  const stageB = STAGE[b.code] ?? LAST_STAGE;
  if (stageA !== stageB) return stageA < stageB;
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}
