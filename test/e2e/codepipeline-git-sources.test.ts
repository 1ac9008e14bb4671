import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import {
  ACCOUNT,
  actionExecutions,
  codeBuildAction,
  codeCommitSource,
  createBucket,
  createPipeline,
  createRepository,
  creationExecution,
  git,
  pipelineApi,
  pipelineProject,
  pushFiles,
  waitFor,
  waitForStatus,
} from '../support/pipeline-harness.js';
import { jsonCall, signedRequest } from '../support/signed-request.js';

/**
 * Git sources beyond the zip (real git, real AWS CLI v2, real builds):
 * - `OutputArtifactFormat: CODEBUILD_CLONE_REF`: the build gets a full clone — history, tags, the
 *   branch checked out at the pipeline's commit — and the artifact store holds only a reference
 *   without credentials; an S3 deploy given such a reference fails saying why.
 * - `--git-remotes`: a CodeStarSourceConnection source reads a repository outside nagare (a local
 *   bare repository here), ahead of a hosted repository of the same name; polling starts the
 *   pipeline on a plain `git push` to that remote, once for two source actions watching it, and a
 *   push to the hosted namesake starts nothing.
 */

const BUILD_VARS = ['HEAD_SHA', 'BRANCH', 'COMMITS', 'DESCRIBE', 'DIRTY', 'REPO_URL'];
const gitFacts = [
  'version: 0.2',
  'env:',
  '  exported-variables:',
  ...BUILD_VARS.map((v) => `    - ${v}`),
  'phases:',
  '  build:',
  '    commands:',
  '      - export HEAD_SHA=$(git rev-parse HEAD)',
  '      - export BRANCH=$(git branch --show-current)',
  '      - export COMMITS=$(git rev-list --count HEAD)',
  '      - export DESCRIBE=$(git describe --tags)',
  '      - export DIRTY=$(git status --porcelain | wc -l | tr -d " ")',
  '      - export REPO_URL=$CODEBUILD_SOURCE_REPO_URL',
  '      - test -f app.txt',
];

describe('CODEBUILD_CLONE_REF from a hosted repository', () => {
  let nagare: NagareHandle;
  let work: string;
  before(async () => {
    nagare = await startNagare();
    work = await mkdtemp(join(tmpdir(), 'nagare-cp-clone-'));
  });
  after(async () => {
    await nagare?.stop();
    await rm(work, { recursive: true, force: true });
  });

  test('the build gets a full clone on the branch at the pipeline commit; the store holds only a reference', async () => {
    const { endpoint } = nagare;
    const home = join(work, 'home');
    const tree = join(work, 'tree');
    await mkdir(home, { recursive: true });
    await createBucket(endpoint, 'clone-artifacts');
    await createBucket(endpoint, 'clone-site');
    await createRepository(endpoint, 'clone-app', tree, home);
    const c1 = await pushFiles(endpoint, tree, home, 'clone-app', 'main', { 'app.txt': 'one\n' }, 'first');
    await git(tree, home, 'tag', 'v1.0', c1);
    await git(tree, home, 'push', '-q', 'origin', 'v1.0');
    await pushFiles(endpoint, tree, home, 'clone-app', 'main', { 'app.txt': 'two\n' }, 'second');
    const c3 = await pushFiles(endpoint, tree, home, 'clone-app', 'main', { 'app.txt': 'three\n' }, 'third');
    await pipelineProject(endpoint, 'clone-facts', gitFacts);

    const cloneSource = codeCommitSource('clone-app', 'Src', {
      namespace: 'SourceVars',
      configuration: { RepositoryName: 'clone-app', BranchName: 'main', PollForSourceChanges: 'false', OutputArtifactFormat: 'CODEBUILD_CLONE_REF' },
    });
    await createPipeline(endpoint, work, {
      name: 'clone-ref',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`,
      artifactStore: { type: 'S3', location: 'clone-artifacts' },
      stages: [
        { name: 'Source', actions: [cloneSource] },
        { name: 'Build', actions: [codeBuildAction('Facts', 'clone-facts', 'Src', { namespace: 'BuildVars' })] },
      ],
    });
    const id = await creationExecution(endpoint, 'clone-ref');
    assert.equal(await waitForStatus(endpoint, 'clone-ref', id, ['Succeeded', 'Failed']), 'Succeeded');

    const details = await actionExecutions(endpoint, 'clone-ref', id);
    const facts = details.find((d) => d.actionName === 'Facts')!.output.outputVariables!;
    assert.equal(facts.HEAD_SHA, c3);
    assert.equal(facts.BRANCH, 'main');
    assert.equal(facts.COMMITS, '3', 'the whole history, not a shallow copy');
    assert.match(facts.DESCRIBE!, /^v1\.0-2-g[0-9a-f]+$/, 'tags came with the clone');
    assert.equal(facts.DIRTY, '0');
    assert.match(facts.REPO_URL!, /\/git\/us-east-1\/000000000000\/v1\/repos\/clone-app$/);
    assert.doesNotMatch(facts.REPO_URL!, /test:test@/);

    // The artifact object is a reference: JSON naming the repository and commit, and no key.
    const source = details.find((d) => d.actionName === 'Source')!;
    assert.equal(source.output.outputVariables?.CommitId, c3);
    const loc = source.output.outputArtifacts![0]!.s3location;
    const object = await signedRequest(endpoint, { method: 'GET', path: `/${loc.bucket}/${loc.key}` }, { service: 's3' });
    assert.equal(object.status, 200);
    assert.equal(object.headers['content-type'], 'application/json');
    const ref = JSON.parse(object.text) as Record<string, string>;
    assert.equal(ref.format, 'CODEBUILD_CLONE_REF');
    assert.equal(ref.commitId, c3);
    assert.equal(ref.branch, 'main');
    assert.doesNotMatch(object.text, /test:test|Authorization/);

    // A CodeBuild project whose CODECOMMIT source is the same clone URL, without credentials in it:
    // the build's key authenticates the clone, as the service role does on AWS.
    const cloneUrl = ref.repositoryUrl!;
    const codebuild = async <T,>(op: string, body: Record<string, unknown>): Promise<T> => {
      const res = await jsonCall(endpoint, `CodeBuild_20161006.${op}`, body, { service: 'codebuild' });
      assert.equal(res.status, 200, `${op}: ${res.text}`);
      return res.json<T>();
    };
    await codebuild('CreateProject', {
      name: 'direct-codecommit',
      source: { type: 'CODECOMMIT', location: cloneUrl, buildspec: 'version: 0.2\nphases:\n  build:\n    commands:\n      - grep -q three app.txt\n' },
      artifacts: { type: 'NO_ARTIFACTS' },
      environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
      serviceRole: 'CodeBuildServiceRole',
    });
    const buildId = (await codebuild<{ build: { id: string } }>('StartBuild', { projectName: 'direct-codecommit' })).build.id;
    const built = await waitFor('the CODECOMMIT build', async () => {
      const b = (await codebuild<{ builds: { buildStatus: string; resolvedSourceVersion?: string; phases?: { phaseType: string; contexts?: { message?: string }[] }[] }[] }>('BatchGetBuilds', { ids: [buildId] })).builds[0];
      return b && b.buildStatus !== 'IN_PROGRESS' ? b : undefined;
    });
    assert.equal(built.buildStatus, 'SUCCEEDED', JSON.stringify(built.phases?.find((p) => p.phaseType === 'DOWNLOAD_SOURCE')));
    assert.equal(built.resolvedSourceVersion, c3);

    // Only CodeBuild can use a reference: an S3 deploy says so instead of deploying JSON.
    await createPipeline(endpoint, work, {
      name: 'clone-to-s3',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`,
      artifactStore: { type: 'S3', location: 'clone-artifacts' },
      stages: [
        { name: 'Source', actions: [cloneSource] },
        {
          name: 'Deploy',
          actions: [{ name: 'Site', actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'S3', version: '1' }, configuration: { BucketName: 'clone-site', Extract: 'true' }, inputArtifacts: [{ name: 'Src' }] }],
        },
      ],
    });
    const bad = await creationExecution(endpoint, 'clone-to-s3');
    assert.equal(await waitForStatus(endpoint, 'clone-to-s3', bad, ['Succeeded', 'Failed']), 'Failed');
    const site = (await actionExecutions(endpoint, 'clone-to-s3', bad)).find((d) => d.actionName === 'Site')!;
    assert.match(site.output.executionResult?.errorDetails?.message ?? '', /Src is a CODEBUILD_CLONE_REF reference, which only CodeBuild actions can use/);
  });
});

describe('--git-remotes with polling', () => {
  let nagare: NagareHandle;
  let work: string;
  let remotes: string;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'nagare-cp-remote-'));
    remotes = join(work, 'remotes');
    await mkdir(remotes, { recursive: true });
    nagare = await startNagare({ args: ['--git-remotes', `acme/*=${remotes}/{repo}.git`, '--poll-interval', '1'] });
  });
  after(async () => {
    await nagare?.stop();
    await rm(work, { recursive: true, force: true });
  });

  test('a connection source reads the mapped remote, and a push there starts the pipeline once', async () => {
    const { endpoint } = nagare;
    const home = join(work, 'home');
    await mkdir(home, { recursive: true });
    // The remote: a bare repository pushed to with plain git, no nagare involved.
    const bare = join(remotes, 'app.git');
    await git(work, home, 'init', '-q', '--bare', '-b', 'main', bare);
    const tree = join(work, 'tree');
    await mkdir(tree, { recursive: true });
    await git(tree, home, 'init', '-q', '-b', 'main');
    await git(tree, home, 'remote', 'add', 'origin', bare);
    const commit = async (text: string): Promise<string> => {
      await writeFile(join(tree, 'app.txt'), text);
      await git(tree, home, 'add', '-A');
      await git(tree, home, 'commit', '-q', '-m', `app ${text.trim()}`);
      await git(tree, home, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
      return (await git(tree, home, 'rev-parse', 'HEAD')).trim();
    };
    const v1 = await commit('remote one\n');
    await git(tree, home, 'tag', 'v1.0');
    await git(tree, home, 'push', '-q', 'origin', 'v1.0');
    // A hosted repository with the same name: the explicit mapping wins over it.
    const hostedTree = join(work, 'hosted');
    await createRepository(endpoint, 'app', hostedTree, home);
    await pushFiles(endpoint, hostedTree, home, 'app', 'main', { 'app.txt': 'hosted\n' }, 'hosted');

    await createBucket(endpoint, 'remote-artifacts');
    const created = await jsonCall(endpoint, 'com.amazonaws.codestar.connections.CodeStar_connections_20191201.CreateConnection', { ProviderType: 'GitHub', ConnectionName: 'acme' }, { service: 'codestar-connections' });
    assert.equal(created.status, 200, created.text);
    const connectionArn = created.json<{ ConnectionArn: string }>().ConnectionArn;
    await pipelineProject(endpoint, 'remote-content', [
      'version: 0.2',
      'env:',
      '  exported-variables: [CONTENT]',
      'phases:',
      '  build:',
      '    commands:',
      '      - export CONTENT="$(cat app.txt)"',
    ]);
    await pipelineProject(endpoint, 'remote-facts', gitFacts);
    const connectionSource = (name: string, output: string, format: string): Record<string, unknown> => ({
      name,
      actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
      configuration: { ConnectionArn: connectionArn, FullRepositoryId: 'acme/app', BranchName: 'main', OutputArtifactFormat: format },
      outputArtifacts: [{ name: output }],
    });
    await createPipeline(endpoint, work, {
      name: 'remote-app',
      pipelineType: 'V2',
      executionMode: 'QUEUED',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`,
      artifactStore: { type: 'S3', location: 'remote-artifacts' },
      stages: [
        { name: 'Source', actions: [connectionSource('Zip', 'Code', 'CODE_ZIP'), connectionSource('Clone', 'Repo', 'CODEBUILD_CLONE_REF')] },
        { name: 'Build', actions: [codeBuildAction('Content', 'remote-content', 'Code'), codeBuildAction('Facts', 'remote-facts', 'Repo')] },
      ],
    });
    const first = await creationExecution(endpoint, 'remote-app');
    assert.equal(await waitForStatus(endpoint, 'remote-app', first, ['Succeeded', 'Failed']), 'Succeeded');
    const firstRun = await actionExecutions(endpoint, 'remote-app', first);
    assert.equal(firstRun.find((d) => d.actionName === 'Content')!.output.outputVariables?.CONTENT, 'remote one', 'the remote, not the hosted namesake');
    assert.equal(firstRun.find((d) => d.actionName === 'Zip')!.output.outputVariables?.CommitId, v1);
    const facts = firstRun.find((d) => d.actionName === 'Facts')!.output.outputVariables!;
    assert.equal(facts.HEAD_SHA, v1);
    assert.equal(facts.BRANCH, 'main');
    assert.equal(facts.DESCRIBE, 'v1.0');
    assert.equal(facts.REPO_URL, bare);

    // A push to the hosted namesake starts nothing; a push to the remote is found by polling.
    await pushFiles(endpoint, hostedTree, home, 'app', 'main', { 'app.txt': 'hosted again\n' }, 'hosted again');
    const v2 = await commit('remote two\n');
    type Summary = { pipelineExecutionId: string; trigger: { triggerType: string; triggerDetail?: string }; sourceRevisions?: { actionName: string; revisionId: string }[] };
    const list = async (): Promise<Summary[]> =>
      (await pipelineApi<{ pipelineExecutionSummaries: Summary[] }>(endpoint, 'ListPipelineExecutions', { pipelineName: 'remote-app' })).pipelineExecutionSummaries;
    const second = await waitFor('the execution polling starts', async () => (await list()).find((e) => e.pipelineExecutionId !== first), 30_000);
    assert.equal(second.trigger.triggerType, 'PollForSourceChanges');
    assert.equal(second.trigger.triggerDetail, connectionArn);
    assert.equal(await waitForStatus(endpoint, 'remote-app', second.pipelineExecutionId, ['Succeeded', 'Failed']), 'Succeeded');
    const secondRun = await actionExecutions(endpoint, 'remote-app', second.pipelineExecutionId);
    assert.equal(secondRun.find((d) => d.actionName === 'Content')!.output.outputVariables?.CONTENT, 'remote two');
    assert.equal(secondRun.find((d) => d.actionName === 'Facts')!.output.outputVariables?.HEAD_SHA, v2);
    assert.equal(secondRun.find((d) => d.actionName === 'Facts')!.output.outputVariables?.COMMITS, '2');
    // Three more poll intervals: still one execution for the push, none for the hosted push.
    await new Promise((r) => setTimeout(r, 3000));
    assert.deepEqual((await list()).map((e) => e.trigger.triggerType).sort(), ['CreatePipeline', 'PollForSourceChanges']);
  });
});
