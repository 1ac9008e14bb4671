import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { buildspec, cli, createProject, logMessages, phase, phaseSummary, startBuild, waitForBuild } from '../support/codebuild-harness.js';

/**
 * Builds that do not end on their own (spec A.10): StopBuild kills the process tree and ends the
 * running phase STOPPED; the build timeout (divided by the server's time scale) ends it TIMED_OUT;
 * and after `kill -9` of the server a restarted server fails the build with the restart reason
 * instead of leaving it IN_PROGRESS or running its commands again.
 */

const servers: NagareHandle[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await killStray();
});

const sleepSpec = (seconds: number): string =>
  buildspec(['version: 0.2', 'phases:', '  build:', '    commands:', '      - echo started', `      - sleep ${seconds}`, '  post_build:', '    commands:', '      - echo post-build']);

/** Processes whose command line is exactly `sleep <n>` for the odd durations used here. */
async function sleepers(seconds: number): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmd === `sleep\0${seconds}\0`) pids.push(Number(entry));
  }
  return pids;
}

async function killStray(): Promise<void> {
  for (const n of [61, 97, 113]) for (const pid of await sleepers(n)) process.kill(pid, 'SIGKILL');
}

const inBuildPhase = (b: { currentPhase: string }): boolean => b.currentPhase === 'BUILD';

describe('stopping, timing out and crashing', { concurrency: true }, () => {
  test('stop-build of a `sleep` build: STOPPED within seconds, process tree gone, no POST_BUILD', async () => {
    const nagare = await startNagare();
    servers.push(nagare);
    await createProject(nagare.endpoint, { name: 'sleeper', source: { type: 'NO_SOURCE', buildspec: sleepSpec(61) } });
    const started = await startBuild(nagare.endpoint, '--project-name', 'sleeper');
    const running = await waitForBuild(nagare.endpoint, started.id, 20_000, inBuildPhase);
    assert.equal(running.buildStatus, 'IN_PROGRESS');
    assert.equal(phase(running, 'BUILD')!.endTime, undefined, 'the running phase has no end yet');
    assert.equal((await sleepers(61)).length, 1);
    // The log streams while the build runs (batches every 200 ms), not only at the end.
    for (let i = 0; !(await logMessages(nagare.endpoint, running)).includes('started'); i++) {
      assert.ok(i < 20, 'the running build\'s output did not reach CloudWatch Logs');
      await new Promise((r) => setTimeout(r, 250));
    }
    // StopBuild waits (up to 10 s) for the worker to settle, so it normally answers STOPPED already;
    // on a loaded machine it may still say IN_PROGRESS — no timing assertions in tests (DESIGN.md §6).
    const stopped = (await cli(nagare.endpoint).json<{ build: { buildStatus: string } }>('codebuild', 'stop-build', '--id', started.id)).build;
    assert.ok(['STOPPED', 'IN_PROGRESS'].includes(stopped.buildStatus), stopped.buildStatus);
    const b = await waitForBuild(nagare.endpoint, started.id, 30_000);
    assert.equal(b.buildStatus, 'STOPPED');
    assert.deepEqual(phaseSummary(b).slice(-2), ['BUILD:STOPPED', 'COMPLETED']);
    assert.equal(phase(b, 'POST_BUILD'), undefined);
    assert.deepEqual(await sleepers(61), []);
    const lines = await logMessages(nagare.endpoint, b);
    assert.ok(lines.includes('started'));
    assert.ok(!lines.includes('post-build'));
  });

  test('timeoutInMinutes under --time-scale 300: 5 minutes pass in 1 s → TIMED_OUT with BUILD_TIMED_OUT', async () => {
    const nagare = await startNagare({ timeScale: 300 });
    servers.push(nagare);
    await createProject(nagare.endpoint, { name: 'slow', timeoutInMinutes: 5, source: { type: 'NO_SOURCE', buildspec: sleepSpec(97) } });
    const b = await waitForBuild(nagare.endpoint, (await startBuild(nagare.endpoint, '--project-name', 'slow')).id, 30_000);
    assert.equal(b.buildStatus, 'TIMED_OUT');
    assert.deepEqual(phaseSummary(b).slice(-2), ['BUILD:TIMED_OUT', 'COMPLETED']);
    assert.equal(phase(b, 'BUILD')!.contexts![0]!.statusCode, 'BUILD_TIMED_OUT');
    assert.deepEqual(await sleepers(97), []);
  });

  test('kill -9 during a build, restart: the build ends FAILED with the restart reason, not IN_PROGRESS', async () => {
    const first = await startNagare();
    await createProject(first.endpoint, { name: 'crashy', source: { type: 'NO_SOURCE', buildspec: sleepSpec(113) } });
    const started = await startBuild(first.endpoint, '--project-name', 'crashy');
    await waitForBuild(first.endpoint, started.id, 20_000, inBuildPhase);
    await first.kill9();
    const second = await first.restart();
    servers.push(second);
    // The embedded store is locked to one process, so the restarted server takes the dead worker's
    // job over at once instead of waiting out its 30 s lease.
    const b = await waitForBuild(second.endpoint, started.id, 30_000);
    assert.equal(b.buildStatus, 'FAILED');
    assert.deepEqual(phaseSummary(b).slice(-2), ['BUILD:FAILED', 'COMPLETED']);
    const ctx = phase(b, 'BUILD')!.contexts![0]!;
    assert.equal(ctx.statusCode, 'BUILD_INTERRUPTED');
    assert.match(ctx.message, /server restarted/);
    const lines = await logMessages(second.endpoint, b);
    assert.equal(lines.filter((l) => l === 'started').length, 1, 'the commands did not run again');
    assert.ok(lines.some((l) => l.includes('BUILD_INTERRUPTED')));
    assert.deepEqual(await sleepers(113), [], "the dead server's build processes were killed on reclaim");
  });
});
