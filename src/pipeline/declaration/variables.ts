/**
 * Variable references `#{namespace.key}` in action configuration (spec C.4).
 *
 * Syntax contract: `#{`, a namespace, one `.`, a key, `}`. Namespace and key both use the model's
 * character set for namespaces / output-variable keys / pipeline-variable names,
 * `[A-Za-z0-9@\-_]+`, and are case-sensitive. Anything else that starts with `#{` (no dot, empty
 * parts, other characters, no closing brace) is NOT a reference and stays literal text: it is
 * neither validated nor substituted. Substitution is a single pass: a resolved value that itself
 * contains `#{...}` is not expanded again.
 */

const NAME = '[A-Za-z0-9@\\-_]+';
const REFERENCE = new RegExp(`#\\{(${NAME})\\.(${NAME})\\}`, 'g');

/** Reserved namespaces that no action may declare. */
export const CODEPIPELINE_NAMESPACE = 'codepipeline';
export const PIPELINE_VARIABLES_NAMESPACE = 'variables';

/** Resolved configuration of one action may not exceed this many bytes (spec C.2 rule 9, limits page). */
export const MAX_RESOLVED_CONFIGURATION_BYTES = 100 * 1024;

export interface VariableReference {
  namespace: string;
  key: string;
  /** The reference exactly as written, e.g. `#{SourceVariables.CommitId}`. */
  text: string;
  /** Offset of `#` in the scanned string. */
  index: number;
}

export interface ConfigurationReference extends VariableReference {
  /** The configuration key whose value holds the reference. */
  configurationKey: string;
}

/** Every well-formed reference in `text`, left to right. */
export function parseReferences(text: string): VariableReference[] {
  const out: VariableReference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    out.push({ namespace: m[1] ?? '', key: m[2] ?? '', text: m[0], index: m.index });
  }
  return out;
}

/** Every reference in every value of a configuration map, in key order then position. */
export function referencesOf(configuration: Record<string, string> | undefined): ConfigurationReference[] {
  const out: ConfigurationReference[] = [];
  for (const [configurationKey, value] of Object.entries(configuration ?? {})) {
    for (const ref of parseReferences(value)) out.push({ ...ref, configurationKey });
  }
  return out;
}

/** Returns the value of `namespace.key`, or undefined when no such variable exists (yet). */
export type VariableLookup = (namespace: string, key: string) => string | undefined;

export interface UnresolvedReference {
  configurationKey: string;
  text: string;
  namespace: string;
  key: string;
}

export type ResolveResult =
  | { kind: 'resolved'; configuration: Record<string, string> }
  /** At least one reference had no value: the action must fail before it starts. */
  | { kind: 'unresolved'; unresolved: UnresolvedReference[] }
  /** Every reference resolved, but the result is over MAX_RESOLVED_CONFIGURATION_BYTES. */
  | { kind: 'too-large'; bytes: number };

/** Substitute references in one string; `onMissing` is told about each reference without a value. */
export function resolveString(text: string, lookup: VariableLookup, onMissing: (ref: VariableReference) => void = () => undefined): string {
  return text.replace(REFERENCE, (whole: string, namespace: string, key: string, index: number) => {
    const value = lookup(namespace, key);
    if (value === undefined) {
      onMissing({ namespace, key, text: whole, index });
      return whole;
    }
    return value;
  });
}

/**
 * Resolve every reference in an action's configuration just before it starts. The input map is
 * not modified. Keys keep their order.
 */
export function resolveConfiguration(configuration: Record<string, string> | undefined, lookup: VariableLookup): ResolveResult {
  const resolved: Record<string, string> = {};
  const unresolved: UnresolvedReference[] = [];
  for (const [configurationKey, value] of Object.entries(configuration ?? {})) {
    resolved[configurationKey] = resolveString(value, lookup, (ref) =>
      unresolved.push({ configurationKey, text: ref.text, namespace: ref.namespace, key: ref.key }),
    );
  }
  if (unresolved.length > 0) return { kind: 'unresolved', unresolved };
  const bytes = Object.entries(resolved).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  if (bytes > MAX_RESOLVED_CONFIGURATION_BYTES) return { kind: 'too-large', bytes };
  return { kind: 'resolved', configuration: resolved };
}
