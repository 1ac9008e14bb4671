import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { awsOk } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { approvalToken, ACCOUNT, executions, pipelineState, pushFiles, waitFor, waitForExecution } from '../support/pipeline-harness.js';

/**
 * `kill -9` of the server in the middle of a pipeline (issue 4: durable state). Mid-build: the
 * restarted server fails the interrupted build, so the action and the execution end Failed with a
 * reason — never stuck InProgress — and a retry of the stage runs it to Succeeded. Mid-approval:
 * the wait, its token and its timer survive; approving after the restart finishes the execution.
 */

let nagare: NagareHandle;
let work: string;

before(async () => {
  nagare = await startNagare();
  work = await mkdtemp(join(tmpdir(), 'nagare-cp-crash-'));
});
after(async () => {
  await nagare?.stop();
  await rm(work, { recursive: true, force: true });
});

function definition(name: string, mark: string): Record<string, unknown> {
  return {
    pipeline: {
      name,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`,
      artifactStore: { type: 'S3', location: 'crash-artifacts' },
      stages: [
        {
          name: 'Source',
          actions: [{ name: 'Source', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
            configuration: { RepositoryName: 'crash-repo', BranchName: 'main', PollForSourceChanges: 'false' }, outputArtifacts: [{ name: 'Src' }] }],
        },
        {
          name: 'Build',
          actions: [{ name: 'Build', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
            configuration: { ProjectName: 'crash-build', EnvironmentVariables: JSON.stringify([{ name: 'MARK', value: mark }]) }, inputArtifacts: [{ name: 'Src' }] }],
        },
        {
          name: 'Approve',
          actions: [{ name: 'Gate', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }, configuration: { CustomData: 'ship it?' } }],
        },
      ],
    },
  };
}

test('kill -9 mid-build fails the execution with a reason; a stage retry then succeeds; kill -9 mid-approval keeps the wait', async () => {
  const cli = (...args: string[]) => awsOk(nagare.endpoint, args);
  await cli('s3', 'mb', 's3://crash-artifacts');
  await cli('codecommit', 'create-repository', '--repository-name', 'crash-repo');
  // The first build sleeps long enough to be killed; later ones (the marker exists) are quick. MARK comes
  // from the action's EnvironmentVariables.
  const buildspec = ['version: 0.2', 'phases:', '  build:', '    commands:', '      - if [ ! -f /tmp/nagare-crash-marker-$MARK ]; then touch /tmp/nagare-crash-marker-$MARK; sleep 30; fi', ''].join('\n');
  const mark = String(process.pid);
  await pushFiles(nagare.endpoint, join(work, 'src'), work, 'crash-repo', 'main', { 'buildspec.yml': buildspec }, 'init');
  await cli('codebuild', 'create-project', '--name', 'crash-build', '--source', 'type=CODEPIPELINE', '--artifacts', 'type=CODEPIPELINE',
    '--environment', 'type=LINUX_CONTAINER,image=aws/codebuild/standard:7.0,computeType=BUILD_GENERAL1_SMALL', '--service-role', 'r');
  const file = join(work, 'p.json');
  await writeFile(file, JSON.stringify(definition('crash-pipeline', mark)));
  await cli('codepipeline', 'create-pipeline', '--cli-input-json', `file://${file}`);
  const [run] = await waitFor('execution', async () => {
    const list = await executions(nagare.endpoint, 'crash-pipeline');
    return list.length > 0 ? list : undefined;
  });
  const id = run!.pipelineExecutionId;
  await waitFor('the build running', async () => {
    const s = await pipelineState(nagare.endpoint, 'crash-pipeline');
    return s.stageStates[1]?.actionStates[0]?.latestExecution?.externalExecutionId;
  });
  await new Promise((r) => setTimeout(r, 1500));

  nagare = await nagare.restart(); // kill -9, then a new process on the same data dir
  const failed = await waitForExecution(nagare.endpoint, 'crash-pipeline', id, ['Failed', 'Succeeded'], 60_000);
  assert.equal(failed.status, 'Failed');
  assert.match(failed.statusSummary ?? '', /Build/);
  const state = await pipelineState(nagare.endpoint, 'crash-pipeline');
  assert.equal(state.stageStates[1]!.actionStates[0]!.latestExecution?.status, 'Failed');
  assert.match(state.stageStates[1]!.actionStates[0]!.latestExecution?.errorDetails?.message ?? '', /Build terminated with state: FAILED/);

  await cli('codepipeline', 'retry-stage-execution', '--pipeline-name', 'crash-pipeline', '--stage-name', 'Build', '--pipeline-execution-id', id, '--retry-mode', 'FAILED_ACTIONS');
  await approvalToken(nagare.endpoint, 'crash-pipeline', 'Approve', 'Gate', id);

  nagare = await nagare.restart(); // kill -9 while the approval waits
  const token = await approvalToken(nagare.endpoint, 'crash-pipeline', 'Approve', 'Gate', id);
  await awsOk(nagare.endpoint, ['codepipeline', 'put-approval-result', '--pipeline-name', 'crash-pipeline', '--stage-name', 'Approve', '--action-name', 'Gate',
    '--result', 'summary=after restart,status=Approved', '--token', token]);
  const done = await waitForExecution(nagare.endpoint, 'crash-pipeline', id, ['Succeeded', 'Failed']);
  assert.equal(done.status, 'Succeeded', done.statusSummary);
});
