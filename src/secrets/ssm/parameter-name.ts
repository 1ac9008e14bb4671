import { formatArn, parseArn } from '../../shared/index.js';
import type { Scope } from '../scope.js';
import { NAME_RULES_MESSAGE, ssmError } from './errors.js';

/**
 * Parameter names (spec E.1, AWS "parameter name requirements"):
 * - letters, digits, `_.-`; `/` separates hierarchy levels and a hierarchical name must start with
 *   it (`a/b` is not fully qualified); at most 15 levels;
 * - surrounding spaces are trimmed, inner ones are invalid;
 * - `aws…`/`ssm…` prefixes (any case, with or without the slash) are reserved;
 * - at most 1011 characters counting the ARN that precedes the name;
 * - `/TestParam1` and `TestParam1` are the same parameter (keyed by `nameKey`), while
 *   `/Test/TestParam1` and `Test/…` are not comparable (the latter is invalid).
 */
export const MAX_HIERARCHY_LEVELS = 15;
export const MAX_NAME_WITH_ARN = 1011;

const FORMAT = /^(?:[a-zA-Z0-9_.-]+|(?:\/[a-zA-Z0-9_.-]+)+)$/;

/** The identity of a name: a top-level name loses its leading slash; hierarchical names keep theirs. */
export function nameKey(name: string): string {
  const stripped = name.startsWith('/') ? name.slice(1) : name;
  return stripped.includes('/') ? name : stripped;
}

/** `arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>`. */
export function parameterArn(scope: Scope, name: string): string {
  const resource = `parameter/${name.startsWith('/') ? name.slice(1) : name}`;
  return formatArn({ service: 'ssm', region: scope.region, account: scope.accountId, resource });
}

/** Validates a PutParameter name; returns it trimmed. Throws the AWS error for the first rule broken. */
export function validateNewName(raw: string, scope: Scope): string {
  const name = raw.trim();
  const lower = name.toLowerCase();
  const bare = lower.startsWith('/') ? lower.slice(1) : lower;
  if (bare.startsWith('aws') || bare.startsWith('ssm')) {
    const isPath = (name.match(/\//g) ?? []).length > 1;
    if (isPath && lower.startsWith('/aws')) {
      throw ssmError('AccessDeniedException', `No access to reserved parameter name: ${name}.`, { name });
    }
    throw ssmError('ValidationException', isPath ? NAME_RULES_MESSAGE : 'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).', { name });
  }
  if (!FORMAT.test(name)) throw ssmError('ValidationException', NAME_RULES_MESSAGE, { name });
  if (parameterArn(scope, name).length > MAX_NAME_WITH_ARN) {
    // AWS's exact text for this case is not on record; this one states the documented rule.
    throw ssmError(
      'ValidationException',
      `Parameter name: the name, counted together with the ARN that precedes it, can't be longer than ${MAX_NAME_WITH_ARN} characters.`,
      { name },
    );
  }
  if (name.split('/').filter((s) => s.length > 0).length > MAX_HIERARCHY_LEVELS) {
    throw ssmError(
      'HierarchyLevelLimitExceededException',
      'A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the Amazon Web Services Systems Manager User Guide.',
      { name },
    );
  }
  return name;
}

export type Selector = { kind: 'version'; version: number; text: string } | { kind: 'label'; label: string; text: string };

export interface ParameterRef {
  /** The name part as given (ARN prefix removed). */
  name: string;
  key: string;
  selector?: Selector;
}

/**
 * Parses a reference used by reads: a name, a parameter ARN of this account and region, either
 * optionally followed by `:<version>` or `:<label>`. Returns undefined for anything that can
 * never name a parameter here (callers answer ParameterNotFound / list it as invalid). Never throws.
 */
export function parseParameterRef(raw: string, scope: Scope): ParameterRef | undefined {
  let text = raw.trim();
  if (text.startsWith('arn:')) {
    const arn = parseArn(text);
    if (!arn || arn.service !== 'ssm' || arn.region !== scope.region || arn.account !== scope.accountId) return undefined;
    if (!arn.resource.startsWith('parameter/')) return undefined;
    text = arn.resource.slice('parameter'.length);
    // `parameter/name` (top level) is the same parameter as `name`; keep the hierarchy's slash.
    if (!text.slice(1).includes('/')) text = text.slice(1);
  }
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  if (!FORMAT.test(name)) return undefined;
  const ref: ParameterRef = { name, key: nameKey(name) };
  if (colon < 0) return ref;
  const sel = text.slice(colon + 1);
  if (sel.length === 0 || sel.includes(':')) return undefined;
  if (/^\d+$/.test(sel)) {
    const version = Number(sel);
    if (!Number.isSafeInteger(version) || version < 1 || version > 2_147_483_647) return undefined;
    return { ...ref, selector: { kind: 'version', version, text: `:${sel}` } };
  }
  if (!/^[a-zA-Z0-9_.-]{1,100}$/.test(sel)) return undefined;
  return { ...ref, selector: { kind: 'label', label: sel, text: `:${sel}` } };
}
