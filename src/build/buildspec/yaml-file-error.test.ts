/** toYamlFileError (the DOWNLOAD_SOURCE context) and planBuild (the four-phase plan). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from './diagnostic.js';
import { planBuild } from './plan-build.js';
import { accept, parse, yaml } from './test-support.js';
import { toYamlFileError } from './yaml-file-error.js';

test('the context AWS shows for a command read as a mapping', () => {
  const { diagnostics } = parse(yaml('version: 0.2', '', 'phases:', '  build:', '    commands:', '     - echo "Hello: world"'));
  assert.deepEqual(toYamlFileError(diagnostics), {
    statusCode: 'YAML_FILE_ERROR',
    message: 'Expected Commands[0] to be of string type: found subkeys instead at line 6, value of the key tag on line 5 might be empty',
    text: 'YAML_FILE_ERROR: Expected Commands[0] to be of string type: found subkeys instead at line 6, value of the key tag on line 5 might be empty',
    diagnostic: diagnostics[0],
  });
});

test('no error, no context (warnings never fail a build)', () => {
  assert.equal(toYamlFileError(parse(yaml('version: 0.2', 'extra: 1', 'phases: {build: {commands: [a]}}')).diagnostics), undefined);
  assert.equal(toYamlFileError([]), undefined);
});

const d = (code: Diagnostic['code'], line: number, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic =>
  ({ file: 'b.yml', line, column: 1, severity, code, message });

test('version problems come before later problems, whatever the line', () => {
  const chosen = toYamlFileError([d('INVALID_PHASE_NAME', 3, 'phase'), d('INVALID_VERSION', 9, 'version'), d('UNKNOWN_KEY', 1, 'w', 'warning')]);
  assert.equal(chosen?.message, 'version');
});

test('syntax problems come first; otherwise the earliest line wins', () => {
  assert.equal(toYamlFileError([d('INVALID_VERSION', 1, 'v'), d('YAML_SYNTAX', 7, 'syntax')])?.message, 'syntax');
  assert.equal(toYamlFileError([d('INVALID_FILE_FORMAT', 12, 'late'), d('COMMAND_NOT_STRING', 5, 'early')])?.message, 'early');
});

test('the plan has all four phases in order, with the effective user', () => {
  const plan = planBuild(accept(yaml(
    'version: 0.2', 'run-as: codebuild-user', 'phases:',
    '  build:', '    run-as: root', '    on-failure: ABORT', '    commands: [make]', '    finally: [echo done]',
    '  install:', '    runtime-versions: {nodejs: 18}', '    commands: [npm ci]',
  )));
  assert.equal(plan.isolatedCommands, false);
  assert.deepEqual(plan.phases, [
    { name: 'install', phaseType: 'INSTALL', declared: true, commands: ['npm ci'], finally: [], runAs: 'codebuild-user', runtimeVersions: { nodejs: '18' } },
    { name: 'pre_build', phaseType: 'PRE_BUILD', declared: false, commands: [], finally: [], runAs: 'codebuild-user' },
    { name: 'build', phaseType: 'BUILD', declared: true, commands: ['make'], finally: ['echo done'], runAs: 'root', onFailure: { kind: 'ABORT' } },
    { name: 'post_build', phaseType: 'POST_BUILD', declared: false, commands: [], finally: [], runAs: 'codebuild-user' },
  ]);
  assert.deepEqual(plan.summary, ['Phases found in YAML: 2', ' INSTALL: 1 commands', ' BUILD: 1 commands']);
});

test('version 0.1 plans isolated commands', () => {
  assert.equal(planBuild(accept(yaml('version: 0.1', 'phases: {build: {commands: [a]}}'))).isolatedCommands, true);
});
