import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { aws, awsOk } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import {
  approvalToken,
  execution,
  executions,
  pipelineState,
  pushFiles,
  seedPipeline,
  waitFor,
  waitForExecution,
} from '../support/pipeline-harness.js';

/**
 * Seed 000's whole flow with the real AWS CLI v2 and real git against `nagare up`:
 * create-repository → git push → create-connection → create-project (as the seed writes it: GITHUB source,
 * NO_ARTIFACTS) → create-pipeline --cli-input-json (its definition with the approval stage, as
 * written, ECS deploy swapped for S3) → the creation's execution runs Source → Build → Approval →
 * Deploy; a second push starts another (WebhookV2, the pushed commit), a rejection fails it, a
 * retry of the failed stage continues the same execution to Succeeded.
 */

const PIPELINE = 'ai-kirinuki-pipeline';
let nagare: NagareHandle;
let work: string;

const BUILDSPEC = [
  'version: 0.2',
  'phases:',
  '  build:',
  '    commands:',
  '      - COMMIT_HASH=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)',
  '      - IMAGE_TAG=${COMMIT_HASH:=latest}',
  '      - printf \'{"ImageURI":"%s"}\' $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/ai-kirinuki-app:$IMAGE_TAG > imageDefinition.json',
  '      - echo "initiator=$CODEBUILD_INITIATOR" > build-info.txt',
  'artifacts:',
  '  files:',
  '    - imageDefinition.json',
  '    - build-info.txt',
  '',
].join('\n');

before(async () => {
  nagare = await startNagare();
  work = await mkdtemp(join(tmpdir(), 'nagare-cp-seed-'));
});
after(async () => {
  await nagare?.stop();
  await rm(work, { recursive: true, force: true });
});

test('seed 000: push, create-pipeline, approve, deploy; a second push is rejected, retried and approved', async () => {
  const ep = nagare.endpoint;
  const cli = (...args: string[]) => awsOk(ep, args);
  await cli('s3', 'mb', 's3://ai-kirinuki-pipeline-artifacts');
  await cli('s3', 'mb', 's3://ai-kirinuki-release');
  await cli('codecommit', 'create-repository', '--repository-name', 'ai-kirinuki-kun');
  const src = join(work, 'src');
  const first = await pushFiles(ep, src, work, 'ai-kirinuki-kun', 'main', { 'buildspec.yml': BUILDSPEC, 'app.py': 'print("kirinuki")\n' }, 'first clip tool');
  await cli(
    'codebuild', 'create-project', '--name', 'ai-kirinuki-build',
    '--source', 'type=GITHUB,location=https://github.com/yourusername/AI-kirinuki-kun.git',
    // As in the seed, plus AWS_ACCOUNT_ID, which its buildspec uses but CodeBuild does not define.
    '--environment', JSON.stringify({ type: 'LINUX_CONTAINER', image: 'aws/codebuild/amazonlinux2-x86_64-standard:3.0', computeType: 'BUILD_GENERAL1_SMALL',
      privilegedMode: true, environmentVariables: [{ name: 'AWS_ACCOUNT_ID', value: '000000000000' }] }),
    '--service-role', 'CodeBuildServiceRole',
    '--artifacts', 'type=NO_ARTIFACTS',
  );
  // The seed's <CONNECTION_ARN>: a connection made as AWS's docs say (nagare's is AVAILABLE at once).
  const connection = (await cli('codestar-connections', 'create-connection', '--provider-type', 'GitHub', '--connection-name', 'ai-kirinuki-github')).json<{ ConnectionArn: string }>();
  const doc = await seedPipeline('ai-kirinuki-release');
  const definition = join(work, 'codepipeline-definition.json');
  await writeFile(definition, JSON.stringify(doc, null, 2).replace(/arn:aws:codestar-connections:[^"]+/, connection.ConnectionArn));
  const created = (await cli('codepipeline', 'create-pipeline', '--cli-input-json', `file://${definition}`)).json<{ pipeline: { version: number; pipelineType: string } }>();
  assert.equal(created.pipeline.version, 1);

  // Creation started an execution (Surprise 22); it waits at the approval.
  const [firstRun] = await waitFor('the CreatePipeline execution', async () => {
    const list = await executions(ep, PIPELINE);
    return list.length > 0 ? list : undefined;
  });
  assert.equal(firstRun!.trigger.triggerType, 'CreatePipeline');
  const token = await approvalToken(ep, PIPELINE, 'Approval', 'ManualApproval');
  const state = await pipelineState(ep, PIPELINE);
  assert.deepEqual(state.stageStates.map((s) => [s.stageName, s.latestExecution?.status]), [
    ['Source', 'Succeeded'],
    ['Build', 'Succeeded'],
    ['Approval', 'InProgress'],
    ['Deploy', undefined],
  ]);
  assert.equal(state.stageStates[0]!.actionStates[0]!.currentRevision?.revisionId, first);
  await cli('codepipeline', 'put-approval-result', '--pipeline-name', PIPELINE, '--stage-name', 'Approval', '--action-name', 'ManualApproval',
    '--result', 'summary=looks good,status=Approved', '--token', token);
  const done = await waitForExecution(ep, PIPELINE, firstRun!.pipelineExecutionId, ['Succeeded', 'Failed'], 60_000);
  assert.equal(done.status, 'Succeeded', done.statusSummary);
  assert.deepEqual(done.artifactRevisions?.map((r) => r.revisionId), [first]);

  // The build ran on the pipeline's source zip with CodePipeline's initiator; S3 deploy extracted its output.
  const image = await cli('s3', 'cp', 's3://ai-kirinuki-release/release/imageDefinition.json', '-');
  assert.equal(image.stdout, `{"ImageURI":"000000000000.dkr.ecr.us-east-1.amazonaws.com/ai-kirinuki-app:${first.slice(0, 7)}"}`);
  const info = await cli('s3', 'cp', 's3://ai-kirinuki-release/release/build-info.txt', '-');
  assert.equal(info.stdout.trim(), `initiator=codepipeline/${PIPELINE}`);

  // A token already answered is refused.
  const again = await aws(ep, ['codepipeline', 'put-approval-result', '--pipeline-name', PIPELINE, '--stage-name', 'Approval', '--action-name', 'ManualApproval',
    '--result', 'summary=twice,status=Approved', '--token', token]);
  assert.match(again.stderr, /ApprovalAlreadyCompletedException/);

  // A second push starts the pipeline on exactly that commit.
  const second = await pushFiles(ep, src, work, 'ai-kirinuki-kun', 'main', { 'app.py': 'print("kirinuki v2")\n' }, 'second');
  const run2 = await waitFor('the push execution', async () => (await executions(ep, PIPELINE)).find((e) => e.pipelineExecutionId !== firstRun!.pipelineExecutionId));
  assert.equal(run2.trigger.triggerType, 'WebhookV2');
  const token2 = await approvalToken(ep, PIPELINE, 'Approval', 'ManualApproval', run2.pipelineExecutionId);
  assert.equal((await execution(ep, PIPELINE, run2.pipelineExecutionId)).artifactRevisions?.[0]?.revisionId, second);
  await cli('codepipeline', 'put-approval-result', '--pipeline-name', PIPELINE, '--stage-name', 'Approval', '--action-name', 'ManualApproval',
    '--result', 'summary=not yet,status=Rejected', '--token', token2);
  const rejected = await waitForExecution(ep, PIPELINE, run2.pipelineExecutionId, ['Failed']);
  assert.match(rejected.statusSummary ?? '', /ManualApproval/);

  // Retrying the failed stage continues the same execution (Surprise 24).
  const retried = (await cli('codepipeline', 'retry-stage-execution', '--pipeline-name', PIPELINE, '--stage-name', 'Approval',
    '--pipeline-execution-id', run2.pipelineExecutionId, '--retry-mode', 'FAILED_ACTIONS')).json<{ pipelineExecutionId: string }>();
  assert.equal(retried.pipelineExecutionId, run2.pipelineExecutionId);
  const token3 = await approvalToken(ep, PIPELINE, 'Approval', 'ManualApproval', run2.pipelineExecutionId);
  assert.notEqual(token3, token2);
  await cli('codepipeline', 'put-approval-result', '--pipeline-name', PIPELINE, '--stage-name', 'Approval', '--action-name', 'ManualApproval',
    '--result', 'summary=ok now,status=Approved', '--token', token3);
  const final = await waitForExecution(ep, PIPELINE, run2.pipelineExecutionId, ['Succeeded', 'Failed']);
  assert.equal(final.status, 'Succeeded', final.statusSummary);

  // History: every action execution with its resolved configuration; the build's id is the external id.
  const actions = (await cli('codepipeline', 'list-action-executions', '--pipeline-name', PIPELINE, '--filter', `pipelineExecutionId=${run2.pipelineExecutionId}`)).json<{
    actionExecutionDetails: { actionName: string; status: string; input: { resolvedConfiguration?: Record<string, string> }; output: { executionResult?: { externalExecutionId?: string } } }[];
  }>().actionExecutionDetails;
  assert.deepEqual(actions.map((a) => `${a.actionName}:${a.status}`).sort(), ['BuildAndPush:Succeeded', 'DeployToS3:Succeeded', 'ManualApproval:Failed', 'ManualApproval:Succeeded', 'Source:Succeeded']);
  const build = actions.find((a) => a.actionName === 'BuildAndPush')!;
  assert.match(build.output.executionResult?.externalExecutionId ?? '', /^ai-kirinuki-build:/);
  assert.equal(build.input.resolvedConfiguration?.ProjectName, 'ai-kirinuki-build');
});

test('a connection that does not exist fails the source action with a message saying what to do', async () => {
  const ep = nagare.endpoint;
  const doc = (await seedPipeline('ai-kirinuki-release')) as { pipeline: { name: string } };
  doc.pipeline.name = 'no-connection-pipeline';
  const file = join(work, 'no-connection.json');
  await writeFile(file, JSON.stringify(doc));
  await awsOk(ep, ['codepipeline', 'create-pipeline', '--cli-input-json', `file://${file}`]);
  const [run] = await waitFor('the execution', async () => {
    const list = await executions(ep, 'no-connection-pipeline');
    return list.length > 0 ? list : undefined;
  });
  const failed = await waitForExecution(ep, 'no-connection-pipeline', run!.pipelineExecutionId, ['Failed', 'Succeeded']);
  assert.equal(failed.status, 'Failed');
  const source = (await pipelineState(ep, 'no-connection-pipeline')).stageStates[0]!.actionStates[0]!.latestExecution!;
  assert.equal(source.errorDetails?.code, 'ConfigurationError');
  assert.match(source.errorDetails?.message ?? '', /Unable to use Connection: arn:aws:codestar-connections:.*does not exist.*create-connection/);
});
