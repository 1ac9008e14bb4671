/** `env` (spec A.5) and 0.1's `environment_variables` (spec A.3). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSecretReference } from './secret-reference.js';
import { accept, expectDiagnostic, yaml } from './test-support.js';
import type { Expected } from './test-support.js';

const BUILD = ['phases:', '  build:', '    commands: [echo hi]'];

test('variables are literal text, typed scalars keep the text as written', () => {
  const bs = accept(yaml(
    'version: 0.2', 'env:', '  variables:',
    '    CI: true', '    FLAG: yes', '    PORT: 8080', '    GO: 1.10', '    OCTAL: 0755', '    EMPTY: ""', '    UNSET:',
    '    PATH: "$PATH:/x"', '    DISPLAY: :99', '    FOLDED: >-', '      a', '      b',
    ...BUILD,
  ));
  assert.deepEqual(bs.env.variables, {
    CI: 'true', FLAG: 'yes', PORT: '8080', GO: '1.10', OCTAL: '0755', EMPTY: '', UNSET: '', PATH: '$PATH:/x', DISPLAY: ':99', FOLDED: 'a b',
  });
});

test('duplicate variable names: the last one wins, with a warning', () => {
  const text = yaml('version: 0.2', 'env:', '  variables:', '    key: "A"', '    key: "B"', ...BUILD);
  assert.deepEqual(accept(text).env.variables, { key: 'B' });
  expectDiagnostic(text, { code: 'DUPLICATE_KEY', line: 5, column: 5, severity: 'warning', message: /Duplicate key 'key' in env\/variables/ });
});

test('every env key is read', () => {
  const bs = accept(yaml(
    'version: 0.2', 'env:', '  shell: bash',
    '  parameter-store:', '    LOGIN: /CodeBuild/dockerLoginPassword',
    '  secrets-manager:', '    TOKEN: "prod/app:token:AWSPREVIOUS"',
    '  exported-variables:', '    - IMAGE_TAG', '    - COMMIT',
    '  git-credential-helper: yes',
    ...BUILD,
  ));
  assert.equal(bs.env.shell, 'bash');
  assert.deepEqual(bs.env.parameterStore, { LOGIN: '/CodeBuild/dockerLoginPassword' });
  assert.deepEqual(bs.env.secretsManager, { TOKEN: { raw: 'prod/app:token:AWSPREVIOUS', secretId: 'prod/app', jsonKey: 'token', versionStage: 'AWSPREVIOUS' } });
  assert.deepEqual(bs.env.exportedVariables, ['IMAGE_TAG', 'COMMIT']);
  assert.equal(bs.env.gitCredentialHelper, true);
});

test('version 0.1 reads environment_variables/plaintext', () => {
  const bs = accept(yaml('version: 0.1', 'environment_variables:', '  plaintext:', '    JAVA_HOME: "/usr/lib/jvm"', '    N: 1', ...BUILD));
  assert.equal(bs.version, '0.1');
  assert.deepEqual(bs.env.variables, { JAVA_HOME: '/usr/lib/jvm', N: '1' });
});

test('defaults without env', () => {
  assert.deepEqual(accept(yaml('version: 0.2', ...BUILD)).env, {
    variables: {}, parameterStore: {}, secretsManager: {}, exportedVariables: [], gitCredentialHelper: false,
  });
});

const diagnosed: Array<[string, string, Expected]> = [
  ['variables given as a list', yaml('version: 0.2', 'env:', '  variables:', '    - A=1', ...BUILD),
    { code: 'INVALID_TYPE', line: 4, message: 'Expected env/variables to be of map type: found sequence instead at line 4' }],
  ['a variable value that is a map', yaml('version: 0.2', 'env:', '  variables:', '    A:', '      b: c', ...BUILD),
    { code: 'INVALID_TYPE', line: 5, message: 'Expected env/variables/A to be of string type: found subkeys instead at line 5' }],
  ['git-credential-helper that is not yes/no', yaml('version: 0.2', 'env:', '  git-credential-helper: always', ...BUILD),
    { code: 'INVALID_BOOLEAN', line: 3, message: "Expected env/git-credential-helper to be yes or no: found 'always' instead at line 3" }],
  ['an incomplete secret ARN', yaml('version: 0.2', 'env:', '  secrets-manager:', '    S: "arn:aws:secretsmanager:us-east-1:1:secret"', ...BUILD),
    { code: 'INVALID_SECRET_REFERENCE', line: 4, column: 8, message: /is not a complete secret ARN/ }],
  ['an empty secret reference', yaml('version: 0.2', 'env:', '  secrets-manager:', '    S:', ...BUILD),
    { code: 'INVALID_SECRET_REFERENCE', line: 4, column: 5, message: "env/secrets-manager/S: '' does not name a secret at line 4" }],
  ['a reserved variable name', yaml('version: 0.2', 'env:', '  variables:', '    CODEBUILD_X: 1', ...BUILD),
    { code: 'RESERVED_VARIABLE_NAME', line: 4, severity: 'warning' }],
  ['a name the shell cannot hold', yaml('version: 0.2', 'env:', '  variables:', '    MY-VAR: 1', ...BUILD),
    { code: 'INVALID_VARIABLE_NAME', line: 4, severity: 'warning' }],
  ['an AWS_ name in exported-variables', yaml('version: 0.2', 'env:', '  exported-variables: [AWS_REGION]', ...BUILD),
    { code: 'UNEXPORTABLE_VARIABLE', line: 3, severity: 'warning', message: /AWS_REGION cannot be exported/ }],
  ['an unknown shell', yaml('version: 0.2', 'env:', '  shell: zsh', ...BUILD),
    { code: 'UNSUPPORTED_SHELL', line: 3, column: 10, severity: 'warning' }],
  ['a parameter with no name', yaml('version: 0.2', 'env:', '  parameter-store:', '    P:', ...BUILD),
    { code: 'NULL_VALUE', line: 4, severity: 'warning' }],
  ['an unknown env key', yaml('version: 0.2', 'env:', '  plaintext: {A: 1}', ...BUILD), { code: 'UNKNOWN_KEY', line: 3, severity: 'warning' }],
  ['env in a 0.1 file', yaml('version: 0.1', 'env:', '  variables: {A: 1}', ...BUILD),
    { code: 'UNKNOWN_KEY', line: 2, severity: 'warning', message: /'env' is the version 0\.2 name/ }],
];

for (const [name, text, expected] of diagnosed) {
  test(`env: ${name}`, () => {
    expectDiagnostic(text, expected);
  });
}

const references: Array<[string, unknown]> = [
  ['TestSecret', { raw: 'TestSecret', secretId: 'TestSecret' }],
  ['TestSecret:MY_SECRET_VAR', { raw: 'TestSecret:MY_SECRET_VAR', secretId: 'TestSecret', jsonKey: 'MY_SECRET_VAR' }],
  ['s::AWSPREVIOUS', { raw: 's::AWSPREVIOUS', secretId: 's', versionStage: 'AWSPREVIOUS' }],
  ['s:::v-123', { raw: 's:::v-123', secretId: 's', versionId: 'v-123' }],
  ['arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC', {
    raw: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC', secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC',
  }],
  ['arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC:password::v1', {
    raw: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC:password::v1',
    secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC', jsonKey: 'password', versionId: 'v1',
  }],
];

for (const [raw, expected] of references) {
  test(`secret reference ${raw}`, () => {
    assert.deepEqual(parseSecretReference(raw), expected);
  });
}

for (const raw of ['', ':key', 'arn:aws:secretsmanager:r:a:secret', 'a:b:c:d:e']) {
  test(`secret reference ${JSON.stringify(raw)} is refused`, () => {
    assert.ok('problem' in parseSecretReference(raw));
  });
}
