import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { JsonPathSyntaxError } from './errors.js';
import { compileJsonPath, UnsupportedJsonPathError } from './json-path.js';

const doc = {
  ref: 'refs/heads/main',
  'odd.key': 1,
  "it's": 2,
  repository: { full_name: 'o/r', private: false, owner: { login: 'o' } },
  commits: [
    { id: 'c1', author: { username: 'alice' }, added: ['a'] },
    { id: 'c2', author: { username: 'bob' }, added: [] },
    { id: 'c3', author: { username: 'carol' }, added: ['b', 'c'] },
  ],
  head_commit: null,
};

describe('selection', () => {
  const cases: Array<[path: string, expected: unknown[], definite: boolean]> = [
    ['$', [doc], true],
    ['$.ref', ['refs/heads/main'], true],
    ["$['ref']", ['refs/heads/main'], true],
    ['$["ref"]', ['refs/heads/main'], true],
    ["$['odd.key']", [1], true],
    ["$['it\\'s']", [2], true],
    ['$.repository.full_name', ['o/r'], true],
    ["$.repository['owner'].login", ['o'], true],
    ['$.repository.private', [false], true],
    ['$.commits[0].id', ['c1'], true],
    ['$.commits[-1].id', ['c3'], true],
    ['$.commits[5].id', [], true],
    ['$.missing', [], true],
    ['$.ref.deeper', [], true],
    ['$.head_commit', [null], true],
    ['$.head_commit.id', [], true],
    ['$.commits[*].id', ['c1', 'c2', 'c3'], false],
    ['$.commits.*.id', ['c1', 'c2', 'c3'], false],
    ['$.commits[0,2].id', ['c1', 'c3'], false],
    ['$.commits[1:].id', ['c2', 'c3'], false],
    ['$.commits[:1].id', ['c1'], false],
    ['$.commits[-2:].id', ['c2', 'c3'], false],
    ['$..username', ['alice', 'bob', 'carol'], false],
    ['$..login', ['o'], false],
    ['$.commits[*].added[*]', ['a', 'b', 'c'], false],
    ["$['ref','missing']", ['refs/heads/main'], false],
    ['$.repository.*', ['o/r', false, { login: 'o' }], false],
    ['$.commits[ 0 ].id', ['c1'], true],
  ];
  for (const [path, expected, definite] of cases) {
    test(path, () => {
      const c = compileJsonPath(path);
      assert.deepEqual(c.select(doc), expected);
      assert.equal(c.definite, definite);
    });
  }
});

describe('invalid and unsupported paths', () => {
  const invalid = ['', 'ref', '$.', '$..', '$[', '$[0', "$['a", '$[a]', '$.a[1:2:3:4]', '$ .a', '$.a]', '$[]', '$.[0]'];
  for (const path of invalid) {
    test(`invalid ${JSON.stringify(path)}`, () => {
      assert.throws(
        () => compileJsonPath(path),
        (e: unknown) => e instanceof JsonPathSyntaxError && !(e instanceof UnsupportedJsonPathError) && e.code === 'InvalidWebhookFilterPattern',
      );
    });
  }
  for (const path of ["$.commits[?(@.id == 'c1')]", '$.commits.length()', '$.a[0:4:2]']) {
    test(`unsupported ${JSON.stringify(path)}`, () => {
      assert.throws(() => compileJsonPath(path), (e: unknown) => e instanceof UnsupportedJsonPathError && e.unsupported && e.code === 'InvalidWebhookFilterPattern');
    });
  }
  test('error messages carry the position', () => {
    assert.throws(() => compileJsonPath('$.a[b]'), /invalid array index at position 4 in JsonPath "\$\.a\[b\]"/);
  });
});

describe('properties', () => {
  test('any string either compiles or is a JsonPathSyntaxError, and selecting never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).map((s) => `$${s}`), fc.jsonValue(), (path, value) => {
        try {
          compileJsonPath(path).select(value);
        } catch (err) {
          assert.ok(err instanceof JsonPathSyntaxError, String(err));
        }
      }),
      { numRuns: 2000 },
    );
  });
  test('a bracketed path of existing keys selects exactly the nested value', () => {
    const keyArb = fc.string({ minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(keyArb, { minLength: 1, maxLength: 4 }), fc.jsonValue(), (keys, leaf) => {
        const root = keys.reduceRight<unknown>((acc, k) => ({ [k]: acc }), leaf);
        const path = `$${keys.map((k) => `['${k.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`).join('')}`;
        const c = compileJsonPath(path);
        assert.equal(c.definite, true);
        assert.deepEqual(c.select(root), [leaf]);
      }),
    );
  });
});
