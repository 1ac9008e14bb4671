/** `batch` (spec A.7): kept for later; problems in it are warnings because a normal build ignores it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accept, codes, yaml } from './test-support.js';

test('build-list tasks with env overrides', () => {
  const bs = accept(yaml(
    'version: 0.2', 'batch:', '  fast-fail: true', '  build-list:',
    '    - identifier: linux_small', '      debug-session: true', '      ignore-failure: true',
    '      env:', '        compute-type: BUILD_GENERAL1_SMALL', '        privileged-mode: false', '        variables:', '          N: 6',
    '    - buildspec: other.yml', '      identifier: windows',
  ));
  assert.deepEqual(bs.batch, {
    fastFail: true, type: 'build-list',
    tasks: [
      { identifier: 'linux_small', debugSession: true, dependOn: [], ignoreFailure: true, env: { computeType: 'BUILD_GENERAL1_SMALL', privilegedMode: false, variables: { N: '6' } } },
      { identifier: 'windows', buildspec: 'other.yml', dependOn: [], ignoreFailure: false },
    ],
  });
  assert.deepEqual(bs.phases, []);
});

test('build-graph keeps dependencies and warns about unknown ones', () => {
  const text = yaml('version: 0.2', 'batch:', '  build-graph:', '    - identifier: a', '    - identifier: b', '      depend-on: [a, c]');
  assert.deepEqual(accept(text).batch?.tasks.map((t) => t.dependOn), [[], ['a', 'c']]);
  assert.deepEqual(codes(text), ['warning:BATCH_INVALID@3']);
});

test('build-matrix values become strings as written', () => {
  const bs = accept(yaml(
    'version: 0.2', 'batch:', '  build-matrix:', '    static:', '      ignore-failure: false', '      env:', '        type: LINUX_CONTAINER', '        privileged-mode: true',
    '    dynamic:', '      buildspec: [a.yml]', '      env:', '        image: [img:1, img:2]', '        variables:', '          GCC: [4.8, 6, 9]', '          CORK: [true, false]',
  ));
  assert.deepEqual(bs.batch?.matrix, {
    static: { ignoreFailure: false, env: { type: 'LINUX_CONTAINER', privilegedMode: true, variables: {} } },
    dynamic: { buildspec: ['a.yml'], env: { computeType: [], image: ['img:1', 'img:2'], variables: { GCC: ['4.8', '6', '9'], CORK: ['true', 'false'] } } },
  });
});

test('build-fanout is kept as plain data', () => {
  const bs = accept(yaml('version: 0.2', 'batch:', '  build-fanout:', '    parallelism: 5', '    ignore-failure: false'));
  assert.deepEqual(bs.batch?.fanout, { parallelism: '5', 'ignore-failure': 'false' });
});

const warned: Array<[string, string, string[]]> = [
  ['two batch types', yaml('version: 0.2', 'batch:', '  build-list: [{identifier: a}]', '  build-graph: [{identifier: b}]'), ['warning:BATCH_INVALID@2']],
  ['no batch type', yaml('version: 0.2', 'batch:', '  fast-fail: true'), ['warning:BATCH_INVALID@2']],
  ['a task without identifier', yaml('version: 0.2', 'batch:', '  build-list:', '    - buildspec: a.yml'), ['warning:BATCH_INVALID@4']],
  ['a build-list that is a map', yaml('version: 0.2', 'batch:', '  build-list:', '    a: b'), ['warning:BATCH_INVALID@3']],
  // A type error inside batch would be an error anywhere else; here it only warns.
  ['a task env that is a list', yaml('version: 0.2', 'batch:', '  build-list:', '    - identifier: a', '      env: [x]'), ['warning:INVALID_TYPE@5']],
  ['depend-on in a build-list', yaml('version: 0.2', 'batch:', '  build-list:', '    - identifier: a', '      depend-on: [b]'), ['warning:UNKNOWN_KEY@5']],
];

for (const [name, text, expected] of warned) {
  test(`batch: ${name} is a warning`, () => {
    assert.deepEqual(codes(text), expected);
    accept(text);
  });
}
