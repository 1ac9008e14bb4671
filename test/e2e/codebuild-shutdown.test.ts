import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { after, describe, test, type TestContext } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { buildspec, createProject, logMessages, phase, phaseSummary, startBuild, waitForBuild, type Build } from '../support/codebuild-harness.js';

/**
 * `nagare up` stopped with SIGTERM while builds run (a graceful shutdown, not `kill -9`): before the
 * process exits, the running builds' containers (container executor) or process groups (local
 * executor) are gone, and each build is recorded FAILED with the shutdown as its phase context — as
 * the restarted server on the same data dir shows. A build still pulling its image does not hold the
 * exit up: the pull is cancelled and no container is created after the build ended.
 */
const DOCKER_HOST = process.env.NAGARE_TEST_DOCKER_HOST;
const noEngine = DOCKER_HOST ? false : process.env.NAGARE_TEST_REQUIRE_CONTAINERS === '1' ? false : 'NAGARE_TEST_DOCKER_HOST not set';
const EXIT_TIMEOUT_MS = 60_000;

const servers: NagareHandle[] = [];
after(async () => {
  // Newest first: a restarted server shares its predecessor's data dir, which the first stop() removes.
  for (const s of servers.reverse()) await s.stop();
});

const longSpec = (...commands: string[]): string => buildspec(['version: 0.2', 'phases:', '  build:', '    commands:', ...commands.map((c) => `      - ${c}`)]);

/** Build containers the engine still has for a build uuid (running or not). */
function containersOf(uuid: string): string[] {
  const r = spawnSync('podman', ['ps', '-a', '-q', '--filter', `label=nagare.build-uuid=${uuid}`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean);
}

/** Processes whose command line is exactly `sleep <n>` (the odd durations used here). */
async function sleepers(seconds: number): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmd === `sleep\0${seconds}\0`) pids.push(Number(entry));
  }
  return pids;
}

/** A "registry" that accepts connections and never answers: an engine pulling from it waits (podman: ~80 s). */
async function silentRegistry(): Promise<{ port: number; connections(): number; close(): void }> {
  const sockets = new Set<Socket>();
  let count = 0;
  const server = createServer((s) => {
    count++;
    sockets.add(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

/** Starts builds of `project` and waits until each runs its BUILD commands (its first line is in the log). */
async function runningBuilds(n: NagareHandle, project: string, count: number): Promise<Build[]> {
  const started = await Promise.all(Array.from({ length: count }, () => startBuild(n.endpoint, '--project-name', project)));
  return Promise.all(
    started.map(async (s) => {
      const b = await waitForBuild(n.endpoint, s.id, 60_000, (x) => x.currentPhase === 'BUILD');
      for (let i = 0; !(await logMessages(n.endpoint, b)).includes('started'); i++) {
        assert.ok(i < 100, `build ${b.id} never printed its first line`);
        await new Promise((r) => setTimeout(r, 200));
      }
      return b;
    }),
  );
}

/** SIGTERM, then wait for the process to exit on its own (bounded); returns its exit code. */
async function sigterm(t: TestContext, n: NagareHandle): Promise<number | null> {
  const exited = new Promise<number | null>((ok) => n.child.once('exit', (code) => ok(code)));
  const sent = Date.now();
  n.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((ok) => (timer = setTimeout(() => ok('late'), EXIT_TIMEOUT_MS)));
  const code = await Promise.race([exited, late]);
  clearTimeout(timer);
  assert.notEqual(code, 'late', `nagare did not exit within ${EXIT_TIMEOUT_MS} ms of SIGTERM:\n${n.output()}`);
  t.diagnostic(`exited ${Date.now() - sent} ms after SIGTERM`);
  return code as number | null;
}

/**
 * After a restart on the same data dir: the build ended FAILED in `phaseType`, with the shutdown as
 * the reason, and its commands did not run again. Returns its log.
 */
async function assertShutDown(n: NagareHandle, id: string, phaseType = 'BUILD'): Promise<string[]> {
  const b = await waitForBuild(n.endpoint, id, 30_000);
  assert.equal(b.buildStatus, 'FAILED');
  assert.deepEqual(phaseSummary(b).slice(-2), [`${phaseType}:FAILED`, 'COMPLETED']);
  const context = phase(b, phaseType)!.contexts![0]!;
  assert.equal(context.statusCode, 'BUILD_INTERRUPTED');
  assert.match(context.message, /server shut down while the build was running/);
  const lines = await logMessages(n.endpoint, b);
  assert.equal(lines.filter((l) => l === 'started').length, phaseType === 'BUILD' ? 1 : 0, 'the commands did not run again');
  assert.ok(lines.some((l) => /Phase context status code: BUILD_INTERRUPTED Message: The nagare server shut down/.test(l)), lines.join('\n'));
  return lines;
}

describe('graceful shutdown with builds running', { concurrency: true }, () => {
  test('container executor: SIGTERM removes the build containers before exit; the builds end FAILED (shut down)', { skip: noEngine }, async (t) => {
    assert.ok(DOCKER_HOST, 'NAGARE_TEST_REQUIRE_CONTAINERS=1 but NAGARE_TEST_DOCKER_HOST is not set');
    const args = ['--build-executor', 'container', '--docker-host', DOCKER_HOST];
    const first = await startNagare({ args });
    servers.push(first);
    await createProject(first.endpoint, { name: 'long-in-container', source: { type: 'NO_SOURCE', buildspec: longSpec('echo started', 'sleep 60') } });
    const builds = await runningBuilds(first, 'long-in-container', 2);
    const uuids = builds.map((b) => b.id.split(':')[1]!);
    for (const uuid of uuids) assert.equal(containersOf(uuid).length, 1, 'the build runs in its container');

    assert.equal(await sigterm(t, first), 0, first.output());
    assert.match(first.output(), /nagare stopped/);
    for (const uuid of uuids) assert.deepEqual(containersOf(uuid), [], 'the server removed the build container before exiting');

    const second = await first.restart();
    servers.push(second);
    for (const b of builds) await assertShutDown(second, b.id);
    for (const uuid of uuids) assert.deepEqual(containersOf(uuid), []);
  });

  test('container executor: SIGTERM while the image pull hangs cancels it, exits, and ends the build FAILED in PROVISIONING', { skip: noEngine }, async (t) => {
    assert.ok(DOCKER_HOST, 'NAGARE_TEST_REQUIRE_CONTAINERS=1 but NAGARE_TEST_DOCKER_HOST is not set');
    const registry = await silentRegistry();
    t.after(() => registry.close());
    const first = await startNagare({ args: ['--build-executor', 'container', '--docker-host', DOCKER_HOST] });
    servers.push(first);
    const environment = { type: 'LINUX_CONTAINER', image: `127.0.0.1:${registry.port}/nagare-test/never-pulled:1`, computeType: 'BUILD_GENERAL1_SMALL' };
    await createProject(first.endpoint, { name: 'slow-pull', environment, source: { type: 'NO_SOURCE', buildspec: longSpec('echo started') } });
    const started = await startBuild(first.endpoint, '--project-name', 'slow-pull');
    // PROVISIONING is pulling once the engine dialled the registry.
    for (let i = 0; registry.connections() === 0; i++) {
      assert.ok(i < 300, 'the engine never dialled the registry');
      await new Promise((r) => setTimeout(r, 100));
    }

    assert.equal(await sigterm(t, first), 0, first.output());
    const second = await first.restart();
    servers.push(second);
    await assertShutDown(second, started.id, 'PROVISIONING');
    assert.deepEqual(containersOf(started.id.split(':')[1]!), [], 'no container was created after the build ended');
  });

  test('local executor: SIGTERM kills the build process groups before exit; the build ends FAILED (shut down)', async (t) => {
    const first = await startNagare();
    servers.push(first);
    await createProject(first.endpoint, { name: 'long-local', source: { type: 'NO_SOURCE', buildspec: longSpec('echo started', '(sleep 157; echo orphan) &', 'sleep 151') } });
    const [build] = await runningBuilds(first, 'long-local', 1);
    assert.equal((await sleepers(151)).length, 1);
    assert.equal((await sleepers(157)).length, 1);

    assert.equal(await sigterm(t, first), 0, first.output());
    assert.deepEqual(await sleepers(151), [], 'the running command was killed before exit');
    assert.deepEqual(await sleepers(157), [], 'its background job (same process group) too');

    const second = await first.restart();
    servers.push(second);
    const lines = await assertShutDown(second, build!.id);
    assert.ok(!lines.includes('orphan'), 'the background job never finished');
  });
});
