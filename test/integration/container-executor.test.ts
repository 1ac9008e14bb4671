/**
 * The container executor against a real engine (podman's Docker-compatible API in CI; set up by
 * scripts/ci-podman.sh). Buildspecs run in one container from localhost/busybox:latest, to which
 * `aws/codebuild/*` images map. Without NAGARE_TEST_DOCKER_HOST the tests skip; with
 * NAGARE_TEST_REQUIRE_CONTAINERS=1 a missing engine fails the run instead.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { codebuildEnvironment, runContainerBuild } from '../../src/build/executor/index.js';
import type { ContainerBuildInput, ContainerBuildResult } from '../../src/build/executor/index.js';
import { DockerEngine } from '../../src/runtime/index.js';
import { EngineHttp } from '../../src/runtime/engine-http.js';
import { SystemClock } from '../../src/shared/index.js';

const DOCKER_HOST = process.env.NAGARE_TEST_DOCKER_HOST;
const REQUIRE = process.env.NAGARE_TEST_REQUIRE_CONTAINERS === '1';
const skip = DOCKER_HOST ? false : 'NAGARE_TEST_DOCKER_HOST not set (run scripts/ci-podman.sh)';

if (!DOCKER_HOST && REQUIRE) {
  test('a container engine is available', () => {
    assert.fail('NAGARE_TEST_REQUIRE_CONTAINERS=1 but NAGARE_TEST_DOCKER_HOST is not set');
  });
}

interface Run {
  result: ContainerBuildResult;
  lines: string[];
  output: string[];
  srcDir: string;
  label: string;
  phase(type: string): ContainerBuildResult['phases'][number] | undefined;
}

let seq = 0;

async function build(buildspec: string, input: Partial<ContainerBuildInput> = {}): Promise<Run> {
  const root = await mkdtemp(join(tmpdir(), 'nagare-container-test-'));
  const srcDir = join(root, 'src');
  const scratchDir = join(root, 'tmp');
  await mkdir(srcDir);
  await mkdir(scratchDir, { mode: 0o700 });
  await writeFile(join(srcDir, 'buildspec.yml'), buildspec);
  const label = `t${process.pid}-${++seq}`;
  const lines: string[] = [];
  try {
    const result = await runContainerBuild({
      runtime: new DockerEngine(DOCKER_HOST),
      image: 'aws/codebuild/standard:7.0',
      buildspec: { path: 'buildspec.yml' },
      srcDir,
      scratchDir,
      baseEnv: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', LANG: 'C.UTF-8' },
      systemEnv: codebuildEnvironment({
        region: 'us-east-1', accountId: '000000000000', projectName: 'ctest', buildUuid: label, buildNumber: 1,
        startTime: new Date(), srcDir: '(set by the executor)', initiator: 'test', image: 'aws/codebuild/standard:7.0',
      }),
      timeoutMinutes: 1,
      clock: new SystemClock(),
      onLog: (l) => void lines.push(...l),
      labels: { 'nagare.test': label },
      ...input,
    });
    return { result, lines, output: lines.filter((l) => !l.startsWith('[Container] ')), srcDir, label, phase: (t) => result.phases.find((p) => p.phaseType === t) };
  } finally {
    // Read what the build left in the source before the directory goes.
    const leftover = await readFile(join(srcDir, 'made-in-container.txt'), 'utf8').catch(() => undefined);
    if (leftover !== undefined) lines.push(`HOST-SAW ${leftover.trim()}`);
    await rm(root, { recursive: true, force: true });
  }
}

/** Containers still carrying this test's label (the executor must remove its container). */
async function containersLabelled(label: string): Promise<number> {
  const http = new EngineHttp(new DockerEngine(DOCKER_HOST).socketPath);
  const filters = encodeURIComponent(JSON.stringify({ label: [`nagare.test=${label}`] }));
  return (await http.json<unknown[]>('GET', `/containers/json?all=true&filters=${filters}`)).length;
}

test('A.9: cd and variables carry over across commands and phases, inside the container', { skip }, async () => {
  const r = await build(`version: 0.2
phases:
  install:
    commands:
      - mkdir -p sub/dir && cd sub
      - TAG=$(echo v1-abc)
  build:
    commands:
      - echo "pwd=$(basename "$PWD") tag=$TAG"
      - cd dir
      - echo hello > "$CODEBUILD_SRC_DIR/made-in-container.txt"
  post_build:
    commands:
      - echo "post=$(basename "$(pwd)") last=$CODEBUILD_LAST_EXIT"
      - echo "src=$CODEBUILD_SRC_DIR"
      - 'echo "busybox=$(readlink /bin/sh)"'
`);
  assert.equal(r.result.buildStatus, 'SUCCEEDED', r.lines.join('\n'));
  assert.equal(r.result.image, 'localhost/busybox:latest');
  assert.ok(r.output.includes('pwd=sub tag=v1-abc'), r.output.join('\n'));
  assert.ok(r.output.includes('post=dir last=0'), r.output.join('\n'));
  assert.ok(r.output.some((l) => /^src=\/codebuild\/output\/src\d+\/src$/.test(l)), r.output.join('\n'));
  assert.ok(r.output.includes('busybox=busybox'), 'commands run in the busybox image, not on the host');
  assert.ok(r.lines.includes('HOST-SAW hello'), 'the source is bind-mounted: the host sees files the build wrote');
  assert.ok(r.lines.some((l) => l.includes('YAML location is /codebuild/output/src')), r.lines.join('\n'));
  assert.equal(await containersLabelled(r.label), 0);
});

test('a failing command fails its phase and skips the rest of its commands; finally and POST_BUILD still run', { skip }, async () => {
  const r = await build(`version: 0.2
phases:
  build:
    commands:
      - echo before
      - exit 3
      - echo never
    finally:
      - echo "finally succeeding=$CODEBUILD_BUILD_SUCCEEDING"
  post_build:
    commands:
      - echo "post succeeding=$CODEBUILD_BUILD_SUCCEEDING"
`);
  assert.equal(r.result.buildStatus, 'FAILED');
  assert.deepEqual(r.phase('BUILD')?.contexts, [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: exit 3. Reason: exit status 3' }]);
  assert.ok(!r.output.includes('never'));
  // As in the local executor: SUCCEEDING turns 0 when a phase has failed; `finally` runs before BUILD ends (spec A.14).
  assert.ok(r.output.includes('finally succeeding=1'), r.output.join('\n'));
  assert.ok(r.output.includes('post succeeding=0'), r.output.join('\n'));
  assert.ok(r.lines.some((l) => l.includes('Command did not exit successfully exit 3 exit status 3')));
});

test('a timeout kills the container (and the jobs in it): TIMED_OUT, container removed', { skip }, async () => {
  const started = Date.now();
  const r = await build(`version: 0.2
phases:
  install:
    commands:
      - (sleep 300; echo orphan) &
  build:
    commands:
      - echo sleeping
      - sleep 300
`, { timeoutMinutes: 3 / 60 });
  const took = Date.now() - started;
  assert.equal(r.result.buildStatus, 'TIMED_OUT', r.lines.join('\n'));
  assert.equal(r.phase('BUILD')?.phaseStatus, 'TIMED_OUT');
  assert.ok(took < 15_000, `took ${took} ms`);
  assert.ok(r.output.includes('sleeping'));
  assert.equal(await containersLabelled(r.label), 0);
});

test('StopBuild kills the container: STOPPED', { skip }, async () => {
  const stop = new AbortController();
  const lines: string[] = [];
  const pending = build(`version: 0.2
phases:
  build:
    commands:
      - echo started
      - sleep 300
`, { signal: stop.signal, onLog: (l) => {
    lines.push(...l);
    if (l.includes('started')) stop.abort();
  } });
  const r = await pending;
  assert.equal(r.result.buildStatus, 'STOPPED', lines.join('\n'));
  assert.equal(await containersLabelled(r.label), 0);
});

test('A.14 / A.5: CodeBuild, project and override variables are present; exported variables come back', { skip }, async () => {
  const r = await build(`version: 0.2
env:
  variables:
    FROM_BUILDSPEC: spec
  exported-variables:
    - RESULT
phases:
  build:
    commands:
      - echo "id=$CODEBUILD_BUILD_ID image=$CODEBUILD_BUILD_IMAGE ci=$CODEBUILD_CI"
      - echo "spec=$FROM_BUILDSPEC project=$FROM_PROJECT override=$FROM_OVERRIDE"
      - echo "docker_host=\${DOCKER_HOST:-unset}"
      - RESULT=done-$FROM_PROJECT
`, { projectEnv: [{ name: 'FROM_PROJECT', value: 'proj' }], overrideEnv: [{ name: 'FROM_OVERRIDE', value: 'over' }] });
  assert.equal(r.result.buildStatus, 'SUCCEEDED', r.lines.join('\n'));
  assert.ok(r.output.some((l) => /^id=ctest:t\d+-\d+ image=aws\/codebuild\/standard:7\.0 ci=true$/.test(l)), r.output.join('\n'));
  assert.ok(r.output.includes('spec=spec project=proj override=over'), r.output.join('\n'));
  assert.ok(r.output.includes('docker_host=unset'));
  assert.deepEqual(r.result.exportedEnvironmentVariables, [{ name: 'RESULT', value: 'done-proj' }]);
});

test('a Parameter Store secret is usable in the container and masked in the log', { skip }, async () => {
  const r = await build(`version: 0.2
env:
  parameter-store:
    DB_PASSWORD: /ctest/db-password
phases:
  build:
    commands:
      - echo "password is $DB_PASSWORD"
      - test "$DB_PASSWORD" = hunter2-secret && echo "secret matches"
`, {
    resolvers: {
      getParameters: async (names) => ({ values: Object.fromEntries(names.map((n) => [n, 'hunter2-secret'])), invalid: [] }),
      getSecretValue: async () => ({ secretString: 'unused' }),
    },
  });
  assert.equal(r.result.buildStatus, 'SUCCEEDED', r.lines.join('\n'));
  assert.ok(r.output.includes('password is ***'), r.output.join('\n'));
  assert.ok(r.output.includes('secret matches'));
  assert.ok(!r.lines.some((l) => l.includes('hunter2-secret')));
});

test('privilegedMode: the engine socket is mounted and DOCKER_HOST points at it', { skip }, async () => {
  const socketPath = new DockerEngine(DOCKER_HOST).socketPath;
  const r = await build(`version: 0.2
phases:
  build:
    commands:
      - echo "docker_host=$DOCKER_HOST"
      - test -S /var/run/docker.sock && echo "socket present"
`, { privilegedMode: true, engineSocketPath: socketPath });
  assert.equal(r.result.buildStatus, 'SUCCEEDED', r.lines.join('\n'));
  assert.ok(r.output.includes('docker_host=unix:///var/run/docker.sock'), r.output.join('\n'));
  assert.ok(r.output.includes('socket present'), r.output.join('\n'));
});

test('an image that is neither local, managed nor pullable fails PROVISIONING with CLIENT_ERROR', { skip }, async () => {
  const r = await build('version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n', { image: 'localhost:1/does-not-exist:1' });
  assert.equal(r.result.buildStatus, 'FAILED', r.lines.join('\n'));
  assert.equal(r.phase('PROVISIONING')?.contexts?.[0]?.statusCode, 'CLIENT_ERROR');
  assert.ok(!r.output.includes('hi'));
});

test('env.shell bash on an image without bash fails the command with the engine\'s reason', { skip }, async () => {
  const r = await build('version: 0.2\nenv:\n  shell: bash\nphases:\n  build:\n    commands:\n      - echo hi\n');
  assert.equal(r.result.buildStatus, 'FAILED', r.lines.join('\n'));
  const context = r.phase('BUILD')?.contexts?.[0];
  assert.equal(context?.statusCode, 'COMMAND_EXECUTION_ERROR');
  assert.match(context?.message ?? '', /^Error while executing command: echo hi\. Reason: /);
});
