import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import {
  ACCOUNT,
  actionExecutions,
  buildRunning,
  codeBuildAction,
  codeCommitSource,
  createBucket,
  createRepository,
  createPipeline,
  creationExecution,
  gatedBuildspec,
  ms,
  openGate,
  pipelineCli,
  pipelineProject,
  pushFiles,
  runningIn,
  stageNow,
  waitFor,
  waitForStatus,
  type ActionExecutionDetail,
  type PipelineCli,
  type PipelineState,
} from '../support/pipeline-harness.js';

/**
 * Execution modes (spec C.5, Surprise 21) with the real AWS CLI v2 against `nagare up`, observed the
 * way a user sees them: get-pipeline-state (inboundExecution(s), latestExecution), list-pipeline-
 * executions / get-pipeline-execution (statuses) and list-action-executions (when each stage ran).
 * Each scenario has its own pipeline and CodeBuild project; they run concurrently on one server
 * (hence --build-concurrency 8: PARALLEL's three builds must not wait for a free slot). Builds
 * wait at a gate the test opens (gatedBuildspec), so an execution stays in its Build stage exactly
 * as long as the scenario needs to line others up behind it, however slow the machine.
 */

const ROLE = `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`;
const STORE = { type: 'S3', location: 'modes-artifacts' };
let nagare: NagareHandle;
let work: string;
let ep: string;
let cp: PipelineCli;

before(async () => {
  nagare = await startNagare({ args: ['--build-concurrency', '8'] });
  ep = nagare.endpoint;
  cp = pipelineCli(ep);
  work = await mkdtemp(join(tmpdir(), 'nagare-cp-modes-'));
  await createBucket(ep, 'modes-artifacts');
  await createRepository(ep, 'modes-repo', join(work, 'src'), work);
  await pushFiles(ep, join(work, 'src'), work, 'modes-repo', 'main', { 'README.md': 'modes\n' }, 'init');
});
after(async () => {
  await nagare?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const gate = (project: string): string => join(work, 'gates', project);

async function twoStagePipeline(name: string, project: string, extra: Record<string, unknown> = {}): Promise<string> {
  await createPipeline(ep, work, {
    name,
    roleArn: ROLE,
    artifactStore: STORE,
    ...extra,
    stages: [
      { name: 'Source', actions: [codeCommitSource('modes-repo', 'Src')] },
      { name: 'Build', actions: [codeBuildAction('Build', project, 'Src')] },
    ],
  });
  return creationExecution(ep, name);
}

async function start(name: string): Promise<string> {
  return (await cp.json<{ pipelineExecutionId: string }>('codepipeline', 'start-pipeline-execution', '--name', name)).pipelineExecutionId;
}

async function state(name: string): Promise<PipelineState> {
  return cp.json<PipelineState>('codepipeline', 'get-pipeline-state', '--name', name);
}

async function statuses(name: string): Promise<Map<string, { status: string; executionMode?: string }>> {
  const list = await cp.json<{ pipelineExecutionSummaries: { pipelineExecutionId: string; status: string; executionMode?: string }[] }>(
    'codepipeline', 'list-pipeline-executions', '--pipeline-name', name,
  );
  return new Map(list.pipelineExecutionSummaries.map((e) => [e.pipelineExecutionId, e]));
}

const inStage = (actions: ActionExecutionDetail[], stage: string): ActionExecutionDetail[] =>
  actions.filter((a) => a.stageName === stage).sort((a, b) => ms(a.startTime) - ms(b.startTime));

describe('execution modes', { concurrency: true }, () => {
  test('SUPERSEDED (V1): the running execution is never interrupted; of two waiting, the newer supersedes the older', async () => {
    const name = 'modes-superseded';
    await pipelineProject(ep, 'superseded-build', gatedBuildspec(gate('superseded-build'), ['sleep 1']));
    const first = await twoStagePipeline(name, 'superseded-build');
    await buildRunning(ep, name, 'Build', 'Build', first);

    const second = await start(name);
    await waitFor('the second execution waiting in front of Build', async () => ((await stageNow(ep, name, 'Build'))?.inboundExecution?.pipelineExecutionId === second ? true : undefined));
    const waiting = (await state(name)).stageStates.find((s) => s.stageName === 'Build')!;
    assert.deepEqual(waiting.latestExecution, { pipelineExecutionId: first, status: 'InProgress', type: 'STANDARD' });
    assert.deepEqual(waiting.inboundExecution, { pipelineExecutionId: second, status: 'InProgress', type: 'STANDARD' });

    const third = await start(name);
    assert.equal(await waitForStatus(ep, name, second, ['Superseded', 'Succeeded', 'Failed', 'Stopped']), 'Superseded');
    const replaced = (await state(name)).stageStates.find((s) => s.stageName === 'Build')!;
    assert.equal(replaced.inboundExecution?.pipelineExecutionId, third, 'the newest now waits in front of Build');
    assert.deepEqual(replaced.latestExecution, { pipelineExecutionId: first, status: 'InProgress', type: 'STANDARD' }, 'the first is still building');

    await openGate(gate('superseded-build'), 'all');
    assert.equal(await waitForStatus(ep, name, first, ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled']), 'Succeeded');
    assert.equal(await waitForStatus(ep, name, third, ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled']), 'Succeeded');
    const all = await statuses(name);
    assert.deepEqual([first, second, third].map((id) => all.get(id)?.status), ['Succeeded', 'Superseded', 'Succeeded']);
    const superseded = await cp.json<{ pipelineExecution: { status: string; statusSummary?: string } }>(
      'codepipeline', 'get-pipeline-execution', '--pipeline-name', name, '--pipeline-execution-id', second,
    );
    assert.equal(superseded.pipelineExecution.status, 'Superseded');

    const builds = inStage(await actionExecutions(ep, name), 'Build');
    assert.deepEqual(builds.map((b) => [b.pipelineExecutionId, b.status]), [[first, 'Succeeded'], [third, 'Succeeded']], 'the superseded execution never built');
    assert.ok(ms(builds[1]!.startTime) >= ms(builds[0]!.lastUpdateTime), `the newest entered Build only after the first left it: ${JSON.stringify(builds.map((b) => [b.startTime, b.lastUpdateTime]))}`);
  });

  test('QUEUED (V2): nothing is superseded; executions go through each stage one at a time, in arrival order', async () => {
    const name = 'modes-queued';
    await pipelineProject(ep, 'queued-build', gatedBuildspec(gate('queued-build'), ['sleep 1']));
    const first = await twoStagePipeline(name, 'queued-build', { pipelineType: 'V2', executionMode: 'QUEUED' });
    await buildRunning(ep, name, 'Build', 'Build', first);
    const second = await start(name);
    const third = await start(name);

    await waitFor('two executions queued in front of Build', async () => ((await stageNow(ep, name, 'Build'))?.inboundExecutions?.length === 2 ? true : undefined));
    const queued = (await state(name)).stageStates.find((s) => s.stageName === 'Build')!;
    assert.deepEqual(queued.inboundExecutions?.map((e) => e.pipelineExecutionId), [second, third], 'queued in arrival order');
    assert.equal(queued.latestExecution?.pipelineExecutionId, first);
    await openGate(gate('queued-build'), 'all');

    for (const id of [first, second, third]) assert.equal(await waitForStatus(ep, name, id, ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled']), 'Succeeded');
    const all = await statuses(name);
    assert.deepEqual([first, second, third].map((id) => [all.get(id)?.status, all.get(id)?.executionMode]), [
      ['Succeeded', 'QUEUED'],
      ['Succeeded', 'QUEUED'],
      ['Succeeded', 'QUEUED'],
    ]);

    const actions = await actionExecutions(ep, name);
    for (const stage of ['Source', 'Build']) {
      const runs = inStage(actions, stage);
      assert.deepEqual(runs.map((r) => r.pipelineExecutionId), [first, second, third], `${stage} ran the executions in arrival order`);
      for (let i = 1; i < runs.length; i++) {
        assert.ok(ms(runs[i]!.startTime) >= ms(runs[i - 1]!.lastUpdateTime), `${stage}: execution ${i + 1} started before execution ${i} left the stage: ${JSON.stringify(runs.map((r) => [r.startTime, r.lastUpdateTime]))}`);
      }
    }
  });

  test('PARALLEL (V2): executions do not wait for each other; their builds overlap and all succeed', async () => {
    const name = 'modes-parallel';
    await pipelineProject(ep, 'parallel-build', gatedBuildspec(gate('parallel-build'), ['sleep 1']));
    const first = await twoStagePipeline(name, 'parallel-build', { pipelineType: 'V2', executionMode: 'PARALLEL' });
    const [second, third] = await Promise.all([start(name), start(name)]);
    await waitFor('three builds in progress at once', async () => ((await runningIn(ep, name, 'Build')).filter((a) => a.externalExecutionId).length === 3 ? true : undefined));
    const running = (await actionExecutions(ep, name)).filter((a) => a.stageName === 'Build');
    assert.deepEqual(running.map((a) => [a.pipelineExecutionId, a.status]).sort(), [first, second, third].sort().map((id) => [id, 'InProgress']), 'every execution is building at the same time');
    await openGate(gate('parallel-build'), 'all');
    for (const id of [first, second, third]) assert.equal(await waitForStatus(ep, name, id, ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled']), 'Succeeded');

    const builds = inStage(await actionExecutions(ep, name), 'Build');
    assert.deepEqual(builds.map((b) => b.pipelineExecutionId).sort(), [first, second, third].sort());
    assert.ok(builds.every((b) => b.status === 'Succeeded'));
    const latestStart = Math.max(...builds.map((b) => ms(b.startTime)));
    const earliestEnd = Math.min(...builds.map((b) => ms(b.lastUpdateTime)));
    assert.ok(latestStart < earliestEnd, `the three builds ran at the same time: ${JSON.stringify(builds.map((b) => [b.startTime, b.lastUpdateTime]))}`);
  });

  test('a disabled inbound transition holds executions in front of the stage (the newest supersedes); enabling lets the newest in', async () => {
    const name = 'modes-transition';
    await pipelineProject(ep, 'transition-build', ['version: 0.2', 'phases:', '  build:', '    commands:', '      - sleep 1']);
    const first = await twoStagePipeline(name, 'transition-build');
    assert.equal(await waitForStatus(ep, name, first, ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled']), 'Succeeded');

    await cp.ok('codepipeline', 'disable-stage-transition', '--pipeline-name', name, '--stage-name', 'Build', '--transition-type', 'Inbound', '--reason', 'release freeze');
    const held = await start(name);
    await waitFor('the execution held in front of Build', async () => ((await stageNow(ep, name, 'Build'))?.inboundExecution?.pipelineExecutionId === held ? true : undefined));
    const newest = await start(name);
    assert.equal(await waitForStatus(ep, name, held, ['Superseded', 'Succeeded', 'Failed', 'Stopped']), 'Superseded');

    const frozen = (await state(name)).stageStates.find((s) => s.stageName === 'Build')!;
    assert.equal(frozen.inboundTransitionState?.enabled, false);
    assert.equal(frozen.inboundTransitionState?.disabledReason, 'release freeze');
    assert.deepEqual(frozen.inboundExecution, { pipelineExecutionId: newest, status: 'InProgress', type: 'STANDARD' });
    assert.deepEqual(frozen.latestExecution, { pipelineExecutionId: first, status: 'Succeeded', type: 'STANDARD' }, 'nothing entered Build while the transition was disabled');

    await cp.ok('codepipeline', 'enable-stage-transition', '--pipeline-name', name, '--stage-name', 'Build', '--transition-type', 'Inbound');
    assert.equal(await waitForStatus(ep, name, newest, ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled']), 'Succeeded');
    const open = (await state(name)).stageStates.find((s) => s.stageName === 'Build')!;
    assert.equal(open.inboundTransitionState?.enabled, true);
    assert.equal(open.inboundExecution, undefined);
    assert.deepEqual(open.latestExecution, { pipelineExecutionId: newest, status: 'Succeeded', type: 'STANDARD' });
    const builds = inStage(await actionExecutions(ep, name), 'Build');
    assert.deepEqual(builds.map((b) => b.pipelineExecutionId), [first, newest], 'the held-then-superseded execution never built');
  });
});
