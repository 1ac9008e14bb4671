import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { buildspec, createProject, getBuild, phaseSummary, startBuild, waitForBuild } from '../support/codebuild-harness.js';

/**
 * The server's build concurrency (`--build-concurrency`, issue 3 item 8): builds over the limit show
 * QUEUED until a slot frees, and a build that waits longer than its queuedTimeoutInMinutes (divided
 * by --time-scale) ends TIMED_OUT in QUEUED without running.
 */
const servers: NagareHandle[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

/** A build that runs until the test creates `gate` (the test decides how long the slot stays taken). */
const gatedSpec = (gate: string): string =>
  buildspec(['version: 0.2', 'phases:', '  build:', '    commands:', `      - while [ ! -f ${gate} ]; do sleep 0.2; done`]);

test('with --build-concurrency 1 a second build waits QUEUED, then runs; a queued timeout ends a waiting build TIMED_OUT', async () => {
  // time scale 60: a 5-minute queued timeout passes in 5 s; build timeouts (60 min → 60 s) stay out of the way.
  const n = await startNagare({ args: ['--build-concurrency', '1'], timeScale: 60 });
  servers.push(n);
  const gate = join(await mkdtemp(join(tmpdir(), 'nagare-gate-')), 'open');
  await createProject(n.endpoint, { name: 'one-at-a-time', source: { type: 'NO_SOURCE', buildspec: gatedSpec(gate) } });
  const first = await startBuild(n.endpoint, '--project-name', 'one-at-a-time');
  await waitForBuild(n.endpoint, first.id, 30_000, (b) => b.currentPhase === 'BUILD');
  const second = await startBuild(n.endpoint, '--project-name', 'one-at-a-time');
  const third = await startBuild(n.endpoint, '--project-name', 'one-at-a-time', '--queued-timeout-in-minutes-override', '5');

  // While the first holds the only slot, the others stay QUEUED (checked twice, a second apart).
  for (let i = 0; i < 2; i++) {
    const waiting = await getBuild(n.endpoint, second.id);
    assert.equal(waiting.currentPhase, 'QUEUED');
    assert.deepEqual(phaseSummary(waiting), ['SUBMITTED:SUCCEEDED', 'QUEUED']);
    await new Promise((r) => setTimeout(r, 1000));
  }

  const timedOut = await waitForBuild(n.endpoint, third.id, 60_000);
  assert.equal(timedOut.buildStatus, 'TIMED_OUT');
  assert.deepEqual(phaseSummary(timedOut), ['SUBMITTED:SUCCEEDED', 'QUEUED:TIMED_OUT', 'COMPLETED']);

  await writeFile(gate, ''); // the first build ends; the second takes the slot
  const [a, b] = await Promise.all([waitForBuild(n.endpoint, first.id, 60_000), waitForBuild(n.endpoint, second.id, 90_000)]);
  assert.equal(a.buildStatus, 'SUCCEEDED');
  assert.equal(b.buildStatus, 'SUCCEEDED');
  // One at a time: the second's PROVISIONING began only after the first had ended.
  const provisioned = b.phases.find((p) => p.phaseType === 'PROVISIONING')!.startTime;
  assert.ok(Date.parse(provisioned) >= Date.parse(a.endTime!), `second provisioned at ${provisioned}, first ended at ${a.endTime}`);
});
