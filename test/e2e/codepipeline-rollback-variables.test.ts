import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { awsOk } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import {
  ACCOUNT,
  actionExecutions,
  codeBuildAction,
  codeCommitSource,
  createBucket,
  createRepository,
  createPipeline,
  creationExecution,
  pipelineApi,
  pipelineCli,
  pipelineProject,
  pushFiles,
  waitFor,
  waitForStatus,
  type PipelineCli,
  type PipelineState,
} from '../support/pipeline-harness.js';

/**
 * rollback-stage and variables with the real AWS CLI v2 against `nagare up` (spec C.4, C.8
 * Rollback, Surprises 24, 27): a rollback is a new ROLLBACK execution that redeploys the target's
 * revision; `#{variables.*}`, `#{codepipeline.*}` and namespaced action output variables are
 * resolved in an action's configuration just before it starts, and the build sees the values. The
 * scenarios use their own pipelines and run concurrently on one server.
 */

const ROLE = `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`;
const STORE = { type: 'S3', location: 'rbvars-artifacts' };
const TERMINAL = ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled'];
let nagare: NagareHandle;
let work: string;
let ep: string;
let cp: PipelineCli;

before(async () => {
  nagare = await startNagare();
  ep = nagare.endpoint;
  cp = pipelineCli(ep);
  work = await mkdtemp(join(tmpdir(), 'nagare-cp-rbvars-'));
  await Promise.all(['rbvars-artifacts', 'rbvars-site', 'rbvars-out'].map((b) => createBucket(ep, b)));
});
after(async () => {
  await nagare?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function start(name: string, ...args: string[]): Promise<string> {
  return (await cp.json<{ pipelineExecutionId: string }>('codepipeline', 'start-pipeline-execution', '--name', name, ...args)).pipelineExecutionId;
}

interface Execution {
  pipelineExecutionId: string;
  status: string;
  variables?: { name: string; resolvedValue: string }[];
  trigger?: { triggerType: string; triggerDetail?: string };
  executionType?: string;
  rollbackMetadata?: { rollbackTargetPipelineExecutionId?: string };
  artifactRevisions?: { name: string; revisionId: string }[];
}

async function getExecution(name: string, id: string): Promise<Execution> {
  return (await cp.json<{ pipelineExecution: Execution }>('codepipeline', 'get-pipeline-execution', '--pipeline-name', name, '--pipeline-execution-id', id)).pipelineExecution;
}

async function s3Text(uri: string): Promise<string> {
  return (await awsOk(ep, ['s3', 'cp', uri, '-'])).stdout;
}

/** A repository of its own per scenario: its pushes start only that scenario's pipeline. */
async function repository(name: string, files: Record<string, string>): Promise<{ dir: string; commit: string }> {
  const dir = join(work, name);
  await createRepository(ep, name, dir, work);
  return { dir, commit: await pushFiles(ep, dir, work, name, 'main', files, 'init') };
}

describe('rollback and variables', { concurrency: true }, () => {
  test('rollback-stage (V2): a new ROLLBACK execution redeploys the target execution\'s revision; a target that did not succeed is refused', async () => {
    const name = 'rbvars-rollback';
    const { dir: src, commit: one } = await repository('rollback-repo', { 'release.txt': 'one\n' });
    await pipelineProject(ep, 'rollback-build', ['version: 0.2', 'phases:', '  build:', '    commands:', '      - test "$RELEASE" != bad', 'artifacts:', '  files:', '    - release.txt']);
    await createPipeline(ep, work, {
      name, roleArn: ROLE, artifactStore: STORE, pipelineType: 'V2', executionMode: 'SUPERSEDED',
      variables: [{ name: 'Release', defaultValue: 'good' }],
      stages: [
        { name: 'Source', actions: [codeCommitSource('rollback-repo', 'Src')] },
        {
          name: 'Build',
          actions: [codeBuildAction('Build', 'rollback-build', 'Src', {
            configuration: { ProjectName: 'rollback-build', EnvironmentVariables: JSON.stringify([{ name: 'RELEASE', value: '#{variables.Release}' }]) },
            outputArtifacts: [{ name: 'Site' }],
          })],
        },
        {
          name: 'Deploy',
          actions: [{ name: 'Publish', actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'S3', version: '1' }, configuration: { BucketName: 'rbvars-site', Extract: 'true', ObjectKey: 'site' }, inputArtifacts: [{ name: 'Site' }] }],
        },
      ],
    });
    const first = await creationExecution(ep, name);
    assert.equal(await waitForStatus(ep, name, first, TERMINAL), 'Succeeded');
    assert.equal(await s3Text('s3://rbvars-site/site/release.txt'), 'one\n');
    // The push starts the second execution on the new commit.
    const two = await pushFiles(ep, src, work, 'rollback-repo', 'main', { 'release.txt': 'two\n' }, 'release two');
    const second = await waitFor('the execution of the second push', async () => {
      const list = await pipelineApi<{ pipelineExecutionSummaries: { pipelineExecutionId: string }[] }>(ep, 'ListPipelineExecutions', { pipelineName: name });
      return list.pipelineExecutionSummaries.find((e) => e.pipelineExecutionId !== first)?.pipelineExecutionId;
    });
    assert.equal(await waitForStatus(ep, name, second, TERMINAL), 'Succeeded');
    assert.equal(await s3Text('s3://rbvars-site/site/release.txt'), 'two\n');

    const rollback = (await cp.json<{ pipelineExecutionId: string }>('codepipeline', 'rollback-stage', '--pipeline-name', name, '--stage-name', 'Deploy', '--target-pipeline-execution-id', first)).pipelineExecutionId;
    // Meanwhile an execution that fails in Build: never a rollback target for Deploy.
    const bad = await start(name, '--variables', 'name=Release,value=bad');
    assert.ok(![first, second].includes(rollback), 'rollback-stage starts a new execution');
    assert.equal(await waitForStatus(ep, name, rollback, TERMINAL), 'Succeeded');
    const rolled = await getExecution(name, rollback);
    assert.equal(rolled.executionType, 'ROLLBACK');
    assert.equal(rolled.trigger?.triggerType, 'ManualRollback');
    assert.deepEqual(rolled.rollbackMetadata, { rollbackTargetPipelineExecutionId: first });
    assert.deepEqual(rolled.artifactRevisions?.map((r) => r.revisionId), [one], 'the target\'s source revision, not the newest');
    assert.notEqual(one, two);
    assert.equal(await s3Text('s3://rbvars-site/site/release.txt'), 'one\n', 'the first execution\'s artifact is deployed again');
    assert.deepEqual((await actionExecutions(ep, name, rollback)).map((a) => `${a.stageName}/${a.actionName}:${a.status}`), ['Deploy/Publish:Succeeded'], 'only the rolled-back stage ran');
    const deploy = (await cp.json<PipelineState>('codepipeline', 'get-pipeline-state', '--name', name)).stageStates.find((s) => s.stageName === 'Deploy')!;
    assert.deepEqual(deploy.latestExecution, { pipelineExecutionId: rollback, status: 'Succeeded', type: 'ROLLBACK' });

    assert.equal(await waitForStatus(ep, name, bad, TERMINAL), 'Failed');
    await cp.fails('UnableToRollbackStageException', 'codepipeline', 'rollback-stage', '--pipeline-name', name, '--stage-name', 'Deploy', '--target-pipeline-execution-id', bad);
  });

  test('variables: #{variables.*}, #{codepipeline.*} and namespaced action variables are resolved before an action starts; the build sees them', async () => {
    const name = 'rbvars-vars';
    const { commit } = await repository('vars-repo', { 'README.md': 'variables\n' });
    await pipelineProject(ep, 'vars-build', [
      'version: 0.2', 'env:', '  exported-variables:', '    - X', 'phases:', '  build:', '    commands:',
      '      - X="build-$ENV"',
      `      - printf 'ENV=%s EXEC=%s COMMIT=%s\\n' "$ENV" "$EXEC" "$COMMIT" > seen.txt`,
      'artifacts:', '  files:', '    - seen.txt',
    ]);
    const env = JSON.stringify([
      { name: 'ENV', value: '#{variables.Env}' },
      { name: 'EXEC', value: '#{codepipeline.PipelineExecutionId}' },
      { name: 'COMMIT', value: '#{SourceVariables.CommitId}' },
    ]);
    await createPipeline(ep, work, {
      name, roleArn: ROLE, artifactStore: STORE, pipelineType: 'V2',
      variables: [{ name: 'Env', defaultValue: 'dev' }],
      stages: [
        { name: 'Source', actions: [codeCommitSource('vars-repo', 'Src', { namespace: 'SourceVariables' })] },
        {
          name: 'Build',
          actions: [codeBuildAction('Build', 'vars-build', 'Src', { namespace: 'BuildVariables', configuration: { ProjectName: 'vars-build', EnvironmentVariables: env }, outputArtifacts: [{ name: 'Seen' }] })],
        },
        {
          name: 'Deploy',
          actions: [{
            name: 'Publish', actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'S3', version: '1' },
            configuration: { BucketName: 'rbvars-out', Extract: 'true', ObjectKey: '#{variables.Env}/#{BuildVariables.X}' }, inputArtifacts: [{ name: 'Seen' }],
          }],
        },
      ],
    });
    const byDefault = await creationExecution(ep, name);
    const id = await start(name, '--variables', 'name=Env,value=prod');
    assert.equal(await waitForStatus(ep, name, id, TERMINAL), 'Succeeded');
    assert.deepEqual((await getExecution(name, id)).variables, [{ name: 'Env', resolvedValue: 'prod' }]);

    const actions = await actionExecutions(ep, name, id);
    const byName = (n: string) => actions.find((a) => a.actionName === n)!;
    assert.equal(byName('Source').output.outputVariables?.CommitId, commit);
    const build = byName('Build');
    assert.equal(build.input.namespace, 'BuildVariables');
    assert.equal(build.input.configuration?.EnvironmentVariables, env, 'configuration keeps the references');
    assert.deepEqual(JSON.parse(build.input.resolvedConfiguration?.EnvironmentVariables ?? 'null'), [
      { name: 'ENV', value: 'prod' },
      { name: 'EXEC', value: id },
      { name: 'COMMIT', value: commit },
    ]);
    assert.equal(build.output.outputVariables?.X, 'build-prod', 'exported-variables became the action\'s output variables');
    assert.equal(byName('Publish').input.resolvedConfiguration?.ObjectKey, 'prod/build-prod', '#{BuildVariables.X} resolved in a later action');
    assert.equal(await s3Text('s3://rbvars-out/prod/build-prod/seen.txt'), `ENV=prod EXEC=${id} COMMIT=${commit}\n`, 'what the build saw');
    await cp.fails('ValidationException', 'codepipeline', 'start-pipeline-execution', '--name', name, '--variables', 'name=Region,value=eu');
    // The creation's execution, started without variables, ran with the default.
    assert.equal(await waitForStatus(ep, name, byDefault, TERMINAL), 'Succeeded');
    assert.equal(await s3Text('s3://rbvars-out/dev/build-dev/seen.txt'), `ENV=dev EXEC=${byDefault} COMMIT=${commit}\n`);
  });
});
