import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { awsOk } from '../support/aws-cli.js';
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
  waitForStatus,
  type PipelineCli,
  type PipelineState,
} from '../support/pipeline-harness.js';

/**
 * Controlling executions with the real AWS CLI v2 against `nagare up` (spec C.8, Surprises 22,
 * 25): stop-and-wait vs abandon, update-pipeline cancelling the run in flight, clientRequestToken
 * idempotency. The scenarios use their own pipelines and run concurrently on one server. The
 * approval timeout (a server at --time-scale 600) and rollback-stage / variables have files of
 * their own: codepipeline-approval-timeout.test.ts, codepipeline-rollback-variables.test.ts.
 */

const ROLE = `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`;
const STORE = { type: 'S3', location: 'control-artifacts' };
const TERMINAL = ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled'];
let nagare: NagareHandle;
let work: string;
let ep: string;
let cp: PipelineCli;

before(async () => {
  nagare = await startNagare({ args: ['--build-concurrency', '8'] });
  ep = nagare.endpoint;
  cp = pipelineCli(ep);
  work = await mkdtemp(join(tmpdir(), 'nagare-cp-control-'));
  await createBucket(ep, 'control-artifacts');
  await createRepository(ep, 'control-repo', join(work, 'src'), work);
  await pushFiles(ep, join(work, 'src'), work, 'control-repo', 'main', { 'README.md': 'control\n' }, 'init');
});
after(async () => {
  await nagare?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const source = () => ({ name: 'Source', actions: [codeCommitSource('control-repo', 'Src')] });

async function start(name: string, ...args: string[]): Promise<string> {
  return (await cp.json<{ pipelineExecutionId: string }>('codepipeline', 'start-pipeline-execution', '--name', name, ...args)).pipelineExecutionId;
}

interface Execution {
  pipelineExecutionId: string;
  pipelineVersion: number;
  status: string;
  statusSummary?: string;
}

async function getExecution(name: string, id: string): Promise<Execution> {
  return (await cp.json<{ pipelineExecution: Execution }>('codepipeline', 'get-pipeline-execution', '--pipeline-name', name, '--pipeline-execution-id', id)).pipelineExecution;
}

async function state(name: string): Promise<PipelineState> {
  return cp.json<PipelineState>('codepipeline', 'get-pipeline-state', '--name', name);
}

/** Builds of `project` wait until the test opens their gate (gatedBuildspec). */
const gate = (project: string): string => join(work, 'gates', project);

describe('controlling executions', { concurrency: true }, () => {
  test('stop and wait lets the running build finish (Stopping → Stopped); repeating it is refused; abandon, even while Stopping, stops at once', async () => {
    const name = 'control-stop';
    await pipelineProject(ep, 'stop-build', gatedBuildspec(gate('stop-build')));
    await createPipeline(ep, work, { name, roleArn: ROLE, artifactStore: STORE, stages: [source(), { name: 'Build', actions: [codeBuildAction('Build', 'stop-build', 'Src')] }] });
    const first = await creationExecution(ep, name);
    const build = await buildRunning(ep, name, 'Build', 'Build', first);

    await cp.ok('codepipeline', 'stop-pipeline-execution', '--pipeline-name', name, '--pipeline-execution-id', first, '--reason', 'wait for the build');
    assert.equal((await getExecution(name, first)).status, 'Stopping', 'stop and wait: the build is still running');
    await cp.fails('DuplicatedStopRequestException', 'codepipeline', 'stop-pipeline-execution', '--pipeline-name', name, '--pipeline-execution-id', first, '--no-abandon');
    const stopping = (await state(name)).stageStates.find((s) => s.stageName === 'Build')!;
    assert.equal(stopping.latestExecution?.status, 'Stopping');
    assert.equal(stopping.actionStates[0]?.latestExecution?.status, 'InProgress', 'the build action keeps running');
    await openGate(gate('stop-build'), 1);
    assert.equal(await waitForStatus(ep, name, first, TERMINAL), 'Stopped');

    const [built] = (await awsOk(ep, ['codebuild', 'batch-get-builds', '--ids', build])).json<{ builds: { buildStatus: string; endTime: string }[] }>().builds;
    assert.equal(built?.buildStatus, 'SUCCEEDED', 'the build ran to its end');
    const summary = (await cp.json<{ pipelineExecutionSummaries: { pipelineExecutionId: string; status: string; lastUpdateTime: string; stopTrigger?: { reason?: string } }[] }>(
      'codepipeline', 'list-pipeline-executions', '--pipeline-name', name,
    )).pipelineExecutionSummaries.find((e) => e.pipelineExecutionId === first)!;
    assert.equal(summary.status, 'Stopped');
    assert.equal(summary.stopTrigger?.reason, 'wait for the build');
    assert.ok(ms(summary.lastUpdateTime) >= ms(built.endTime), `Stopped (${summary.lastUpdateTime}) only after the build ended (${built.endTime})`);
    const stopped = await actionExecutions(ep, name, first);
    assert.equal(stopped.find((a) => a.actionName === 'Build')?.status, 'Succeeded', 'the running action was not abandoned');

    const second = await start(name);
    await buildRunning(ep, name, 'Build', 'Build', second);
    // Abandon may follow a stop-and-wait (Surprise 25); it does not wait for the build, still held at its gate.
    await cp.ok('codepipeline', 'stop-pipeline-execution', '--pipeline-name', name, '--pipeline-execution-id', second, '--reason', 'wait');
    await cp.ok('codepipeline', 'stop-pipeline-execution', '--pipeline-name', name, '--pipeline-execution-id', second, '--abandon', '--reason', 'enough');
    assert.equal((await getExecution(name, second)).status, 'Stopped', 'abandon: Stopped at once, without waiting for the build');
    const stage = (await state(name)).stageStates.find((s) => s.stageName === 'Build')!;
    assert.equal(stage.latestExecution?.pipelineExecutionId, second);
    assert.equal(stage.latestExecution?.status, 'Stopped');
    assert.equal(stage.actionStates[0]?.latestExecution?.status, 'Abandoned');
    await cp.fails('PipelineExecutionNotStoppableException', 'codepipeline', 'stop-pipeline-execution', '--pipeline-name', name, '--pipeline-execution-id', second, '--abandon');
    await openGate(gate('stop-build'), 'all');
  });

  test('update-pipeline while an execution runs: it ends Cancelled; version 2; version 1 stays readable', async () => {
    const name = 'control-update';
    await pipelineProject(ep, 'update-build', gatedBuildspec(gate('update-build')));
    const envOf = (mark: string) => ({ ProjectName: 'update-build', EnvironmentVariables: JSON.stringify([{ name: 'MARK', value: mark }]) });
    const created = await createPipeline(ep, work, {
      name, roleArn: ROLE, artifactStore: STORE,
      stages: [source(), { name: 'Build', actions: [codeBuildAction('Build', 'update-build', 'Src', { configuration: envOf('v1') })] }],
    });
    assert.equal(created.version, 1);
    const first = await creationExecution(ep, name);
    await buildRunning(ep, name, 'Build', 'Build', first);

    const current = await cp.json<{ pipeline: { stages: { actions: { configuration: Record<string, string> }[] }[] } }>('codepipeline', 'get-pipeline', '--name', name);
    current.pipeline.stages[1]!.actions[0]!.configuration = envOf('v2');
    const file = join(work, 'control-update-v2.json');
    await writeFile(file, JSON.stringify({ pipeline: current.pipeline }));
    const updated = await cp.json<{ pipeline: { version: number } }>('codepipeline', 'update-pipeline', '--cli-input-json', `file://${file}`);
    assert.equal(updated.pipeline.version, 2);

    assert.equal(await waitForStatus(ep, name, first, TERMINAL), 'Cancelled');
    const cancelled = await getExecution(name, first);
    assert.equal(cancelled.status, 'Cancelled');
    assert.equal(cancelled.pipelineVersion, 1);
    const v1 = await cp.json<{ pipeline: { version: number; stages: { actions: { configuration?: Record<string, string> }[] }[] } }>('codepipeline', 'get-pipeline', '--name', name, '--pipeline-version', '1');
    assert.equal(v1.pipeline.version, 1);
    assert.deepEqual(v1.pipeline.stages[1]!.actions[0]!.configuration, envOf('v1'));
    const v2 = await cp.json<{ pipeline: { version: number; stages: { actions: { configuration?: Record<string, string> }[] }[] } }>('codepipeline', 'get-pipeline', '--name', name);
    assert.equal(v2.pipeline.version, 2);
    assert.deepEqual(v2.pipeline.stages[1]!.actions[0]!.configuration, envOf('v2'));
    assert.equal((await state(name)).pipelineVersion, 2);
    await openGate(gate('update-build'), 'all');
  });

  test('start-pipeline-execution with the same --client-request-token twice: the same execution', async () => {
    const name = 'control-token';
    await createPipeline(ep, work, {
      name, roleArn: ROLE, artifactStore: STORE,
      stages: [source(), { name: 'Approve', actions: [{ name: 'Gate', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' } }] }],
    });
    const once = await start(name, '--client-request-token', 'release-2024-06-01');
    const twice = await start(name, '--client-request-token', 'release-2024-06-01');
    assert.equal(twice, once);
    const other = await start(name, '--client-request-token', 'release-2024-06-02');
    assert.notEqual(other, once);
    const ids = (await cp.json<{ pipelineExecutionSummaries: { pipelineExecutionId: string; trigger: { triggerType: string } }[] }>('codepipeline', 'list-pipeline-executions', '--pipeline-name', name))
      .pipelineExecutionSummaries.filter((e) => e.trigger.triggerType === 'StartPipelineExecution').map((e) => e.pipelineExecutionId);
    assert.deepEqual(ids.sort(), [once, other].sort(), 'the repeated start created no execution');
  });
});
