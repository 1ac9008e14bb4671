/**
 * CodeBuild's path globs (spec A.12, `[DOC:build-spec-ref]`): `*` and `?` stay inside one path
 * segment, `**` as a whole segment spans zero or more directories, `[abc]`/`[!a-z]` are classes
 * and `\` escapes. There is no dotfile rule: `*` matches `.env` and `**` enters `.git`, as Go's
 * filepath.Match (the agent is a Go program) does. Braces are literal (unverified either way).
 *
 * A glob is matched segment by segment so a directory walk can prune: `canDescend` says whether
 * anything below a directory could still match.
 */

type Segment = { kind: 'globstar' } | { kind: 'literal'; text: string } | { kind: 'pattern'; re: RegExp };

export interface Glob {
  readonly source: string;
  matches(segments: readonly string[]): boolean;
  /** False when nothing below this directory can match, so the walk skips it. */
  canDescend(segments: readonly string[]): boolean;
}

export function hasWildcard(text: string): boolean {
  return /[*?[\\]/.test(text);
}

/** Splits a relative path or pattern into segments, dropping empty and `.` segments. */
export function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '' && s !== '.');
}

export function compileGlob(pattern: string): Glob {
  const segments = splitPath(pattern).map(compileSegment);
  return {
    source: pattern,
    matches: (path) => run(segments, path).has(segments.length),
    canDescend: (path) => [...run(segments, path)].some((i) => i < segments.length),
  };
}

function compileSegment(text: string): Segment {
  if (text === '**') return { kind: 'globstar' };
  if (!hasWildcard(text)) return { kind: 'literal', text };
  return { kind: 'pattern', re: new RegExp(`^${toRegExp(text)}$`, 'u') };
}

function toRegExp(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '*') {
      while (text[i + 1] === '*') i++;
      out += '.*';
    } else if (c === '?') {
      out += '.';
    } else if (c === '\\' && i + 1 < text.length) {
      out += escape(text[++i]!);
    } else if (c === '[') {
      const end = classEnd(text, i);
      if (end < 0) out += '\\[';
      else {
        out += toClass(text.slice(i + 1, end));
        i = end;
      }
    } else {
      out += escape(c);
    }
  }
  return out;
}

function classEnd(text: string, open: number): number {
  let i = open + 1;
  if (text[i] === '!' || text[i] === '^') i++;
  if (text[i] === ']') i++;
  for (; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ']') return i;
  }
  return -1;
}

function toClass(body: string): string {
  const negate = body.startsWith('!') || body.startsWith('^');
  const items = (negate ? body.slice(1) : body).replace(/\\(.)/gu, '$1');
  const escaped = items.replace(/[\\\]^]/gu, (m) => `\\${m}`);
  return `[${negate ? '^' : ''}${escaped}]`;
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

/** NFA over segments: the set of pattern positions reachable after consuming `path`. */
function run(pattern: readonly Segment[], path: readonly string[]): Set<number> {
  let states = closure(pattern, new Set([0]));
  for (const seg of path) {
    const next = new Set<number>();
    for (const i of states) {
      const p = pattern[i];
      if (!p) continue;
      if (p.kind === 'globstar') next.add(i);
      else if (p.kind === 'literal' ? p.text === seg : p.re.test(seg)) next.add(i + 1);
    }
    states = closure(pattern, next);
    if (states.size === 0) break;
  }
  return states;
}

function closure(pattern: readonly Segment[], states: Set<number>): Set<number> {
  for (const i of states) {
    if (pattern[i]?.kind === 'globstar') states.add(i + 1);
  }
  return states;
}
