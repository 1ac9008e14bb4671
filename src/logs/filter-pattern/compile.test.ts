import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compileFilterPattern } from './compile.js';

function matches(pattern: string, message: string): boolean {
  const c = compileFilterPattern(pattern);
  if (!c.ok) throw new Error(`pattern ${JSON.stringify(pattern)} did not compile: ${c.message}`);
  return c.match(message);
}

describe('term patterns', () => {
  const cases: Array<[pattern: string, message: string, expected: boolean]> = [
    ['', 'anything', true],
    ['   ', 'anything', true],
    ['ERROR', 'an ERROR here', true],
    ['ERROR', 'an error here', false], // case-sensitive
    ['ERROR Exception', 'ERROR: NullPointerException', true],
    ['ERROR Exception', 'ERROR only', false],
    ['"Failed to process"', 'job 7: Failed to process input', true],
    ['"Failed to process"', 'Failed to  process', false],
    ['"say \\"hi\\""', 'they say "hi" twice', true],
    ['?ERROR ?WARN', 'WARN: disk', true],
    ['?ERROR ?WARN', 'INFO: ok', false],
    ['ERROR -Exiting', 'ERROR: retrying', true],
    ['ERROR -Exiting', 'ERROR: Exiting now', false],
    ['-"health check"', 'GET /health', true],
    ['-"health check"', 'GET health check ok', false],
    ['ERROR ?db ?cache', 'ERROR in cache', true],
    ['ERROR ?db ?cache', 'ERROR in queue', false],
    ['%ERR(OR)? \\d+%', 'got ERR 42', true],
    ['%ERR(OR)? \\d+%', 'got ERROR x', false],
    ['"[Container]"', 'x [Container] y', true],
  ];
  for (const [pattern, message, expected] of cases) {
    test(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(message)}`, () => {
      assert.equal(matches(pattern, message), expected);
    });
  }
});

describe('JSON patterns', () => {
  const doc = JSON.stringify({ level: 'error', latency: 75, user: { id: 7, name: 'ann' }, tags: ['a', 'b'], items: [{ id: 1 }, { id: 3 }], ok: true, nothing: null });
  const cases: Array<[pattern: string, expected: boolean]> = [
    ['{ $.level = "error" }', true],
    ['{ $.level = error }', true],
    ['{ $.level = "err*" }', true],
    ['{ $.level = "*ror" }', true],
    ['{ $.level = "warn" }', false],
    ['{ $.level != "warn" }', true],
    ['{ $.latency > 50 }', true],
    ['{ $.latency >= 75 && $.latency <= 75 }', true],
    ['{ $.latency < 50 }', false],
    ['{ $.latency = 75.0 }', true],
    ['{ $.user.id = 7 && $.user.name = "ann" }', true],
    ['{ $.user.id = 8 || $.user.name = "ann" }', true],
    ['{ ($.user.id = 8) || ($.level = "warn") }', false],
    ['{ $.tags[1] = "b" }', true],
    ['{ $.items[*].id = 3 }', true],
    ['{ $.ok IS TRUE }', true],
    ['{ $.ok IS FALSE }', false],
    ['{ $.nothing IS NULL }', true],
    ['{ $.missing NOT EXISTS }', true],
    ['{ $.level NOT EXISTS }', false],
    ['{ $.missing = "x" }', false],
    ['{ $.missing != "x" }', false],
  ];
  for (const [pattern, expected] of cases) {
    test(`${pattern} → ${expected}`, () => assert.equal(matches(pattern, doc), expected));
  }

  test('a message that is not JSON matches no JSON pattern', () => {
    assert.equal(matches('{ $.level = "error" }', 'level=error'), false);
    assert.equal(matches('{ $.missing NOT EXISTS }', 'plain text'), false);
  });
});

describe('patterns AWS refuses', () => {
  const cases: Array<[pattern: string, message: RegExp]> = [
    ['?', /^Invalid character\(s\) in term '\?'$/],
    ['ERROR -', /^Invalid character\(s\) in term '-'$/],
    ['""', /^Invalid character\(s\) in term '""'$/],
    ['"unterminated', /^Invalid filter pattern$/],
    ['{ $.level = "error"', /^If a filter pattern starts with '\{' it must end with '\}'$/],
    ['{ level = "error" }', /Invalid/],
    ['{ $.a = }', /^Invalid filter pattern$/],
    ['{ $.a = 1 && }', /^Invalid filter pattern$/],
    ['%(unclosed%', /^Invalid filter pattern$/],
    ['[ip, user]', /space-delimited/],
  ];
  for (const [pattern, message] of cases) {
    test(JSON.stringify(pattern), () => {
      const c = compileFilterPattern(pattern);
      assert.equal(c.ok, false);
      if (!c.ok) assert.match(c.message, message);
    });
  }
});

describe('properties', () => {
  test('compiling and matching never throw, whatever the pattern and message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (pattern, message) => {
        const c = compileFilterPattern(pattern);
        if (c.ok) c.match(message);
      }),
      { numRuns: 3000 },
    );
  });

  test('…including patterns built from the syntax’s own characters', () => {
    const alphabet = fc.constantFrom('{', '}', '[', ']', '(', ')', '$', '.', '"', '\\', '?', '-', '%', '*', '=', '!', '<', '>', '&', '|', ' ', 'a', '1', 'IS', 'NOT', 'EXISTS');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), fc.json(), (parts, message) => {
        const c = compileFilterPattern(parts.join(''));
        if (c.ok) c.match(message);
      }),
      { numRuns: 3000 },
    );
  });

  test('a single term matches iff the message contains it (case-sensitive)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/), fc.string({ maxLength: 60 }), (term, message) => {
        assert.equal(matches(term, message), message.includes(term));
        assert.equal(matches(`"${term}"`, message), message.includes(term));
        assert.equal(matches(`-${term}`, message), !message.includes(term));
      }),
      { numRuns: 2000 },
    );
  });

  test('a term planted in a message is always found', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/), fc.string(), fc.string(), (term, before, after) => {
        assert.equal(matches(term, before + term + after), true);
      }),
    );
  });
});
