/**
 * Typed readers for buildspec values. Each one reports a diagnostic and returns undefined when the
 * value cannot be read, so callers keep going and every problem in the file is collected.
 */
import { isMap, isNode, isScalar, isSeq } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { atLine, expectedType, unknownKey } from './messages.js';
import { isNullish, kindOf, scalarText } from './node-reader.js';
import type { Entry, NodeReader, Pos } from './node-reader.js';

/** A mapping, or null for an empty value (`key:`); anything else is reported. */
export function readMap(r: NodeReader, node: Node | null, path: string, pos: Pos): YAMLMap | null | undefined {
  if (isNullish(node)) return null;
  if (isMap(node)) return node;
  r.error('INVALID_TYPE', r.posOf(node, pos), (line) => expectedType(path, 'map', kindOf(node), line));
  return undefined;
}

/** The entries of a mapping value ([] when empty or invalid). */
export function readEntries(r: NodeReader, node: Node | null, path: string, pos: Pos): Entry[] {
  const map = readMap(r, node, path, pos);
  return map ? r.entries(map, path) : [];
}

/** A scalar as text; undefined when empty (`key:`) or not a scalar (reported). */
export function readString(r: NodeReader, node: Node | null, path: string, pos: Pos): string | undefined {
  if (isNullish(node)) return undefined;
  if (isScalar(node)) return scalarText(node);
  r.error('INVALID_TYPE', r.posOf(node, pos), (line) => expectedType(path, 'string', kindOf(node), line));
  return undefined;
}

/**
 * A list of strings. A single scalar is taken as a one-element list: AWS accepts `files: '**\/*'`
 * (awslabs/ecs-refarch-continuous-deployment's inline buildspec, corpus 023/057) and a scalar
 * `commands` (AWS CDK's exported-variables example). Empty items are skipped with a warning.
 */
export function readStringList(r: NodeReader, node: Node | null, path: string, pos: Pos): string[] {
  if (isNullish(node)) return [];
  if (isScalar(node)) return [scalarText(node)];
  if (!isSeq(node)) {
    r.error('INVALID_TYPE', r.posOf(node, pos), (line) => expectedType(path, 'sequence', kindOf(node), line));
    return [];
  }
  const out: string[] = [];
  node.items.forEach((raw, i) => {
    const item = r.resolve(raw);
    const itemPos = r.posOfItem(isNode(raw) ? raw : null, r.posOf(node, pos));
    if (isNullish(item)) {
      r.warn('NULL_VALUE', itemPos, (line) => atLine(`Empty item ${path}[${i}] is skipped`, line));
    } else if (isScalar(item)) {
      out.push(scalarText(item));
    } else {
      r.error('INVALID_TYPE', itemPos, (line) => expectedType(`${path}[${i}]`, 'string', kindOf(item), line));
    }
  });
  return out;
}

/**
 * A yes/no flag. go-yaml v2 is YAML 1.1, so `yes`/`no`/`on`/`off`/`true`/`false` are booleans;
 * the quoted forms are accepted too because the documented values are the words `yes | no`.
 */
export function readYesNo(r: NodeReader, node: Node | null, path: string, pos: Pos): boolean | undefined {
  if (isNullish(node)) return undefined;
  if (isScalar(node)) {
    const value: unknown = node.value;
    if (typeof value === 'boolean') return value;
    const word = scalarText(node).toLowerCase();
    if (['yes', 'true', 'on', 'y'].includes(word)) return true;
    if (['no', 'false', 'off', 'n'].includes(word)) return false;
  }
  const at = r.posOf(node, pos);
  const found = isScalar(node) ? `'${scalarText(node)}'` : kindOf(node);
  r.error('INVALID_BOOLEAN', at, (line) => atLine(`Expected ${path} to be yes or no: found ${found} instead`, line));
  return undefined;
}

/** name → text map (env variables, parameter-store, runtime-versions…); an empty value is "". */
export function readStringMap(
  r: NodeReader,
  node: Node | null,
  path: string,
  pos: Pos,
  check?: (entry: Entry, value: string) => void,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readEntries(r, node, path, pos)) {
    if (isNullish(entry.value) || isScalar(entry.value)) {
      const value = isScalar(entry.value) ? scalarText(entry.value) : '';
      out[entry.key] = value;
      check?.(entry, value);
    } else {
      const value = entry.value;
      r.error('INVALID_TYPE', r.posOf(value, entry.pos), (line) =>
        expectedType(`${path}/${entry.key}`, 'string', kindOf(value), line),
      );
    }
  }
  return out;
}

/** Warn about keys a block does not define: AWS's decoder ignores them (yaml.v2, non-strict). */
export function warnUnknownKeys(r: NodeReader, entries: Entry[], known: readonly string[], where: string): void {
  for (const entry of entries) {
    if (!known.includes(entry.key)) r.warn('UNKNOWN_KEY', entry.pos, (line) => unknownKey(entry.key, where, line));
  }
}

/** Look up an entry by key. */
export function entryOf(entries: Entry[], key: string): Entry | undefined {
  return entries.find((e) => e.key === key);
}

/** Keep the normalised form free of `key: undefined` so it compares and serialises cleanly. */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
