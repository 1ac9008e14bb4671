/**
 * The Jayway JsonPath subset CodePipeline webhook filters use (spec D.4):
 *   $                root              .name / ['name'] / ["name"]   child property
 *   ['a','b']        several props     [0] [-1] [0,2]                array index(es)
 *   [1:3] [:2] [-2:] array slice       .* / [*]                      wildcard
 *   ..name  ..*  ..[0]                 deep scan
 * Filters `[?(…)]` and functions `.length()` are valid Jayway but not implemented: they are
 * rejected at compile time (PutWebhook) with `unsupported: true` rather than silently never matching.
 *
 * Evaluation returns the selected values. A path is "definite" (Jayway's term) when it can select
 * at most one value: only single properties and single indexes. Missing properties and
 * out-of-range indexes select nothing (Jayway's PathNotFoundException / skipped leaf).
 */
import { JsonPathSyntaxError } from './errors.js';

type Segment =
  | { kind: 'props'; names: string[] }
  | { kind: 'indexes'; indexes: number[] }
  | { kind: 'slice'; start?: number; end?: number }
  | { kind: 'wildcard' }
  | { kind: 'scan'; then: Exclude<Segment, { kind: 'scan' }> };

export interface CompiledJsonPath {
  readonly path: string;
  /** At most one value can be selected. */
  readonly definite: boolean;
  select(document: unknown): unknown[];
}

export class UnsupportedJsonPathError extends JsonPathSyntaxError {
  readonly unsupported = true;
}

export function compileJsonPath(path: string): CompiledJsonPath {
  const segments = parse(path);
  const definite = segments.every((s) => (s.kind === 'props' && s.names.length === 1) || (s.kind === 'indexes' && s.indexes.length === 1));
  return { path, definite, select: (doc) => segments.reduce<unknown[]>((nodes, seg) => nodes.flatMap((n) => apply(seg, n)), [doc]) };
}

function apply(seg: Segment, node: unknown): unknown[] {
  switch (seg.kind) {
    case 'props':
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
      return seg.names.filter((n) => Object.hasOwn(node, n)).map((n) => (node as Record<string, unknown>)[n]);
    case 'indexes':
      if (!Array.isArray(node)) return [];
      return seg.indexes.map((i) => (i < 0 ? node.length + i : i)).filter((i) => i >= 0 && i < node.length).map((i) => node[i] as unknown);
    case 'slice': {
      if (!Array.isArray(node)) return [];
      const norm = (i: number): number => Math.min(node.length, Math.max(0, i < 0 ? node.length + i : i));
      return node.slice(norm(seg.start ?? 0), norm(seg.end ?? node.length));
    }
    case 'wildcard':
      return children(node);
    case 'scan': {
      const out: unknown[] = [];
      const stack: unknown[] = [node];
      // Pre-order walk (document order) without recursion: payloads can nest deeply.
      while (stack.length > 0) {
        const n = stack.pop();
        out.push(...apply(seg.then, n));
        stack.push(...children(n).reverse());
      }
      return out;
    }
  }
}

function children(node: unknown): unknown[] {
  if (Array.isArray(node)) return node as unknown[];
  if (typeof node === 'object' && node !== null) return Object.values(node);
  return [];
}

function parse(path: string): Segment[] {
  const fail = (what: string, at: number): never => {
    throw new JsonPathSyntaxError(path, what, at);
  };
  const p = path.trim();
  if (!p.startsWith('$')) fail("path must start with '$'", 0);
  const segments: Segment[] = [];
  let i = 1;
  while (i < p.length) {
    const c = p[i];
    if (c === '.') {
      const scan = p[i + 1] === '.';
      i += scan ? 2 : 1;
      let seg: Exclude<Segment, { kind: 'scan' }>;
      if (p[i] === '[') [seg, i] = parseBracket(p, i, path);
      else if (p[i] === '*') {
        seg = { kind: 'wildcard' };
        i++;
      } else {
        const m = /^[^.[\]\s()'"]+/.exec(p.slice(i));
        if (!m) return fail('expected a property name', i);
        i += m[0].length;
        if (p[i] === '(') throw new UnsupportedJsonPathError(path, 'functions are not supported', i);
        seg = { kind: 'props', names: [m[0]] };
      }
      if (!scan && seg.kind !== 'props' && seg.kind !== 'wildcard') fail("unexpected '[' after '.'", i);
      segments.push(scan ? { kind: 'scan', then: seg } : seg);
    } else if (c === '[') {
      let seg: Exclude<Segment, { kind: 'scan' }>;
      [seg, i] = parseBracket(p, i, path);
      segments.push(seg);
    } else fail(`unexpected character ${JSON.stringify(c)}`, i);
  }
  return segments;
}

/** Parses `[...]` at `start`; returns the segment and the index after `]`. */
function parseBracket(p: string, start: number, path: string): [Exclude<Segment, { kind: 'scan' }>, number] {
  const fail = (what: string, at: number): never => {
    throw new JsonPathSyntaxError(path, what, at);
  };
  let i = start + 1;
  const skipWs = (): void => {
    while (p[i] === ' ') i++;
  };
  skipWs();
  if (p[i] === '?' || p[i] === '(') throw new UnsupportedJsonPathError(path, 'filter and script expressions are not supported', i);
  if (p[i] === '*') {
    i++;
    skipWs();
    if (p[i] !== ']') fail("expected ']'", i);
    return [{ kind: 'wildcard' }, i + 1];
  }
  if (p[i] === "'" || p[i] === '"') {
    const names: string[] = [];
    for (;;) {
      const quote = p[i];
      if (quote !== "'" && quote !== '"') return fail('expected a quoted property name', i);
      let name = '';
      i++;
      while (i < p.length && p[i] !== quote) {
        if (p[i] === '\\' && i + 1 < p.length) i++;
        name += p[i];
        i++;
      }
      if (i >= p.length) fail('unterminated quoted property name', start);
      names.push(name);
      i++;
      skipWs();
      if (p[i] === ']') return [{ kind: 'props', names }, i + 1];
      if (p[i] !== ',') fail("expected ',' or ']'", i);
      i++;
      skipWs();
    }
  }
  const close = p.indexOf(']', i);
  if (close < 0) fail("missing ']'", start);
  const body = p.slice(i, close).replace(/\s+/g, '');
  const int = /^-?\d+$/;
  if (body.includes(':')) {
    const parts = body.split(':');
    if (parts.length > 3 || parts.some((x) => x !== '' && !int.test(x))) fail('invalid array slice', i);
    if (parts.length === 3 && parts[2] !== '' && parts[2] !== '1') throw new UnsupportedJsonPathError(path, 'slice steps are not supported', i);
    const num = (x: string | undefined): number | undefined => (x === undefined || x === '' ? undefined : Number(x));
    return [{ kind: 'slice', start: num(parts[0]), end: num(parts[1]) }, close + 1];
  }
  const items = body.split(',');
  if (body === '' || !items.every((x) => int.test(x))) fail('invalid array index', i);
  return [{ kind: 'indexes', indexes: items.map(Number) }, close + 1];
}
