/**
 * Java NIO glob matching (spec C.6) for trigger branch, tag and file-path patterns.
 *
 * Why not a RegExp: the straightforward translation (`*` → `[^/]*`, `**` → `.*`) backtracks, and
 * `*a*a*a*a*b` against a long run of `a`s takes polynomial-to-exponential time in V8. Patterns come
 * from users and are evaluated on every push, so we compile to a Thompson NFA instead and simulate
 * it over the input's UTF-16 code units: O(pattern × input) in the worst case, no backtracking.
 *
 * Contract: `compileGlob` throws GlobSyntaxError for a pattern Java would reject; `matches` tests
 * the whole string (Java's `^…$`), case-sensitively.
 */
import { GlobSyntaxError } from './errors.js';
import { parseGlob, type GlobAtom, type GlobElement } from './glob-parse.js';

export interface Glob {
  readonly pattern: string;
  matches(input: string): boolean;
}

type Test = (code: number) => boolean;

const SLASH = 0x2f;
const notSlash: Test = (c) => c !== SLASH;
// Java's `.` (from `**`) stops at line terminators; names never contain them, paths rarely do.
const notLineTerminator: Test = (c) => c !== 0x0a && c !== 0x0d && c !== 0x85 && c !== 0x2028 && c !== 0x2029;

class NfaBuilder {
  readonly tests: Array<Test | undefined> = [];
  readonly on: number[] = [];
  readonly eps: number[][] = [];

  add(test: Test | undefined, on: number, eps: number[]): number {
    this.tests.push(test);
    this.on.push(on);
    this.eps.push(eps);
    return this.tests.length - 1;
  }

  /** Builds `atoms` in front of state `next`; returns the entry state. */
  sequence(atoms: readonly GlobElement[], next: number): number {
    let entry = next;
    for (let k = atoms.length - 1; k >= 0; k--) entry = this.element(atoms[k] as GlobElement, entry);
    return entry;
  }

  private element(el: GlobElement, next: number): number {
    if (el.kind === 'group') return this.add(undefined, -1, el.alternatives.map((alt) => this.sequence(alt, next)));
    if (el.kind === 'star' || el.kind === 'starstar') {
      const s = this.add(el.kind === 'star' ? notSlash : notLineTerminator, -1, [next]);
      this.on[s] = s; // loop on itself
      return s;
    }
    return this.add(atomTest(el), next, []);
  }
}

function atomTest(a: Exclude<GlobAtom, { kind: 'star' | 'starstar' }>): Test {
  switch (a.kind) {
    case 'char':
      return (c) => c === a.code;
    case 'one':
      return notSlash;
    case 'class': {
      const { ranges, negated } = a;
      return (c) => {
        if (c === SLASH) return false; // Java intersects every class with [^/]
        let inside = false;
        for (const [lo, hi] of ranges) if (c >= lo && c <= hi) inside = true;
        return inside !== negated;
      };
    }
  }
}

export function compileGlob(pattern: string): Glob {
  const b = new NfaBuilder();
  const accept = b.add(undefined, -1, []);
  const start = b.sequence(parseGlob(pattern), accept);
  const { tests, on, eps } = b;
  const mark = new Int32Array(tests.length).fill(-1);
  return {
    pattern,
    matches(input: string): boolean {
      let gen = 0;
      const closure = (from: number, into: number[]): void => {
        const stack = [from];
        while (stack.length > 0) {
          const s = stack.pop() as number;
          if (mark[s] === gen) continue;
          mark[s] = gen;
          into.push(s);
          for (const e of eps[s] as number[]) stack.push(e);
        }
      };
      mark.fill(-1);
      let current: number[] = [];
      closure(start, current);
      for (let i = 0; i < input.length && current.length > 0; i++) {
        const code = input.charCodeAt(i);
        gen++;
        const next: number[] = [];
        for (const s of current) if (tests[s]?.(code) === true) closure(on[s] as number, next);
        current = next;
      }
      return current.includes(accept);
    },
  };
}

/** Whether `pattern` compiles; the error (with Java's description and index) when it does not. */
export function checkGlob(pattern: string): { ok: true } | { ok: false; error: GlobSyntaxError } {
  try {
    parseGlob(pattern);
    return { ok: true };
  } catch (err) {
    if (err instanceof GlobSyntaxError) return { ok: false, error: err };
    throw err;
  }
}
