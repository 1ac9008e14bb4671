/**
 * Artifacts and reports against real producers (DESIGN.md §6): a buildspec parsed by our parser,
 * its build commands run by a real shell, real pytest and `node --test` JUnit files, the zip read
 * back by Info-ZIP and Python, and the extracted program executed. Spec A.11, A.12.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { artifactName, collectReports, extractZip, parseBuildspec, reportGroupName, resolveArtifactFiles, writeZip } from '../../src/build/index.js';
import type { Buildspec } from '../../src/build/index.js';

const BUILDSPEC = `version: 0.2
phases:
  build:
    commands:
      - mkdir -p dist/bin dist/lib && printf '#!/bin/sh\\necho "hello from $1"\\n' > dist/bin/hello && chmod 755 dist/bin/hello
      - printf 'lib' > dist/lib/core.js && printf 'map' > dist/lib/core.js.map && printf 'env' > dist/.env
      - ln -s bin/hello dist/hello-link
      - python3 -m pytest -q -p no:cacheprovider --junitxml=reports/pytest.xml tests || true
      - node --test --test-reporter=junit --test-reporter-destination=reports/node.xml node-tests/ || true
reports:
  unit:
    files:
      - '**/*.xml'
    base-directory: reports
artifacts:
  files:
    - '**/*'
  base-directory: dist
  exclude-paths:
    - '**/*.map'
  enable-symlinks: yes
  name: app-$(date +%Y)
  secondary-artifacts:
    bins:
      files:
        - dist/bin/*
        - dist/lib/*.js
      discard-paths: yes
`;

const PYTEST = `import pytest

def test_ok():
    assert 1 + 1 == 2

def test_fail():
    assert 1 == 2

@pytest.mark.skip(reason="not today")
def test_skip():
    pass

@pytest.fixture
def broken():
    raise ValueError("boom")

def test_error(broken):
    pass
`;

const NODE_TEST = `import test from 'node:test';
import assert from 'node:assert';
test('adds', () => assert.equal(1 + 1, 2));
test('breaks', () => assert.equal(1, 2));
`;

let src = '';
let out = '';
let buildspec: Buildspec;
const hasPytest = spawnSync('python3', ['-c', 'import pytest'], { stdio: 'ignore' }).status === 0;
const hasUnzip = spawnSync('sh', ['-c', 'command -v unzip'], { stdio: 'ignore' }).status === 0;

before(async () => {
  src = await mkdtemp(join(tmpdir(), 'nagare-build-src-'));
  out = await mkdtemp(join(tmpdir(), 'nagare-build-out-'));
  await mkdir(join(src, 'tests'));
  await mkdir(join(src, 'node-tests'));
  await writeFile(join(src, 'tests', 'test_app.py'), PYTEST);
  await writeFile(join(src, 'node-tests', 'app.test.mjs'), NODE_TEST);
  const parsed = parseBuildspec(BUILDSPEC, 'buildspec.yml');
  assert.ok(parsed.buildspec, JSON.stringify(parsed.diagnostics));
  buildspec = parsed.buildspec;
  // NODE_TEST_CONTEXT (set by our own test runner) would make the inner `node --test` report to us.
  for (const command of buildspec.phases[0]!.commands) execFileSync('env', ['-u', 'NODE_TEST_CONTEXT', 'sh', '-c', command], { cwd: src, stdio: 'ignore' });
});
after(async () => {
  await rm(src, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

test('primary artifact: base-directory contents, excludes applied, dotfile and link kept, program still runs', async () => {
  const artifacts = buildspec.artifacts!;
  const files = await resolveArtifactFiles(artifacts, src);
  assert.deepEqual(files.map((f) => f.archivePath), ['.env', 'bin/hello', 'hello-link', 'lib/core.js']);
  const zip = join(out, 'primary.zip');
  const digest = await writeZip(files, zip);
  assert.equal(digest.sha256.length, 64);
  if (hasUnzip) {
    assert.deepEqual(execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n'), ['.env', 'bin/hello', 'hello-link', 'lib/core.js']);
    assert.match(execFileSync('unzip', ['-Z', zip], { encoding: 'utf8' }), /^-rwxr-xr-x .* bin\/hello$/m);
  }
  execFileSync('python3', ['-c', 'import zipfile,sys; assert zipfile.ZipFile(sys.argv[1]).testzip() is None', zip]);
  const dest = join(out, 'primary');
  await extractZip(zip, dest);
  assert.equal(execFileSync(join(dest, 'bin/hello'), ['nagare'], { encoding: 'utf8' }), 'hello from nagare\n');
  assert.equal(execFileSync(join(dest, 'hello-link'), ['link'], { encoding: 'utf8' }), 'hello from link\n');
  assert.equal(await readlink(join(dest, 'hello-link')), 'bin/hello');
});

test('secondary artifact with discard-paths; the name is shell-evaluated only with overrideArtifactName', async () => {
  const bins = buildspec.artifacts!.secondaryArtifacts[0]!;
  const files = await resolveArtifactFiles(bins, src);
  assert.deepEqual(files.map((f) => f.archivePath), ['core.js', 'hello']);
  const shell = (text: string) => execFileSync('sh', ['-c', `printf '%s' "${text}"`], { encoding: 'utf8' });
  const year = String(new Date().getFullYear());
  assert.equal(artifactName(buildspec.artifacts!, { overrideArtifactName: true, projectName: 'demo', resolveShellVars: shell }), `app-${year}`);
  assert.equal(artifactName(buildspec.artifacts!, { overrideArtifactName: false, projectName: 'demo', resolveShellVars: shell }), 'demo');
});

test('reports from real pytest and node --test JUnit files', { skip: !hasPytest && 'pytest not installed' }, async () => {
  const [report] = await collectReports(buildspec.reports, src);
  assert.equal(reportGroupName('demo', report!.groupKey), 'demo-unit');
  assert.equal(report!.status, 'FAILED');
  assert.deepEqual(report!.problems, []);
  assert.deepEqual(report!.files.map((f) => f.archivePath), ['node.xml', 'pytest.xml']);
  const byName = Object.fromEntries(report!.testCases.map((c) => [c.name, c.status]));
  assert.deepEqual(byName, { adds: 'SUCCEEDED', breaks: 'FAILED', test_ok: 'SUCCEEDED', test_fail: 'FAILED', test_skip: 'SKIPPED', test_error: 'ERROR' });
  assert.deepEqual(report!.testSummary!.statusCounts, { SUCCEEDED: 2, FAILED: 2, ERROR: 1, SKIPPED: 1, UNKNOWN: 0 });
  const failing = report!.testCases.find((c) => c.name === 'test_fail')!;
  assert.equal(failing.prefix, 'tests.test_app');
  assert.match(failing.message, /assert 1 == 2/);
  assert.ok(report!.testSummary!.durationInNanoSeconds > 0);
  assert.equal(await readFile(failing.testRawDataPath, 'utf8').then((x) => x.includes('test_fail')), true);
});
