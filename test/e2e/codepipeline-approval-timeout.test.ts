import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import {
  ACCOUNT,
  actionExecutions,
  codeCommitSource,
  createBucket,
  createRepository,
  createPipeline,
  creationExecution,
  ms,
  pipelineCli,
  pushFiles,
  waitForStatus,
  type PipelineState,
} from '../support/pipeline-harness.js';

/**
 * A manual approval nobody answers times out (spec C.7 Approval, C.8 Timeouts, Surprise 26): its
 * action fails and so does the execution. The server runs at --time-scale 600, so the action's
 * `timeoutInMinutes: 5` passes in 0.5 s. The scale applies server-wide (CodeBuild's 60-minute
 * build timeout becomes 6 s too), hence a file and a server of its own.
 */

let nagare: NagareHandle;
let work: string;

before(async () => {
  nagare = await startNagare({ timeScale: 600 });
  work = await mkdtemp(join(tmpdir(), 'nagare-cp-approval-'));
});
after(async () => {
  await nagare?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

test('a manual approval with timeoutInMinutes 5 at --time-scale 600 fails after 0.5 s: the action, its stage and the execution Failed', async () => {
  const ep = nagare.endpoint;
  const cp = pipelineCli(ep);
  const health = (await (await fetch(`${ep}/_nagare/health`)).json()) as { timeScale: number };
  assert.equal(health.timeScale, 600);
  await createBucket(ep, 'approval-artifacts');
  await createRepository(ep, 'approval-repo', join(work, 'src'), work);
  await pushFiles(ep, join(work, 'src'), work, 'approval-repo', 'main', { 'README.md': 'approval\n' }, 'init');
  const name = 'approval-timeout';
  await createPipeline(ep, work, {
    name,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`,
    artifactStore: { type: 'S3', location: 'approval-artifacts' },
    stages: [
      { name: 'Source', actions: [codeCommitSource('approval-repo', 'Src')] },
      { name: 'Approve', actions: [{ name: 'Gate', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }, configuration: { CustomData: 'ship it?' }, timeoutInMinutes: 5 }] },
    ],
  });
  const id = await creationExecution(ep, name);
  assert.equal(await waitForStatus(ep, name, id, ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled'], 30_000), 'Failed');

  const failed = (await cp.json<{ pipelineExecution: { status: string; statusSummary?: string } }>('codepipeline', 'get-pipeline-execution', '--pipeline-name', name, '--pipeline-execution-id', id)).pipelineExecution;
  assert.equal(failed.status, 'Failed');
  assert.match(failed.statusSummary ?? '', /Approve\/Gate/);
  const stage = (await cp.json<PipelineState>('codepipeline', 'get-pipeline-state', '--name', name)).stageStates.find((s) => s.stageName === 'Approve')!;
  assert.equal(stage.latestExecution?.status, 'Failed');
  const gate = stage.actionStates[0]?.latestExecution;
  assert.equal(gate?.status, 'Failed');
  assert.match(gate?.errorDetails?.message ?? '', /timed out/);
  assert.equal(gate?.token, undefined, 'no token to answer any more');
  const [run] = (await actionExecutions(ep, name, id)).filter((a) => a.actionName === 'Gate');
  assert.equal(run?.status, 'Failed');
  const waited = ms(run.lastUpdateTime) - ms(run.startTime);
  assert.ok(waited < 20_000, `5 AWS minutes at scale 600 are 0.5 s, not ${waited} ms`);
});
