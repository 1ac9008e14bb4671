/** `phases` (spec A.8): names, order, commands/finally, run-as, on-failure, runtime-versions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseOnFailure } from './on-failure.js';
import { accept, codes, expectDiagnostic, yaml } from './test-support.js';
import type { Expected } from './test-support.js';

const rejected: Array<[string, string, Expected]> = [
  // The common real-world mistake: `: ` inside an unquoted command makes YAML read a mapping.
  ['a command YAML read as a mapping', yaml('version: 0.2', '', 'phases:', '  build:', '    commands:', '     - echo "Hello: world"'),
    { code: 'COMMAND_NOT_STRING', line: 6, column: 8,
      message: 'Expected Commands[0] to be of string type: found subkeys instead at line 6, value of the key tag on line 5 might be empty' }],
  ['the fifth command read as a mapping', yaml('version: 0.2', 'phases:', '  pre_build:', '    commands:', '      - a', '      - b', '      - c', '      - d', '      - echo Image URI: $URI'),
    { code: 'COMMAND_NOT_STRING', line: 9,
      message: 'Expected Commands[4] to be of string type: found subkeys instead at line 9, value of the key tag on line 8 might be empty' }],
  ['a shell brace group with ": " inside', yaml('version: 0.2', 'phases:', '  build:', '    commands:', '      - command -v tf || { echo "ERROR: none"; exit 1; }'),
    { code: 'COMMAND_NOT_STRING', line: 5, message: /^Expected Commands\[0\] to be of string type: found subkeys instead at line 5/ }],
  ['a finally command read as a mapping', yaml('version: 0.2', 'phases:', '  build:', '    commands: [a]', '    finally:', '      - echo done: yes'),
    { code: 'COMMAND_NOT_STRING', line: 6, message: /^Expected Finally\[0\] to be of string type: found subkeys instead/ }],
  ['a nested list as a command', yaml('version: 0.2', 'phases:', '  build:', '    commands:', '      - [a, b]'),
    { code: 'COMMAND_NOT_STRING', line: 5, message: 'Expected Commands[0] to be of string type: found sequence instead at line 5' }],
  ['commands given as a mapping', yaml('version: 0.2', 'phases:', '  build:', '    commands:', '      first: echo a'),
    { code: 'INVALID_TYPE', line: 5, message: 'Expected Commands to be of sequence type: found subkeys instead at line 5' }],
  ['a misspelled phase (mis-indented artifacts)', yaml('version: 0.2', 'phases:', '  build:', '    commands: [a]', '  artifacts:', '    files: [x]'),
    { code: 'INVALID_PHASE_NAME', line: 5, column: 3, message: 'Invalid buildspec phase name: artifacts. Expecting: build,install,post_build,pre_build' }],
  ['a phase name in upper case', yaml('version: 0.2', 'phases:', '  BUILD:', '    commands: [a]'),
    { code: 'INVALID_PHASE_NAME', line: 3, message: 'Invalid buildspec phase name: BUILD. Expecting: build,install,post_build,pre_build' }],
  ['phases given as a list', yaml('version: 0.2', 'phases:', '  - build'),
    { code: 'INVALID_TYPE', line: 3, message: 'Expected phases to be of map type: found sequence instead at line 3' }],
  ['an unknown on-failure value', yaml('version: 0.2', 'phases:', '  build:', '    on-failure: IGNORE', '    commands: [a]'),
    { code: 'INVALID_ON_FAILURE', line: 4, column: 17, message: /must be ABORT, CONTINUE, RETRY.*found 'IGNORE' at line 4$/ }],
  ['a retry count over 100', yaml('version: 0.2', 'phases:', '  build:', '    on-failure: RETRY-101', '    commands: [a]'),
    { code: 'INVALID_ON_FAILURE', line: 4, message: 'on-failure retry count 101 is over 100 at line 4' }],
  ['a run-as list', yaml('version: 0.2', 'phases:', '  build:', '    run-as: [a]', '    commands: [a]'),
    { code: 'INVALID_TYPE', line: 4, message: 'Expected phases/build/run-as to be of string type: found sequence instead at line 4' }],
  ['a runtime version that is a map', yaml('version: 0.2', 'phases:', '  install:', '    runtime-versions:', '      nodejs: {v: 18}'),
    { code: 'INVALID_TYPE', line: 5, message: 'Expected phases/install/runtime-versions/nodejs to be of string type: found subkeys instead at line 5' }],
];

for (const [name, text, expected] of rejected) {
  test(`phases: rejects ${name}`, () => {
    expectDiagnostic(text, expected);
  });
}

const warned: Array<[string, string, Expected]> = [
  ['an empty command item', yaml('version: 0.2', 'phases:', '  build:', '    commands:', '      - a', '      -', '      - b'),
    { code: 'NULL_COMMAND', line: 6, column: 8, severity: 'warning', message: 'Commands[1] is empty and is skipped at line 6' }],
  ['`commands:` with no value', yaml('version: 0.2', 'phases:', '  post_build:', '    commands:'),
    { code: 'NO_COMMANDS', line: 4, severity: 'warning', message: 'phases/post_build has no commands to run at line 4' }],
  ['a phase with no value', yaml('version: 0.2', 'phases:', '  build:'), { code: 'NO_COMMANDS', line: 3, severity: 'warning' }],
  ['runtime-versions outside install', yaml('version: 0.2', 'phases:', '  build:', '    runtime-versions: {nodejs: 18}', '    commands: [a]'),
    { code: 'UNKNOWN_KEY', line: 4, severity: 'warning', message: "Unknown key 'runtime-versions' in phases/build is ignored at line 4" }],
  ['an empty runtime-versions', yaml('version: 0.2', 'phases:', '  install:', '    runtime-versions:', '    commands: [a]'),
    { code: 'EMPTY_RUNTIME_VERSIONS', line: 4, severity: 'warning' }],
  ['a runtime without a version', yaml('version: 0.2', 'phases:', '  install:', '    runtime-versions:', '      nodejs:'),
    { code: 'NULL_VALUE', line: 5, severity: 'warning' }],
  ['an unknown phase key', yaml('version: 0.2', 'phases:', '  build:', '    command: [a]', '    commands: [b]'),
    { code: 'UNKNOWN_KEY', line: 4, severity: 'warning' }],
];

for (const [name, text, expected] of warned) {
  test(`phases: warns about ${name}`, () => {
    expectDiagnostic(text, expected);
  });
}

test('phases run in fixed order whatever the order in the file', () => {
  const bs = accept(yaml('version: 0.2', 'phases:', '  post_build: {commands: [d]}', '  build: {commands: [c]}', '  install: {commands: [a]}', '  pre_build: {commands: [b]}'));
  assert.deepEqual(bs.phases.map((p) => p.name), ['install', 'pre_build', 'build', 'post_build']);
  assert.deepEqual(bs.phases.map((p) => p.line), [5, 6, 4, 3]);
});

test('commands keep their text: block scalars, quotes, folded plain scalars, numbers', () => {
  const bs = accept(yaml(
    'version: 0.2', 'phases:', '  build:', '    commands:',
    '      - |', '        if true; then', '          echo yes', '        fi',
    "      - 'echo \"a: b\"'",
    '      - case $x in',
    '          a) echo a ;;',
    '        esac',
    '      - 42',
    '      - true',
    '    finally: echo single',
  ));
  assert.deepEqual(bs.phases[0]?.commands, ['if true; then\n  echo yes\nfi\n', 'echo "a: b"', 'case $x in a) echo a ;; esac', '42', 'true']);
  assert.deepEqual(bs.phases[0]?.finally, ['echo single']);
});

test('a single string is one command', () => {
  const bs = accept(yaml('version: 0.2', 'phases:', '  build:', '    commands: export MY_VAR="some value"'));
  assert.deepEqual(bs.phases[0]?.commands, ['export MY_VAR="some value"']);
});

test('run-as, on-failure and runtime-versions are read', () => {
  const bs = accept(yaml(
    'version: 0.2', 'phases:', '  install:', '    run-as: root', '    runtime-versions:', '      java: corretto8', '      python: 3.10', '      ruby: "$MY_RUBY"',
    '  build:', '    on-failure: CONTINUE', '    commands: [make]',
  ));
  const [install, build] = bs.phases;
  assert.equal(install?.runAs, 'root');
  assert.deepEqual(install?.runtimeVersions, { java: 'corretto8', python: '3.10', ruby: '$MY_RUBY' });
  assert.deepEqual(install?.commands, []);
  assert.deepEqual(build?.onFailure, { kind: 'CONTINUE' });
});

test('only the command errors are reported when every command is bad (no "no commands" noise)', () => {
  assert.deepEqual(codes(yaml('version: 0.2', 'phases:', '  build:', '    commands:', '      - a: b')), ['error:COMMAND_NOT_STRING@5']);
});

const onFailure: Array<[string, ReturnType<typeof parseOnFailure>]> = [
  ['ABORT', { kind: 'ABORT' }],
  ['CONTINUE', { kind: 'CONTINUE' }],
  ['RETRY', { kind: 'RETRY', count: 3 }],
  ['RETRY-0', { kind: 'RETRY', count: 0 }],
  ['RETRY-100', { kind: 'RETRY', count: 100 }],
  ['RETRY-Timeout.*', { kind: 'RETRY', count: 3, pattern: 'Timeout.*' }],
  ['RETRY-5-^exit status [12]$', { kind: 'RETRY', count: 5, pattern: '^exit status [12]$' }],
  ['RETRY-2-a-b', { kind: 'RETRY', count: 2, pattern: 'a-b' }],
];

for (const [text, expected] of onFailure) {
  test(`on-failure ${text}`, () => {
    assert.deepEqual(parseOnFailure(text), expected);
  });
}

for (const text of ['abort', 'RETRY-', 'RETRY-101', 'RETRY-1-', 'RETRY-(', 'STOP']) {
  test(`on-failure ${JSON.stringify(text)} is refused`, () => {
    assert.ok('problem' in parseOnFailure(text));
  });
}
