/**
 * Property tests (DESIGN.md §6): parseBuildspec never throws, every diagnostic is positioned
 * (line ≥ 1, column ≥ 1), our safety net never fires, and a returned buildspec means no errors.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseBuildspec } from './parse-buildspec.js';

function check(text: string): void {
  const result = parseBuildspec(text, 'buildspec.yml');
  for (const d of result.diagnostics) {
    assert.ok(Number.isInteger(d.line) && d.line >= 1, `line ${d.line}`);
    assert.ok(Number.isInteger(d.column) && d.column >= 1, `column ${d.column}`);
    assert.notEqual(d.code, 'INTERNAL_ERROR', d.message);
    assert.ok(d.message.length > 0);
  }
  if (result.buildspec) assert.ok(result.diagnostics.every((d) => d.severity === 'warning'));
}

test('any string: never throws, every diagnostic is positioned', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => check(text)), { numRuns: 1000 });
});

// Buildspec-shaped noise reaches the schema readers, not only the YAML parser.
const token = fc.constantFrom(
  'version: 0.2', 'version: 0.1', 'version: 0.0', 'version:', 'phases:', 'install:', 'pre_build:', 'build:', 'post_build:',
  'commands:', 'finally:', 'runtime-versions:', 'on-failure: RETRY-2-x', 'on-failure: ABORT', 'run-as: root', 'env:',
  'variables:', 'parameter-store:', 'secrets-manager:', 'exported-variables:', 'shell: bash', 'git-credential-helper: yes',
  'artifacts:', 'files:', 'secondary-artifacts:', 'discard-paths: yes', 'reports:', 'file-format: junitxml', 'cache:',
  'paths:', 'key: k', 'fallback-keys:', 'batch:', 'build-list:', 'build-graph:', 'build-matrix:', 'static:', 'dynamic:',
  'identifier: a', 'depend-on:', 'containers:', 'proxy:', 'A: 1', '- echo hi', '- echo "a: b"', '-', '- [a, b]', '- {a: b}',
  '&x', '*x', '<<: *x', '<<: [*x]', '? k', ': v', '---', '|', '>-', '"', "'", '#', '\t', '{', '}', '[', ']', ',', 'null', '~',
);
const line = fc.tuple(fc.nat({ max: 8 }), fc.array(token, { minLength: 1, maxLength: 3 })).map(([indent, parts]) => ' '.repeat(indent) + parts.join(' '));

test('buildspec-shaped text: never throws, every diagnostic is positioned', () => {
  fc.assert(fc.property(fc.array(line, { maxLength: 25 }), (lines) => check(lines.join('\n'))), { numRuns: 2000 });
});

const corpusDir = fileURLToPath(new URL('../shared/corpus/buildspec/', new URL('../../../../', import.meta.url)));
const corpus = readdirSync(corpusDir).sort().map((f) => readFileSync(`${corpusDir}${f}`, 'utf8'));

test('mutated corpus files: never throws, every diagnostic is positioned', () => {
  const mutation = fc.record({
    file: fc.nat({ max: corpus.length - 1 }),
    at: fc.nat(),
    cut: fc.nat({ max: 40 }),
    insert: fc.string({ maxLength: 12 }),
  });
  fc.assert(
    fc.property(mutation, ({ file, at, cut, insert }) => {
      const text = corpus[file] ?? '';
      const i = text.length === 0 ? 0 : at % text.length;
      check(text.slice(0, i) + insert + text.slice(i + cut));
    }),
    { numRuns: 1000 },
  );
});
