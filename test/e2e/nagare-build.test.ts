import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { awsOk } from '../support/aws-cli.js';
import { REPO_ROOT, startNagare, type NagareHandle } from '../support/nagare.js';

/**
 * `nagare build` end to end: the real binary on small temp repositories, one build per test.
 * Until src/bin/nagare.ts dispatches `build`, the same entry point runs as
 * dist/src/bin/build-command.js (it has a main guard); afterwards bin/nagare.js is used.
 */

const VIA_NAGARE = readFileSync(join(REPO_ROOT, 'dist/src/bin/nagare.js'), 'utf8').includes('build-command');
const ENTRY = VIA_NAGARE ? [join(REPO_ROOT, 'bin/nagare.js'), 'build'] : [join(REPO_ROOT, 'dist/src/bin/build-command.js')];
const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus', 'buildspec');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let work: string;
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'nagare-build-e2e-'));
  await mkdir(join(work, 'tmp'));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

async function repo(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

async function nagareBuild(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8', NAGARE_LANG: 'en', TMPDIR: join(work, 'tmp'), ...options.env };
  const child = spawn(process.execPath, [...ENTRY, ...args], { cwd: options.cwd ?? work, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((ok) => child.once('close', (c) => ok(c ?? -1)));
  return { code, stdout, stderr };
}

const phaseRow = (out: string, phase: string): string => out.split('\n').find((l) => l.trimStart().startsWith(phase + ' ')) ?? '';

test('a passing build with artifacts: exit 0, phase table, artifacts.zip and --no-zip folder', async () => {
  const dir = await repo('pass', {
    'buildspec.yml': `version: 0.2
phases:
  build:
    commands:
      - mkdir -p dist/sub && echo app > dist/app.txt && echo deep > dist/sub/deep.txt
artifacts:
  base-directory: dist
  files:
    - '**/*'
`,
    'README.md': 'hello\n',
  });
  const out = join(work, 'pass-out');
  const r = await nagareBuild([dir, '-a', out]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /\[Container\] \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} Entering phase BUILD/);
  assert.match(phaseRow(r.stdout, 'UPLOAD_ARTIFACTS'), /SUCCEEDED/);
  assert.match(r.stdout, /build SUCCEEDED in/);
  const listing = execFileSync('unzip', ['-Z1', join(out, 'artifacts.zip')], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(listing, ['app.txt', 'sub/deep.txt']);
  // The build ran in a copy: the source directory is untouched.
  assert.ok(!existsSync(join(dir, 'dist')));

  const folder = join(work, 'pass-folder');
  const r2 = await nagareBuild([dir, '-a', folder, '--no-zip', '--no-progress']);
  assert.equal(r2.code, 0);
  assert.equal(await readFile(join(folder, 'artifacts', 'sub', 'deep.txt'), 'utf8'), 'deep\n');
});

test('a failing BUILD phase: POST_BUILD still runs, exit code 1 (Surprise 3)', async () => {
  const dir = await repo('fail', {
    'buildspec.yml': `version: 0.2
phases:
  build:
    commands:
      - echo compiling
      - exit 7
  post_build:
    commands:
      - echo "post_build ran, succeeding=$CODEBUILD_BUILD_SUCCEEDING"
`,
  });
  const r = await nagareBuild([dir]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.ok(r.stdout.includes('post_build ran, succeeding=0'));
  assert.ok(r.stdout.includes('Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: exit 7. Reason: exit status 7'));
  assert.match(phaseRow(r.stdout, 'BUILD'), /FAILED .*COMMAND_EXECUTION_ERROR/);
  assert.match(phaseRow(r.stdout, 'POST_BUILD'), /SUCCEEDED/);
  assert.match(r.stdout, /build FAILED in/);
});

test('-r writes reports even when the build failed (Surprise 37)', async () => {
  const junit = '<testsuite name="s" tests="2" failures="1"><testcase classname="a" name="ok" time="0.1"/><testcase classname="a" name="bad" time="0.2"><failure message="boom">trace</failure></testcase></testsuite>';
  const dir = await repo('reports', {
    'buildspec.yml': `version: 0.2
phases:
  build:
    commands:
      - mkdir -p out && printf '%s' '${junit}' > out/junit.xml
      - exit 1
reports:
  unit:
    files:
      - 'out/*.xml'
`,
  });
  const reports = join(work, 'reports-out');
  const r = await nagareBuild([dir, '-r', reports]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const written = JSON.parse(await readFile(join(reports, 'reports.json'), 'utf8')) as Array<{ groupKey: string; status: string; testSummary: { total: number; statusCounts: Record<string, number> } }>;
  assert.equal(written.length, 1);
  assert.equal(written[0]?.groupKey, 'unit');
  assert.equal(written[0]?.testSummary.total, 2);
  assert.equal(written[0]?.testSummary.statusCounts.FAILED, 1);
  assert.match(r.stdout, /unit: \w+ — 2 tests: /);
});

test('a timeout: exit 124, the phase and the build TIMED_OUT, fast', async () => {
  const dir = await repo('timeout', { 'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - sleep 60\n' });
  const started = Date.now();
  const r = await nagareBuild([dir, '--timeout', '0.02']);
  assert.equal(r.code, 124, r.stdout + r.stderr);
  assert.ok(Date.now() - started < 15_000);
  assert.match(phaseRow(r.stdout, 'BUILD'), /TIMED_OUT .*BUILD_TIMED_OUT: Build has timed out\./);
  assert.match(r.stdout, /build TIMED_OUT in/);
});

test('exported variables, env file and --env (highest precedence), plain assignments carry over', async () => {
  const dir = await repo('exported', {
    'buildspec.yml': `version: 0.2
env:
  variables:
    STAGE: from-buildspec
    KEEP: from-buildspec
  exported-variables:
    - IMAGE_TAG
    - STAGE
    - KEEP
phases:
  pre_build:
    commands:
      - IMAGE_TAG=$(echo abc123 | cut -c1-3)
  build:
    commands:
      - echo "tag=$IMAGE_TAG stage=$STAGE from-file=$FROM_FILE"
`,
  });
  await writeFile(join(work, 'vars.env'), '# comment\nSTAGE=from-file\nFROM_FILE=yes\n');
  const r = await nagareBuild([dir, '-e', 'vars.env', '--env', 'STAGE=from-flag']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.ok(r.stdout.includes('tag=abc stage=from-flag from-file=yes'));
  assert.ok(r.stdout.includes('exported variables:\n  IMAGE_TAG=abc\n  STAGE=from-flag\n  KEEP=from-buildspec'), r.stdout);
});

test('-s secondary sources are visible as CODEBUILD_SRC_DIR_<id>', async () => {
  const dir = await repo('primary', { 'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - cat "$CODEBUILD_SRC_DIR_lib/lib.txt"\n      - test "$CODEBUILD_SRC_DIR_lib" != "$CODEBUILD_SRC_DIR"\n' });
  await repo('lib', { 'lib.txt': 'from the secondary source\n' });
  const r = await nagareBuild([dir, '-s', `lib:${join(work, 'lib')}`]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.ok(r.stdout.includes('\nfrom the secondary source\n'));
});

test('a real corpus buildspec (aws-crt-java test-version-exists, sh + coreutils only)', async () => {
  const spec = await readFile(join(CORPUS, '046-aws-crt-java-test-version-exists.yml'), 'utf8');
  const dir = await repo('corpus-046', {
    'buildspec.yml': spec,
    'aws-crt-java/codebuild/cd/test-version-exists.sh': '#!/usr/bin/env bash\nset -e\necho "checking version in $(basename "$PWD")"\n',
  });
  await chmod(join(dir, 'aws-crt-java/codebuild/cd/test-version-exists.sh'), 0o755);
  const r = await nagareBuild([dir, '--no-progress']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.ok(r.stdout.includes('checking version in aws-crt-java'));
  assert.match(r.stdout, /\nBuild started on .+\n/);
  assert.match(r.stdout, /\nBuild completed on .+\n/);
  // Empty `commands:` blocks are reported as warnings, not errors.
  assert.match(r.stderr, /warning: .*NO_COMMANDS/);
});

test('usage errors exit 2; --help exits 0', async () => {
  const bad = await nagareBuild(['--no-such-flag', join(work, 'nope')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown option: --no-such-flag/);
  const missing = await nagareBuild([join(work, 'does-not-exist')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /directory not found/);
  const help = await nagareBuild(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /usage: nagare build \[dir\]/);
  assert.match(help.stdout, /temporary copy/);
});

describe('with a running nagare (--endpoint-url)', () => {
  let nagare: NagareHandle;
  const PARAM_VALUE = 'pw-Zq8-very-secret';
  const SECRET_VALUE = 'tok-Ab3-json-secret';
  before(async () => {
    nagare = await startNagare();
    await awsOk(nagare.endpoint, ['ssm', 'put-parameter', '--name', '/build/db-pass', '--type', 'SecureString', '--value', PARAM_VALUE]);
    await awsOk(nagare.endpoint, ['secretsmanager', 'create-secret', '--name', 'build/api', '--secret-string', JSON.stringify({ token: SECRET_VALUE })]);
  });
  after(async () => {
    await nagare?.stop();
  });

  const secretRepo = (): Promise<string> =>
    repo('secrets', {
      'buildspec.yml': `version: 0.2
env:
  parameter-store:
    DB_PASS: /build/db-pass
  secrets-manager:
    TOKEN: build/api:token
phases:
  build:
    commands:
      - echo "db=$DB_PASS token=$TOKEN"
      - printf '%s' "$DB_PASS" | wc -c
`,
    });

  test('parameter-store and secrets-manager values are fetched and masked in every log line', async () => {
    const dir = await secretRepo();
    const r = await nagareBuild([dir, '--endpoint-url', nagare.endpoint], { env: { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' } });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(r.stdout.includes('db=*** token=***'), r.stdout);
    assert.ok(r.stdout.includes(`\n${PARAM_VALUE.length}\n`), 'the build saw the real value');
    assert.ok(!r.stdout.includes(PARAM_VALUE) && !r.stdout.includes(SECRET_VALUE));
    assert.ok(r.stdout.includes('Decrypting parameter store environment variables'));
  });

  test('a missing parameter fails DOWNLOAD_SOURCE with AWS\'s Decrypted Variables Error', async () => {
    const dir = await repo('missing-param', { 'buildspec.yml': 'version: 0.2\nenv:\n  parameter-store:\n    X: /build/nope\nphases:\n  build:\n    commands:\n      - echo never\n' });
    const r = await nagareBuild([dir, '--endpoint-url', nagare.endpoint]);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.includes('Phase context status code: Decrypted Variables Error Message: parameter does not exist: /build/nope'), r.stdout);
    assert.match(phaseRow(r.stdout, 'DOWNLOAD_SOURCE'), /FAILED/);
  });

  test('without --endpoint-url the build fails with a message saying what to pass', async () => {
    const dir = await secretRepo();
    const r = await nagareBuild([dir]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Decrypted Variables Error Message: .*--endpoint-url/);
    // Every build above removed its temporary workspace (TMPDIR points into the test dir).
    assert.deepEqual(await readdir(join(work, 'tmp')), []);
  });
});
