import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as generated from './generated/index.js';
import { compileJavaPattern } from './java-regex.js';
import type { ServiceModel } from './types.js';

describe('compileJavaPattern', () => {
  const matches: Array<[pattern: string, value: string, expected: boolean]> = [
    // Whole-value matching, as Java's Matcher.matches(): DynamoDB rejects 'abc;' for this pattern.
    ['[a-zA-Z0-9_.-]+', 'abc', true],
    ['[a-zA-Z0-9_.-]+', 'abc;', false],
    ['a|b', 'ab', false],
    // \p{…} Unicode categories need the u flag.
    ['^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$', 'clé 1', true],
    ['^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$', 'a#b', false],
    // Java identity escapes that u-mode JS refuses.
    ['^[\\w\\.\\-\\:\\/ ]*$', 'a.b-c:d/e f', true],
    ['^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$', '!a=b', true],
    ['^[0-9a-f]{8}\\-[0-9a-f]{4}$', '0123abcd-ef01', true],
    // `\-` inside a class stays a literal dash, not a range.
    ['[a\\-z]+', 'b', false],
    // Leading inline flags.
    ['(?i)all|[0-9]{12}', 'ALL', true],
    ['(?i)all|[0-9]{12}', '123456789012', true],
    // POSIX classes are ASCII in Java.
    ['\\p{Alnum}+', 'abc123', true],
    ['[\\p{Alpha}_]+', 'a_b', true],
    ['\\p{Alnum}+', 'é', false],
    ['\\Aab\\z', 'ab', true],
  ];
  for (const [pattern, value, expected] of matches) {
    it(`${pattern} ${expected ? 'matches' : 'rejects'} ${JSON.stringify(value)}`, () => {
      const re = compileJavaPattern(pattern);
      assert.ok(re, 'pattern should compile');
      assert.equal(re.test(value), expected);
    });
  }

  for (const pattern of ['a*+b', '(?>a|ab)c', '\\Qa.b\\E', '[a-z&&[^e]]', '[a-c[x-z]]', 'a(?i)b', '\\P{Alpha}[\\P{Digit}]']) {
    it(`gives up (no check) on ${pattern}`, () => {
      assert.equal(compileJavaPattern(pattern), undefined);
    });
  }

  it('caches compiled patterns', () => {
    assert.equal(compileJavaPattern('[a-z]+'), compileJavaPattern('[a-z]+'));
  });

  it('compiles every pattern of every generated model', () => {
    const models = Object.values(generated).filter((m): m is ServiceModel => typeof m === 'object' && 'shapes' in m);
    const failed = models.flatMap((m) => Object.values(m.shapes).map((s) => s.pattern))
      .filter((p): p is string => p !== undefined && compileJavaPattern(p) === undefined);
    assert.deepEqual(failed, []);
  });
});
