/**
 * The ValidationException message AWS's JSON services send:
 *   1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10
 *   2 validation errors detected: Value … ; Value …   (issues joined by "; ")
 * `null` is printed unquoted ("Value null at 'name'"); a sensitive value is left out ("Value at 'password'").
 */
import type { ValidationIssue } from './validate.js';

export function formatValidationIssue(issue: ValidationIssue): string {
  const value = issue.printedValue === undefined ? '' : ` ${issue.printedValue}`;
  return `Value${value} at '${issue.path}' failed to satisfy constraint: ${issue.constraint}`;
}

/** The whole message for one ValidationException; `issues` must not be empty. */
export function formatValidationMessage(issues: readonly ValidationIssue[]): string {
  const n = issues.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${issues.map(formatValidationIssue).join('; ')}`;
}
