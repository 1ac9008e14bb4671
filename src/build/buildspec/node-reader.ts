/**
 * Reads the `yaml` AST the way CodeBuild's Go agent reads a buildspec (go-yaml v2, non-strict):
 *  - a scalar read as a string keeps its text as written (`1.10` stays "1.10", `yes` stays "yes");
 *  - duplicate keys are not an error, the last one wins (corpus 021 ran on AWS with seven `key:`);
 *  - YAML 1.1 merge keys (`<<: *base`) are honoured;
 *  - unknown keys are ignored (we warn).
 * Every problem becomes a Diagnostic positioned at the node; nothing here throws.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Diagnostic, DiagnosticCode, Severity } from './diagnostic.js';
import { expectedType } from './messages.js';

export interface Pos {
  line: number;
  column: number;
}

export interface Entry {
  key: string;
  /** Position of the key: where diagnostics about this entry point. */
  pos: Pos;
  /** The value with aliases resolved; null for an empty value (`key:`). */
  value: Node | null;
}

/** Guards against alias chains and merge nesting that would never end or explode. */
const MAX_ALIAS_HOPS = 32;
const MAX_MERGE_DEPTH = 4;

export class NodeReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  documentContents(): unknown {
    return this.doc.contents;
  }

  at(offset: number): Pos {
    const { line, col } = this.lines.linePos(Math.max(0, offset));
    return { line: Math.max(1, line), column: Math.max(1, col) };
  }

  /** Where a node starts; an empty value has no text of its own, so it points at `fallback`. */
  posOf(node: Node | null | undefined, fallback: Pos): Pos {
    if (!node || !node.range || isEmptyScalar(node)) return fallback;
    return this.at(node.range[0]);
  }

  /** A sequence item, empty or not, points at itself (an empty `-` item still has a place). */
  posOfItem(node: Node | null, fallback: Pos): Pos {
    return node?.range ? this.at(node.range[0]) : fallback;
  }

  report(severity: Severity, code: DiagnosticCode, pos: Pos, message: (line: number) => string): void {
    this.diagnostics.push({ file: this.file, ...pos, severity, code, message: message(pos.line) });
  }

  error(code: DiagnosticCode, pos: Pos, message: (line: number) => string): void {
    this.report('error', code, pos, message);
  }

  warn(code: DiagnosticCode, pos: Pos, message: (line: number) => string): void {
    this.report('warning', code, pos, message);
  }

  resolve(node: unknown): Node | null {
    let current = node;
    for (let hops = 0; isAlias(current); hops++) {
      if (hops >= MAX_ALIAS_HOPS) return null;
      current = current.resolve(this.doc) ?? null;
    }
    return isMap(current) || isSeq(current) || isScalar(current) ? current : null;
  }

  /** The mapping's entries in order, with merges applied and duplicates resolved (last wins). */
  entries(map: YAMLMap, where: string, depth = 0): Entry[] {
    const result: Entry[] = [];
    const index = new Map<string, number>();
    const merged: Entry[] = [];
    for (const pair of map.items) {
      const keyNode = this.resolve(pair.key);
      const pos = this.posOf(keyNode, this.at(map.range?.[0] ?? 0));
      if (!isScalar(keyNode)) {
        this.error('INVALID_TYPE', pos, (line) => expectedType(`a key in ${where}`, 'string', kindOf(keyNode), line));
        continue;
      }
      const key = scalarText(keyNode);
      const value = this.resolve(pair.value);
      if (key === '<<' && keyNode.type === 'PLAIN' && depth < MAX_MERGE_DEPTH) {
        merged.push(...this.mergeSources(value, pos, where, depth));
        continue;
      }
      const previous = index.get(key);
      if (previous !== undefined) {
        const earlier = result[previous]?.pos.line;
        this.warn('DUPLICATE_KEY', pos, (line) =>
          `Duplicate key '${key}' in ${where} replaces the one at line ${earlier ?? line}: the last value is used at line ${line}`,
        );
        result[previous] = { key, pos, value };
        continue;
      }
      index.set(key, result.length);
      result.push({ key, pos, value });
    }
    // Explicit keys win over merged ones (YAML 1.1 merge semantics); earlier merge sources win too.
    for (const entry of merged) {
      if (index.has(entry.key)) continue;
      index.set(entry.key, result.length);
      result.push(entry);
    }
    return result;
  }

  private mergeSources(value: Node | null, pos: Pos, where: string, depth: number): Entry[] {
    const sources = isSeq(value) ? value.items.map((item) => this.resolve(item)) : [value];
    const out: Entry[] = [];
    for (const source of sources) {
      if (isMap(source)) out.push(...this.entries(source, where, depth + 1));
      else this.error('INVALID_TYPE', pos, (line) => expectedType(`the merge key in ${where}`, 'map', kindOf(source), line));
    }
    return out;
  }
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && (node.source === '' || node.source === undefined);
}

/** go-yaml v2 decoding a scalar into a string: the text as written; null → "". */
export function scalarText(node: Scalar): string {
  const value: unknown = node.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof node.source === 'string' && node.source !== '') return node.source;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}

/** Kind names used in "found X instead": AWS says "subkeys" for a mapping. */
export function kindOf(node: Node | null): string {
  if (node === null || (isScalar(node) && node.value === null)) return 'null';
  if (isMap(node)) return 'subkeys';
  if (isSeq(node)) return 'sequence';
  if (isScalar(node)) {
    const value: unknown = node.value;
    return typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
  }
  return 'unknown';
}

export function isNullish(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

export type { YAMLMap, YAMLSeq };
