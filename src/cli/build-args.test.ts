import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBuildArgs } from './build-args.js';
import { parseEnvFile } from './build-env-file.js';
import { exitCodeOf } from './build-exit-code.js';
import { projectNameOf } from './build-inputs.js';

test('build args: defaults', () => {
  assert.deepEqual(parseBuildArgs([]), {
    args: { dir: '.', envFiles: [], secondarySources: [], env: [], inPlace: false, privileged: false, progress: true, zip: true, timeoutMinutes: 60, help: false },
  });
});

test('build args: short and long options, =values, repeatables', () => {
  const r = parseBuildArgs(['app', '-b', 'ci/bs.yml', '--artifacts=out', '-r', 'rep', '-e', 'a.env', '--env-file', 'b.env', '-s', 'lib:../lib', '--secondary-source=tools:/opt/t', '--env', 'A=1', '--env=B=x=y', '--endpoint-url', 'http://127.0.0.1:4566', '--timeout', '0.5', '--in-place', '--no-progress', '--no-zip', '--region', 'eu-west-1', '--project-name', 'my-app']);
  assert.ok('args' in r);
  assert.deepEqual(r.args, {
    dir: 'app', buildspec: 'ci/bs.yml', artifactsDir: 'out', reportsDir: 'rep', envFiles: ['a.env', 'b.env'],
    secondarySources: [{ id: 'lib', path: '../lib' }, { id: 'tools', path: '/opt/t' }],
    env: [{ name: 'A', value: '1' }, { name: 'B', value: 'x=y' }],
    endpointUrl: 'http://127.0.0.1:4566', inPlace: true, privileged: false, progress: false, zip: false, timeoutMinutes: 0.5, region: 'eu-west-1', projectName: 'my-app', help: false,
  });
});

test('build args: usage problems are collected', () => {
  const r = parseBuildArgs(['a', 'b', '--bogus', '-s', 'nocolon', '--env', '1X=2', '--timeout', '0', '--endpoint-url', 'ftp://x', '-b']);
  assert.ok('problems' in r);
  assert.deepEqual(r.problems, [
    'unknown option: --bogus',
    "-s expects <sourceIdentifier>:<path>, got 'nocolon'",
    "--env expects NAME=VALUE, got '1X=2'",
    "--timeout expects minutes in (0, 2160], got '0'",
    "--endpoint-url expects an http(s) URL, got 'ftp://x'",
    '-b needs a value',
    'only one source directory may be given, got: a b',
  ]);
  assert.deepEqual(parseBuildArgs(['-h']), { args: { ...(parseBuildArgs([]) as { args: object }).args, help: true } });
});

test('env file: NAME=VALUE taken literally; comments and blanks skipped; bad lines reported with line numbers', () => {
  assert.deepEqual(parseEnvFile('# c\nA=1\n\nB= "quoted" $X\nC=\n', 'f.env'), { vars: [{ name: 'A', value: '1' }, { name: 'B', value: ' "quoted" $X' }, { name: 'C', value: '' }] });
  assert.deepEqual(parseEnvFile('A=1\nnot a var\n', 'f.env'), { problems: ["f.env:2: expected NAME=VALUE, got 'not a var'"] });
});

test('exit codes: 0 SUCCEEDED, 1 FAILED/FAULT, 124 TIMED_OUT, 130 STOPPED', () => {
  assert.deepEqual(['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED'].map((s) => exitCodeOf(s as Parameters<typeof exitCodeOf>[0])), [0, 1, 1, 124, 130]);
});

test('project name from the directory name follows CodeBuild\'s rules', () => {
  assert.equal(projectNameOf('/work/my app.v2'), 'my-app-v2');
  assert.equal(projectNameOf('/x/.hidden'), 'hidden');
  assert.equal(projectNameOf('/'), 'local-build');
});

test('build args: --container and --privileged', () => {
  const r = parseBuildArgs(['--container', 'aws/codebuild/standard:7.0', '--privileged']);
  assert.ok('args' in r);
  assert.equal(r.args.container, 'aws/codebuild/standard:7.0');
  assert.equal(r.args.privileged, true);
  const bad = parseBuildArgs(['--privileged']);
  assert.ok('problems' in bad);
  assert.deepEqual(bad.problems, ['--privileged needs --container IMAGE']);
});
