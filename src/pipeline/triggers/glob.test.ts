import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { GlobSyntaxError } from './errors.js';
import { checkGlob, compileGlob } from './glob.js';

const m = (pattern: string, input: string): boolean => compileGlob(pattern).matches(input);

describe('glob matching (Java NIO semantics)', () => {
  const cases: Array<[pattern: string, input: string, expected: boolean]> = [
    ['main', 'main', true],
    ['main', 'main2', false],
    ['main', 'Main', false], // case-sensitive
    ['feature/*', 'feature/x', true],
    ['feature/*', 'feature/', true],
    ['feature/*', 'feature/a/b', false], // * stays within a segment
    ['feature/**', 'feature/a/b', true],
    ['feature/**', 'feature/', true],
    ['feature/**', 'feature', false],
    ['**', '', true],
    ['*', '', true],
    ['*', 'a/b', false],
    ['**/README.md', 'docs/README.md', true],
    ['**/README.md', 'README.md', false], // `**/` needs a slash, as in Java
    ['common/**/*.js', 'common/a/b/c.js', true],
    ['common/**/*.js', 'common/c.js', false],
    ['common/**.js', 'common/c.js', true],
    ['*.{js,ts}', 'x.ts', true],
    ['*.{js,ts}', 'x.tsx', false],
    ['{main,release/*}', 'release/1.0', true],
    ['{main,release/*}', 'release/1.0/x', false],
    ['{a,}b', 'b', true],
    ['{}x', 'x', true],
    ['v?.0', 'v1.0', true],
    ['v?.0', 'v/.0', false], // ? never matches the separator
    ['v?.0', 'v10.0', false],
    ['[abc]x', 'bx', true],
    ['[abc]x', 'dx', false],
    ['[a-c]', 'b', true],
    ['[a-c]', '-', false],
    ['[!a-c]', 'd', true],
    ['[!a-c]', 'b', false],
    ['[!a]', '/', false], // classes never match '/'
    ['[.-0]', '/', false], // not even through a range
    ['[.-0]', '0', true],
    ['[-a]', '-', true],
    ['[!-a]', '-', false],
    ['[!-a]', 'b', true],
    ['[a-]', '-', true],
    ['[a-]', 'a', true],
    ['[^a]', '^', true], // ^ is literal, not negation
    ['[^a]', 'b', false],
    ['[*?\\]', '\\', true], // nothing escapes inside a class
    ['[*?\\]', '*', true],
    ['[ab-dx]', 'c', true],
    ['[ab-dx]', 'x', true],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['\\{a,b\\}', '{a,b}', true],
    ['a\\,b', 'a,b', true],
    ['a,b', 'a,b', true], // comma outside a group is literal
    ['a}b', 'a}b', true],
    ['a]b', 'a]b', true],
    ['release-(1)+$', 'release-(1)+$', true], // regex metacharacters are literal
    ['***', 'a/b', true],
    ['a**', 'a\nb', false], // ** is Java's `.`: no line terminators
    ['a*', 'a\nb', true], // but * is [^/]
    ['\u00e9*', '\u00e9t\u00e9', true],
  ];
  for (const [pattern, input, expected] of cases) {
    test(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(input)}`, () => {
      assert.equal(m(pattern, input), expected);
    });
  }
});

describe('invalid patterns: Java descriptions and indexes', () => {
  const cases: Array<[pattern: string, description: string, index: number]> = [
    ['feature/[ab', "Missing ']'", 10],
    ['[', "Missing ']'", 0],
    ['[a-', "Missing ']'", 3],
    ['{a,b', "Missing '}'", 3],
    ['{a,{b}}', 'Cannot nest groups', 3],
    ['abc\\', 'No character to escape', 3],
    ['[a/b]', "Explicit 'name separator' in class", 2],
    ['[z-a]', 'Invalid range', 1],
    ['[a-b-c]', 'Invalid range', 4],
    ['[--a]', 'Invalid range', 2],
    ['[]', 'Empty character class', 0],
    ['x[!]', 'Empty character class', 1],
  ];
  for (const [pattern, description, index] of cases) {
    test(`${JSON.stringify(pattern)} → ${description} @${index}`, () => {
      const r = checkGlob(pattern);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.ok(r.error instanceof GlobSyntaxError);
      assert.equal(r.error.code, 'InvalidGlobPattern');
      assert.equal(r.error.index, index);
      assert.ok(r.error.message.startsWith(`${description} near index ${index}`), r.error.message);
      assert.throws(() => compileGlob(pattern), GlobSyntaxError);
    });
  }
});

describe('no catastrophic backtracking', () => {
  // Each would take minutes with a backtracking RegExp; the NFA stays linear in the input.
  const cases: Array<[pattern: string, input: string]> = [
    ['*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)],
    ['**a**a**a**a**a**a**a**a**b', 'a/'.repeat(3000)],
    ['{*a,*a*a,**a}{*a,**a}*b', 'a'.repeat(5000)],
    ['**/**/**/**/**/**/**/**/x', 'a/'.repeat(3000)],
  ];
  for (const [pattern, input] of cases) {
    test(`${pattern} on ${input.length} chars`, { timeout: 10_000 }, () => {
      assert.equal(m(pattern, input), false);
      assert.equal(m(pattern, `${input}b`), pattern.endsWith('b'));
    });
  }
});

/**
 * Reference: a direct port of sun.nio.fs.Globs.toRegexPattern to a JS RegExp (backtracking, fine
 * for the short inputs below). Java's class intersection `[[^/]&&[…]]` becomes a `(?!/)` lookahead.
 */
function referenceRegex(glob: string): RegExp | undefined {
  let re = '^';
  let inGroup = false;
  const hex = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  let i = 0;
  while (i < glob.length) {
    const c = glob[i++] as string;
    if (c === '\\') {
      if (i === glob.length) return undefined;
      re += hex(glob[i++] as string);
    } else if (c === '[') {
      let cls = '';
      let neg = false;
      if (glob[i] === '^') {
        cls += hex('^');
        i++;
      } else {
        if (glob[i] === '!') {
          neg = true;
          i++;
        }
        if (glob[i] === '-') {
          cls += hex('-');
          i++;
        }
      }
      let hasRangeStart = false;
      let last = '';
      let d: string | undefined;
      while (i < glob.length) {
        d = glob.charAt(i++);
        if (d === ']') break;
        if (d === '/') return undefined;
        if (d === '-') {
          if (!hasRangeStart) return undefined;
          d = glob[i++];
          if (d === undefined || d === ']') {
            cls += hex('-');
            break;
          }
          if (d < last) return undefined;
          cls += `-${hex(d)}`;
          hasRangeStart = false;
        } else {
          cls += hex(d);
          hasRangeStart = true;
          last = d;
        }
      }
      if (d !== ']' || cls === '') return undefined;
      re += neg ? `[^/${cls}]` : `(?!/)[${cls}]`;
    } else if (c === '{') {
      if (inGroup) return undefined;
      re += '(?:(?:';
      inGroup = true;
    } else if (c === '}' && inGroup) {
      re += '))';
      inGroup = false;
    } else if (c === ',' && inGroup) re += ')|(?:';
    else if (c === '*') {
      if (glob[i] === '*') {
        re += '[^\\n\\r\\u0085\\u2028\\u2029]*';
        i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += hex(c);
  }
  if (inGroup) return undefined;
  return new RegExp(`${re}$`);
}

describe('property: NFA agrees with the reference regex translation', () => {
  const alphabet = fc.constantFrom('a', 'b', '/', '-', '*', '?', '[', ']', '!', '^', '{', '}', ',', '\\', '.');
  const patternArb = fc.array(alphabet, { maxLength: 12 }).map((cs) => cs.join(''));
  const inputArb = fc.array(fc.constantFrom('a', 'b', '/', '-', '.', '*', ',', '^', '0', '['), { maxLength: 10 }).map((cs) => cs.join(''));

  test('same validity and same answers', () => {
    fc.assert(
      fc.property(patternArb, fc.array(inputArb, { minLength: 1, maxLength: 8 }), (pattern, inputs) => {
        const ref = referenceRegex(pattern);
        const check = checkGlob(pattern);
        assert.equal(check.ok, ref !== undefined, `validity of ${JSON.stringify(pattern)}`);
        if (!ref) return;
        const g = compileGlob(pattern);
        for (const input of inputs) assert.equal(g.matches(input), ref.test(input), `${pattern} vs ${input}`);
      }),
      { numRuns: 3000 },
    );
  });

  test('well-formed pieces (classes, groups, stars) agree too', () => {
    const piece = fc.constantFrom('a', 'b', '/', '.', '*', '**', '?', '[a-b]', '[!a]', '[-a]', '[^a]', '[a-]', '[.-0]', '{a,b/*}', '{,a}', '{**,b}', '\\*', '\\[');
    const patternOf = fc.array(piece, { maxLength: 6 }).map((ps) => ps.join('')).filter((p) => (p.match(/\{/g) ?? []).length <= 1);
    fc.assert(
      fc.property(patternOf, fc.array(inputArb, { minLength: 1, maxLength: 8 }), (pattern, inputs) => {
        const ref = referenceRegex(pattern);
        assert.ok(ref, pattern);
        const g = compileGlob(pattern);
        for (const input of inputs) assert.equal(g.matches(input), ref.test(input), `${pattern} vs ${input}`);
      }),
      { numRuns: 3000 },
    );
  });

  test('a literal pattern (every character escaped) matches exactly itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (s, other) => {
        const g = compileGlob(s.replace(/[\\*?[\]{},]/g, (x) => `\\${x}`));
        assert.equal(g.matches(s), true);
        assert.equal(g.matches(other), other === s);
      }),
    );
  });
});
