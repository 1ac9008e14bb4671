/**
 * Parser for the Java NIO "glob" syntax (FileSystem.getPathMatcher("glob:…")) that CodePipeline V2
 * trigger patterns use (spec C.6). It follows sun.nio.fs.Globs.toRegexPattern rule for rule, so a
 * pattern AWS rejects is rejected here with the same description and index:
 *   `*` any run of characters except `/`     `**` any run of characters, `/` included
 *   `?` one character except `/`             `[abc]` `[a-z]` `[!a-z]` one character (never `/`)
 *   `{a,b}` alternatives (no nesting)        `\x` the character x, literally
 * Inside `[...]` nothing escapes (`\`, `*`, `?` are literal), a `-` is literal when it comes first
 * (after an optional `!`) or last, and `/` is an error. A `^` right after `[` is a literal `^`,
 * not a negation (Java escapes it). Code units, not code points, are the unit of `?` (Java chars).
 */
import { GlobSyntaxError } from './errors.js';

export type GlobAtom =
  | { kind: 'char'; code: number }
  | { kind: 'one' } // `?`
  | { kind: 'star' } // `*`
  | { kind: 'starstar' } // `**`
  | { kind: 'class'; negated: boolean; ranges: Array<[lo: number, hi: number]> };

export type GlobElement = GlobAtom | { kind: 'group'; alternatives: GlobAtom[][] };

const EOL = -1;

export function parseGlob(pattern: string): GlobElement[] {
  const out: GlobElement[] = [];
  let group: GlobAtom[][] | undefined;
  const emit = (a: GlobAtom): void => {
    if (group) (group[group.length - 1] as GlobAtom[]).push(a);
    else out.push(a);
  };
  const at = (i: number): number => (i < pattern.length ? pattern.charCodeAt(i) : EOL);
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i++] as string;
    switch (c) {
      case '\\': {
        if (i === pattern.length) throw new GlobSyntaxError(pattern, 'No character to escape', i - 1);
        emit({ kind: 'char', code: pattern.charCodeAt(i++) });
        break;
      }
      case '[':
        i = parseClass(pattern, i, emit, at);
        break;
      case '{':
        if (group) throw new GlobSyntaxError(pattern, 'Cannot nest groups', i - 1);
        group = [[]];
        break;
      case '}':
        if (group) {
          out.push({ kind: 'group', alternatives: group });
          group = undefined;
        } else emit({ kind: 'char', code: 0x7d });
        break;
      case ',':
        if (group) group.push([]);
        else emit({ kind: 'char', code: 0x2c });
        break;
      case '*':
        if (at(i) === 0x2a) {
          i++;
          emit({ kind: 'starstar' });
        } else emit({ kind: 'star' });
        break;
      case '?':
        emit({ kind: 'one' });
        break;
      default:
        emit({ kind: 'char', code: c.charCodeAt(0) });
    }
  }
  if (group) throw new GlobSyntaxError(pattern, "Missing '}'", i - 1);
  return out;
}

/** Parses a class starting after its `[`; returns the index after its `]`. */
function parseClass(pattern: string, start: number, emit: (a: GlobAtom) => void, at: (i: number) => number): number {
  let i = start;
  let negated = false;
  const ranges: Array<[number, number]> = [];
  if (at(i) === 0x5e /* ^ */) {
    ranges.push([0x5e, 0x5e]);
    i++;
  } else {
    if (at(i) === 0x21 /* ! */) {
      negated = true;
      i++;
    }
    if (at(i) === 0x2d /* - */) {
      ranges.push([0x2d, 0x2d]);
      i++;
    }
  }
  let hasRangeStart = false;
  let last = 0;
  let c = EOL;
  while (i < pattern.length) {
    c = pattern.charCodeAt(i++);
    if (c === 0x5d /* ] */) break;
    if (c === 0x2f /* / */) throw new GlobSyntaxError(pattern, "Explicit 'name separator' in class", i - 1);
    if (c === 0x2d /* - */) {
      if (!hasRangeStart) throw new GlobSyntaxError(pattern, 'Invalid range', i - 1);
      const hi = at(i++);
      if (hi === EOL || hi === 0x5d) {
        // `[a-]`: Java emits a trailing `-`, which its regex reads as a literal.
        ranges.push([0x2d, 0x2d]);
        c = hi;
        break;
      }
      if (hi < last) throw new GlobSyntaxError(pattern, 'Invalid range', i - 3);
      const prev = ranges.pop() as [number, number];
      ranges.push([prev[0], hi]);
      hasRangeStart = false;
    } else {
      ranges.push([c, c]);
      hasRangeStart = true;
      last = c;
    }
  }
  if (c !== 0x5d) throw new GlobSyntaxError(pattern, "Missing ']'", i - 1);
  // Java would hand `[]` to its regex engine, which rejects an empty class; say so directly.
  if (ranges.length === 0) throw new GlobSyntaxError(pattern, 'Empty character class', start - 1);
  emit({ kind: 'class', negated, ranges });
  return i;
}
