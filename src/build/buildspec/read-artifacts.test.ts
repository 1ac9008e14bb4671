/** `artifacts` (spec A.12), `reports` (A.11) and `cache` (A.13). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accept, expectDiagnostic, yaml } from './test-support.js';
import type { Expected } from './test-support.js';

const BUILD = ['version: 0.2', 'phases:', '  build:', '    commands: [make]'];

test('artifacts: every key, with defaults', () => {
  const bs = accept(yaml(
    ...BUILD, 'artifacts:', '  files:', "    - '**/*'", '    - target/app.jar',
    '  name: app-$(date +%Y-%m-%d)', '  discard-paths: yes', "  base-directory: 'my-build*'",
    '  exclude-paths: ["**/*.tmp"]', '  enable-symlinks: yes', '  s3-prefix: builds',
    '  secondary-artifacts:', '    artifact1:', '      files: [directory/file1]', '      name: second',
    '    artifact2:', '      files:', '        - directory/file2',
  ));
  assert.deepEqual(bs.artifacts, {
    files: ['**/*', 'target/app.jar'], name: 'app-$(date +%Y-%m-%d)', discardPaths: true, baseDirectory: 'my-build*',
    excludePaths: ['**/*.tmp'], enableSymlinks: true, s3Prefix: 'builds', hasFiles: true,
    secondaryArtifacts: [
      { identifier: 'artifact1', files: ['directory/file1'], name: 'second', discardPaths: false, excludePaths: [], enableSymlinks: false },
      { identifier: 'artifact2', files: ['directory/file2'], discardPaths: false, excludePaths: [], enableSymlinks: false },
    ],
  });
});

test('artifacts: a single string is a one-item files list', () => {
  assert.deepEqual(accept(yaml(...BUILD, 'artifacts:', "  files: '**/*'")).artifacts?.files, ['**/*']);
});

test('artifacts: the 0.1 `type: zip` key is accepted and ignored', () => {
  assert.deepEqual(accept(yaml(...BUILD, 'artifacts:', '  type: zip', '  files: [a]')).artifacts?.files, ['a']);
});

test('reports: groups, file-format case-insensitive, JUNITXML by default', () => {
  const bs = accept(yaml(
    ...BUILD, 'reports:', '  arn:aws:codebuild:us-east-1:123456789012:report-group/unit:', '    files: ["**/*"]',
    "    base-directory: 'target/tests/reports'", '    discard-paths: no',
    '  cucumber:', '    files: cucumber.json', '    file-format: CucumberJson',
  ));
  assert.deepEqual(bs.reports, [
    { nameOrArn: 'arn:aws:codebuild:us-east-1:123456789012:report-group/unit', files: ['**/*'], baseDirectory: 'target/tests/reports', discardPaths: false, fileFormat: 'JUNITXML' },
    { nameOrArn: 'cucumber', files: ['cucumber.json'], discardPaths: false, fileFormat: 'CUCUMBERJSON' },
  ]);
});

test('cache: paths, key, fallback-keys, action', () => {
  const bs = accept(yaml(
    ...BUILD, 'cache:', "  key: npm-$(codebuild-hash-files package-lock.json)", '  fallback-keys:', '    - npm-', "  action: restore", '  paths:', "    - '/root/.m2/**/*'",
  ));
  assert.deepEqual(bs.cache, { paths: ['/root/.m2/**/*'], key: 'npm-$(codebuild-hash-files package-lock.json)', fallbackKeys: ['npm-'], action: 'restore' });
});

const diagnosed: Array<[string, string, Expected]> = [
  ['artifacts without files', yaml(...BUILD, 'artifacts:', '  secondary-artifacts:', '    a: {files: [x]}'),
    { code: 'MISSING_FILES', line: 5, column: 1, severity: 'warning', message: /artifacts has no files/ }],
  ['a secondary artifact without files', yaml(...BUILD, 'artifacts:', '  files: [a]', '  secondary-artifacts:', '    out: {name: x}'),
    { code: 'MISSING_FILES', line: 8, severity: 'warning' }],
  ['files given as a map', yaml(...BUILD, 'artifacts:', '  files:', '    a: b'),
    { code: 'INVALID_TYPE', line: 7, message: 'Expected artifacts/files to be of sequence type: found subkeys instead at line 7' }],
  ['a files item that is a map', yaml(...BUILD, 'artifacts:', '  files:', '    - a: b'),
    { code: 'INVALID_TYPE', line: 7, message: 'Expected artifacts/files[0] to be of string type: found subkeys instead at line 7' }],
  ['an empty files item', yaml(...BUILD, 'artifacts:', '  files:', '    - a', '    -'),
    { code: 'NULL_VALUE', line: 8, severity: 'warning', message: 'Empty item artifacts/files[1] is skipped at line 8' }],
  ['discard-paths that is not yes/no', yaml(...BUILD, 'artifacts:', '  files: [a]', '  discard-paths: sometimes'),
    { code: 'INVALID_BOOLEAN', line: 7, message: "Expected artifacts/discard-paths to be yes or no: found 'sometimes' instead at line 7" }],
  ['an unknown artifacts key', yaml(...BUILD, 'artifacts:', '  files: [a]', '  packaging: zip'), { code: 'UNKNOWN_KEY', line: 7, severity: 'warning' }],
  ['an unknown report file format', yaml(...BUILD, 'reports:', '  r:', '    files: [a]', '    file-format: XUNIT'),
    { code: 'INVALID_FILE_FORMAT', line: 8, column: 18, message: /reports\/r\/file-format 'XUNIT' is not one of CUCUMBERJSON, JUNITXML/ }],
  ['a report group without files', yaml(...BUILD, 'reports:', '  r:', '    base-directory: out'), { code: 'MISSING_FILES', line: 6, severity: 'warning' }],
  ['six report groups', yaml(...BUILD, 'reports:', ...['a', 'b', 'c', 'd', 'e', 'f'].map((g) => `  ${g}: {files: [x]}`)),
    { code: 'TOO_MANY_REPORT_GROUPS', line: 5, severity: 'warning' }],
  ['a report group that is a list', yaml(...BUILD, 'reports:', '  r:', '    - a'),
    { code: 'INVALID_TYPE', line: 7, message: 'Expected reports/r to be of map type: found sequence instead at line 7' }],
  ['a cache action that is not restore/save', yaml(...BUILD, 'cache:', '  paths: [a]', '  action: both'),
    { code: 'INVALID_CACHE_ACTION', line: 7, message: "cache/action must be restore or save: found 'both' at line 7" }],
  ['a cache whose paths are all commented out', yaml(...BUILD, 'cache:', '  paths:', "#    - '/root/.gradle/**/*'"),
    { code: 'MISSING_CACHE_PATHS', line: 5, severity: 'warning' }],
  ['six fallback keys', yaml(...BUILD, 'cache:', '  key: k', '  paths: [a]', '  fallback-keys: [a, b, c, d, e, f]'),
    { code: 'TOO_MANY_FALLBACK_KEYS', line: 8, severity: 'warning' }],
  ['fallback keys without a key', yaml(...BUILD, 'cache:', '  paths: [a]', '  fallback-keys: [a]'),
    { code: 'FALLBACK_KEYS_WITHOUT_KEY', line: 7, severity: 'warning' }],
];

for (const [name, text, expected] of diagnosed) {
  test(`${name}`, () => {
    expectDiagnostic(text, expected);
  });
}
