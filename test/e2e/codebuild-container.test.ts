import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { join } from 'node:path';
import { REPO_ROOT, startNagare, type NagareHandle } from '../support/nagare.js';
import { buildspec, cli, createProject, logMessages, phase, phaseSummary, startBuild, waitForBuild } from '../support/codebuild-harness.js';

/**
 * API builds through the container executor (`nagare up --build-executor container`): the project's
 * environment.image runs every command, the build reaches this server over the host network,
 * privilegedMode hands the build the engine socket, and a crashed server's build container is
 * removed when the restarted server fails the build.
 */
const DOCKER_HOST = process.env.NAGARE_TEST_DOCKER_HOST;
const skip = DOCKER_HOST ? false : process.env.NAGARE_TEST_REQUIRE_CONTAINERS === '1' ? false : 'NAGARE_TEST_DOCKER_HOST not set';
const servers: NagareHandle[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

const containerServer = async (): Promise<NagareHandle> => {
  assert.ok(DOCKER_HOST, 'NAGARE_TEST_REQUIRE_CONTAINERS=1 but NAGARE_TEST_DOCKER_HOST is not set');
  const n = await startNagare({ args: ['--build-executor', 'container', '--docker-host', DOCKER_HOST] });
  servers.push(n);
  return n;
};

/** Build containers the engine still has for a build uuid (running or not). */
function containersOf(uuid: string): string[] {
  const r = spawnSync('podman', ['ps', '-a', '-q', '--filter', `label=nagare.build-uuid=${uuid}`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean);
}

describe('container executor through the API', { concurrency: true, skip }, () => {
  test('a build runs in environment.image, reaches nagare, and uploads its artifact', async () => {
    const n = await containerServer();
    const aws = cli(n.endpoint);
    await aws.ok('s3', 'mb', 's3://container-artifacts');
    await createProject(n.endpoint, {
      name: 'in-image',
      source: {
        type: 'NO_SOURCE',
        buildspec: buildspec([
          'version: 0.2',
          'phases:',
          '  build:',
          '    commands:',
          '      - echo "shell=$(readlink /bin/sh)"',
          '      - echo "src=$CODEBUILD_SRC_DIR pwd=$(pwd)"',
          '      - wget -qO- "$AWS_ENDPOINT_URL/_nagare/health" | grep -q version && echo reached-nagare',
          '      - mkdir -p out && echo hello > out/hello.txt',
          'artifacts:',
          '  files:',
          '    - out/hello.txt',
        ]),
      },
      artifacts: { type: 'S3', location: 'container-artifacts', packaging: 'NONE', name: 'result' },
    });
    const b = await waitForBuild(n.endpoint, (await startBuild(n.endpoint, '--project-name', 'in-image')).id, 120_000);
    const lines = await logMessages(n.endpoint, b);
    assert.equal(b.buildStatus, 'SUCCEEDED', lines.join('\n'));
    assert.ok(lines.includes('shell=busybox'), 'aws/codebuild/standard:7.0 maps to the local busybox image');
    assert.ok(lines.some((l) => /^src=\/\S+\/src pwd=\/\S+\/src$/.test(l)), lines.join('\n'));
    assert.ok(lines.includes('reached-nagare'), 'the build reaches the loopback endpoint over the host network');
    const listed = await aws.ok('s3', 'ls', 's3://container-artifacts', '--recursive');
    assert.match(listed.stdout, /result\/out\/hello\.txt/);
    assert.deepEqual(containersOf(b.id.split(':')[1]!), [], 'the build container is removed');
  });

  test('privilegedMode gives the build the engine socket and DOCKER_HOST', async () => {
    const n = await containerServer();
    const spec = buildspec(['version: 0.2', 'phases:', '  build:', '    commands:', '      - test -S /var/run/docker.sock && echo "socket=yes host=$DOCKER_HOST"']);
    await createProject(n.endpoint, { name: 'priv', source: { type: 'NO_SOURCE', buildspec: spec }, environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL', privilegedMode: true } });
    await createProject(n.endpoint, { name: 'unpriv', source: { type: 'NO_SOURCE', buildspec: spec } });
    const [priv, unpriv] = await Promise.all(['priv', 'unpriv'].map(async (p) => waitForBuild(n.endpoint, (await startBuild(n.endpoint, '--project-name', p)).id, 120_000)));
    assert.equal(priv!.buildStatus, 'SUCCEEDED', (await logMessages(n.endpoint, priv!)).join('\n'));
    assert.ok((await logMessages(n.endpoint, priv!)).includes('socket=yes host=unix:///var/run/docker.sock'));
    assert.equal(unpriv!.buildStatus, 'FAILED', 'without privilegedMode there is no engine socket');
    assert.equal(phase(unpriv!, 'BUILD')!.contexts![0]!.statusCode, 'COMMAND_EXECUTION_ERROR');
  });

  test('kill -9 of the server mid-build: the restarted server fails the build and removes its container', async () => {
    assert.ok(DOCKER_HOST);
    const first = await startNagare({ args: ['--build-executor', 'container', '--docker-host', DOCKER_HOST] });
    const spec = buildspec(['version: 0.2', 'phases:', '  build:', '    commands:', '      - echo started', '      - sleep 127']);
    await createProject(first.endpoint, { name: 'crash-in-container', source: { type: 'NO_SOURCE', buildspec: spec } });
    const started = await startBuild(first.endpoint, '--project-name', 'crash-in-container');
    const uuid = started.id.split(':')[1]!;
    await waitForBuild(first.endpoint, started.id, 60_000, (b) => b.currentPhase === 'BUILD');
    assert.equal(containersOf(uuid).length, 1);
    await first.kill9();
    const second = await first.restart();
    servers.push(second);
    const b = await waitForBuild(second.endpoint, started.id, 30_000);
    assert.equal(b.buildStatus, 'FAILED');
    assert.deepEqual(phaseSummary(b).slice(-2), ['BUILD:FAILED', 'COMPLETED']);
    assert.equal(phase(b, 'BUILD')!.contexts![0]!.statusCode, 'BUILD_INTERRUPTED');
    assert.deepEqual(containersOf(uuid), [], "the dead server's build container was removed on reclaim");
  });
});

test('--build-executor container with no engine at --docker-host refuses to start with a clear message', async () => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/nagare.js'), 'up', '--port', '0', '--data-dir', '/tmp/nagare-no-engine', '--build-executor', 'container', '--docker-host', 'unix:///nonexistent/docker.sock'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', NAGARE_LANG: 'en' },
    timeout: 30_000,
  });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no Docker Engine API answers at \/nonexistent\/docker\.sock/);
});
