/** Top level: YAML syntax, `version`, file shape, unknown keys, run-as, proxy, YAML 1.1 coercions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accept, codes, expectDiagnostic, parse, yaml } from './test-support.js';
import type { Expected } from './test-support.js';

const BUILD = ['phases:', '  build:', '    commands:', '      - echo hi'];

// AWS's own messages (messages.ts cites where each was observed).
const rejected: Array<[string, string, Expected]> = [
  ['a tab used as indentation', yaml('version: 0.2', 'phases:', '\tbuild:', '    commands: [a]'),
    { code: 'YAML_SYNTAX', line: 3, column: 1, message: 'found character that cannot start any token at line 3' }],
  ['a nested mapping on one line', yaml('version: 0.2', 'phases:', '  build:', '    commands: echo a: b'),
    { code: 'YAML_SYNTAX', line: 4, message: 'mapping values are not allowed in this context at line 4' }],
  ['a one-line buildspec (AWS prints line 0)', 'version: 0.2 phases: build: commands: - echo "a: b"',
    { code: 'YAML_SYNTAX', line: 1, column: 10, message: 'mapping values are not allowed in this context at line 0' }],
  // go-yaml v2 prints libyaml's 0-based mark for parser errors: the message says one line less.
  ['an unclosed flow sequence', yaml('version: 0.2', 'phases:', '  build:', '    commands: [a, b', '  post_build:', '    commands: [c]'),
    { code: 'YAML_SYNTAX', line: 5, message: "did not find expected ',' or ']' at line 4" }],
  ['an unterminated quote', yaml('version: 0.2', 'phases:', '  build:', '    commands:', '      - "echo hi'),
    { code: 'YAML_SYNTAX', line: 6, message: /found unexpected end of stream at line/ }],
  ['an alias to an unknown anchor', yaml('version: 0.2', 'phases:', '  build:', '    commands: *nope'),
    { code: 'YAML_UNKNOWN_ANCHOR', line: 4, column: 15, message: "unknown anchor 'nope' referenced at line 4" }],
  ['an empty file', '', { code: 'EMPTY_BUILDSPEC', line: 1, column: 1, message: 'wrong number of container tags, expected 1' }],
  ['a file of comments only', yaml('# nothing here'), { code: 'EMPTY_BUILDSPEC', line: 1, message: 'wrong number of container tags, expected 1' }],
  ['no version key', yaml(...BUILD), { code: 'WRONG_CONTAINER_COUNT', line: 1, message: 'wrong number of container tags, expected 1' }],
  ['an empty version', yaml('version:', ...BUILD), { code: 'WRONG_CONTAINER_COUNT', line: 1, message: 'wrong number of container tags, expected 1' }],
  ['version 0.0 with two containers', yaml('version: 0.0', 'containers:', '  a: {}', '  b: {}'),
    { code: 'WRONG_CONTAINER_COUNT', line: 1, column: 10, message: 'wrong number of container tags, expected 1' }],
  ['version 0.0 with one container', yaml('version: 0.0', 'containers:', '  app:', '    phases: {}'),
    { code: 'UNSUPPORTED_LEGACY_VERSION', line: 1, column: 10, message: /version 0\.0 \(pre-release `containers` format\) is not supported/ }],
  ['version 1.0', yaml('version: 1.0', ...BUILD),
    { code: 'INVALID_VERSION', line: 1, column: 10, message: 'invalid buildspec `version` specified: 1.0, see documentation' }],
  ['version 0.20 (the text counts, not the number)', yaml('version: 0.20', ...BUILD),
    { code: 'INVALID_VERSION', line: 1, message: 'invalid buildspec `version` specified: 0.20, see documentation' }],
  ['a version that is a list', yaml('version: [0.2]', ...BUILD),
    { code: 'INVALID_VERSION', line: 1, message: 'Expected version to be of string type: found sequence instead at line 1' }],
  ['a root that is a list', yaml('- version: 0.2'),
    { code: 'ROOT_NOT_MAP', line: 1, message: 'Expected the buildspec to be of map type: found sequence instead at line 1' }],
  ['a root that is a string', yaml('hello'),
    { code: 'ROOT_NOT_MAP', line: 1, message: 'Expected the buildspec to be of map type: found string instead at line 1' }],
  ['run-as that is a map', yaml('version: 0.2', 'run-as: {a: b}', ...BUILD),
    { code: 'INVALID_TYPE', line: 2, message: 'Expected run-as to be of string type: found subkeys instead at line 2' }],
  ['proxy flag that is not yes/no', yaml('version: 0.2', 'proxy:', '  logs: maybe', ...BUILD),
    { code: 'INVALID_BOOLEAN', line: 3, column: 9, message: "Expected proxy/logs to be yes or no: found 'maybe' instead at line 3" }],
];

for (const [name, text, expected] of rejected) {
  test(`rejects ${name}`, () => {
    expectDiagnostic(text, expected);
  });
}

const warned: Array<[string, string, Expected]> = [
  ['a missing version (hint)', yaml(...BUILD), { code: 'MISSING_VERSION', line: 1, severity: 'warning', message: /add `version: 0.2`/ }],
  ['an unknown top-level key', yaml('version: 0.2', 'stages: x', ...BUILD),
    { code: 'UNKNOWN_KEY', line: 2, severity: 'warning', message: "Unknown key 'stages' in the buildspec is ignored at line 2" }],
  ['the 0.1 env block in a 0.2 file', yaml('version: 0.2', 'environment_variables:', '  plaintext: {A: b}', ...BUILD),
    { code: 'UNKNOWN_KEY', line: 2, severity: 'warning', message: /version 0\.1 name; version 0\.2 reads 'env'/ }],
  ['a second YAML document', yaml('version: 0.2', ...BUILD, '---', 'version: 0.1'),
    { code: 'YAML_MULTIPLE_DOCUMENTS', line: 6, severity: 'warning' }],
  ['no phases at all', yaml('version: 0.2'), { code: 'NO_PHASES', line: 1, severity: 'warning' }],
  ['duplicate top-level keys', yaml('version: 0.1', 'version: 0.2', ...BUILD),
    { code: 'DUPLICATE_KEY', line: 2, severity: 'warning', message: /replaces the one at line 1: the last value is used at line 2/ }],
  ['an unknown proxy key', yaml('version: 0.2', 'proxy:', '  socks: yes', ...BUILD), { code: 'UNKNOWN_KEY', line: 3, severity: 'warning' }],
];

for (const [name, text, expected] of warned) {
  test(`warns about ${name}`, () => {
    expectDiagnostic(text, expected);
  });
}

test('version: accepts 0.2 and 0.1 as numbers or strings', () => {
  for (const v of ['0.2', '"0.2"', "'0.2'", '0.1', '"0.1"']) {
    const bs = accept(yaml(`version: ${v}`, ...BUILD));
    assert.equal(bs.version, v.replace(/["']/g, ''));
  }
});

test('every error is collected, not only the first', () => {
  const text = yaml('version: 0.2', 'phases:', '  build:', '    commands:', '      - echo "a: b"', '  deploy:', '    commands: [x]', 'reports:', '  r:', '    files: [x]', '    file-format: XML');
  assert.deepEqual(codes(text), ['error:COMMAND_NOT_STRING@5', 'error:INVALID_PHASE_NAME@6', 'error:INVALID_FILE_FORMAT@11']);
});

test('an invalid version does not hide the other errors', () => {
  assert.deepEqual(codes(yaml('version: 3', 'phases:', '  deploy: {}')), ['error:INVALID_VERSION@1', 'error:INVALID_PHASE_NAME@3']);
});

test('YAML syntax errors stop the reading: no schema errors after them', () => {
  assert.deepEqual(codes(yaml('version: 9', 'phases:', '\tdeploy: {}')), ['error:YAML_SYNTAX@3']);
});

test('run-as, proxy and defaults', () => {
  const bs = accept(yaml('version: 0.2', 'run-as: codebuild-user', 'proxy:', '  upload-artifacts: yes', '  logs: "no"', ...BUILD));
  assert.equal(bs.runAs, 'codebuild-user');
  assert.deepEqual(bs.proxy, { uploadArtifacts: true, logs: false });
  const plain = accept(yaml('version: 0.2', ...BUILD));
  assert.deepEqual(plain.proxy, { uploadArtifacts: false, logs: false });
  assert.equal(plain.runAs, undefined);
  assert.equal(plain.artifacts, undefined);
  assert.equal(plain.cache, undefined);
  assert.deepEqual(plain.reports, []);
});

test('YAML 1.1 merge keys and anchors are honoured', () => {
  const bs = accept(yaml('version: 0.2', 'x-common: &common', '  commands: [make]', 'phases:', '  build:', '    <<: *common', '    finally: [echo done]'));
  assert.deepEqual(bs.phases[0]?.commands, ['make']);
  assert.deepEqual(bs.phases[0]?.finally, ['echo done']);
});

test('a leading document marker and CRLF line endings are fine', () => {
  const bs = accept('---\r\nversion: 0.2\r\nphases:\r\n  build:\r\n    commands:\r\n      - echo hi\r\n');
  assert.deepEqual(bs.phases[0]?.commands, ['echo hi']);
});

test('warnings alone keep the buildspec', () => {
  const result = parse(yaml('version: 0.2', 'extra: 1', ...BUILD));
  assert.ok(result.buildspec);
  assert.equal(result.diagnostics.length, 1);
});
