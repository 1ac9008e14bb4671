import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { createGateway } from '../../src/aws/index.js';
import { JobQueue, Worker } from '../../src/engine/index.js';
import { createBucket, putObject } from '../../src/objects/index.js';
import * as pipeline from '../../src/pipeline/index.js';
import { signGithubBody } from '../../src/pipeline/triggers/index.js';
import { createCipher } from '../../src/secrets/index.js';
import { createCodePipelineService } from '../../src/services/codepipeline/index.js';
import { SystemClock, silentLogger } from '../../src/shared/index.js';
import { FsBlobStore } from '../../src/store/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';
import { errorType, jsonCall, rawRequest, type RawResponse } from '../support/signed-request.js';

/**
 * The CodePipeline API end to end inside one process: the real gateway with the CodePipeline
 * service and its webhook route, the pipeline engine's worker lanes, signed JSON 1.1 requests as
 * the AWS CLI sends them, and real GitHub payloads (@octokit/webhooks-examples) POSTed to webhook
 * URLs. The pipeline: an S3 source and a manual approval, so an execution runs without builds and
 * then waits where the test can look at it.
 */

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const CREDENTIALS = new Map([['test', 'test']]);
const SECRET = "It's a Secret to Everybody";

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as Array<{ name: string; examples: Array<Record<string, unknown>> }>;
const payloads = (name: string): Array<Record<string, unknown>> => examples.find((d) => d.name === name)?.examples ?? [];
const PUSH_MASTER = payloads('push').find((p) => p.ref === 'refs/heads/master');
const PUSH_TAG = payloads('push').find((p) => typeof p.ref === 'string' && p.ref.startsWith('refs/tags/'));
const PING = payloads('ping')[0];

type Json = Record<string, unknown>;

function declaration(name: string, customData = 'ship it?'): Json {
  return {
    name,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/pipeline-role`,
    artifactStore: { type: 'S3', location: 'artifact-store' },
    stages: [
      {
        name: 'Source',
        actions: [
          {
            name: 'Source',
            actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
            // The key doubles as a `{S3ObjectKey}` placeholder in the webhook filters below.
            configuration: { S3Bucket: 'sources', S3ObjectKey: 'Hello-World', PollForSourceChanges: 'false' },
            outputArtifacts: [{ name: 'SourceArtifact' }],
          },
        ],
      },
      {
        name: 'Approve',
        actions: [{ name: 'Gate', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }, configuration: { CustomData: customData } }],
      },
    ],
  };
}

interface Harness {
  endpoint: string;
  deps: pipeline.PipelineDeps;
  api(op: string, body: Json): Promise<RawResponse>;
  ok<T = Json>(op: string, body: Json): Promise<T>;
  fails(code: string, op: string, body: Json): Promise<RawResponse>;
  deliver(url: string, body: Buffer, headers: Record<string, string>): Promise<RawResponse>;
  stop(): Promise<void>;
}

async function startHarness(open: OpenTestDb): Promise<Harness> {
  const db = await open();
  const dataDir = await mkdtemp(join(tmpdir(), 'nagare-cp-api-'));
  const clock = new SystemClock();
  const blobs = await FsBlobStore.open(join(dataDir, 'blobs'));
  const queue = new JobQueue(clock);
  const codebuild = { db, blobs, clock, logger: silentLogger, queue, cipher: createCipher(Buffer.alloc(32, 7)), dataDir };
  const deps: pipeline.PipelineDeps = { db, blobs, clock, cipher: codebuild.cipher, logger: silentLogger, queue, dataDir, codebuild, source: { db, dataDir } };
  const objects = { db, blobs, clock, logger: silentLogger };
  for (const name of ['artifact-store', 'sources']) await createBucket(objects, { name, requestRegion: REGION, ownerAccount: ACCOUNT });
  const zip = zipSync({ 'README.md': strToU8('# hello\n') });
  await putObject(objects, {
    bucket: 'sources',
    key: 'Hello-World',
    body: (async function* () {
      yield zip;
    })(),
    attributes: { headers: {}, meta: {}, tags: [], storageClass: 'STANDARD' },
    expect: {},
  });
  const cp = createCodePipelineService(deps);
  const server = createGateway({ services: [cp.service], routes: cp.routes, credentials: CREDENTIALS, accountId: ACCOUNT, clock, logger: silentLogger });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const workers = pipeline.pipelineLanes(deps).map(
    (lane) => new Worker({ db, queue, workerId: `test-${lane.name}`, handlers: lane.handlers, concurrency: lane.concurrency, pollMs: 25, logger: silentLogger }),
  );
  workers.forEach((w) => w.start());
  const api = (op: string, body: Json): Promise<RawResponse> => jsonCall(endpoint, `CodePipeline_20150709.${op}`, body, { service: 'codepipeline', region: REGION });
  return {
    endpoint,
    deps,
    api,
    async ok<T>(op: string, body: Json): Promise<T> {
      const r = await api(op, body);
      assert.equal(r.status, 200, `${op}: ${r.text}`);
      return r.json<T>();
    },
    async fails(code, op, body) {
      const r = await api(op, body);
      assert.equal(r.status, 400, `${op} should fail with ${code}: ${r.text}`);
      assert.equal(errorType(r), code, r.text);
      return r;
    },
    deliver(url, body, headers) {
      const u = new URL(url);
      return rawRequest(`${u.protocol}//${u.host}`, { method: 'POST', path: u.pathname, headers: { 'content-type': 'application/json', ...headers }, body });
    },
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
      await new Promise<void>((ok) => server.close(() => ok()));
      await db.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface StageState {
  stageName: string;
  inboundTransitionState?: { enabled: boolean; disabledReason?: string; lastChangedBy?: string; lastChangedAt?: number };
  latestExecution?: { pipelineExecutionId: string; status: string; type?: string };
  actionStates: Array<{
    actionName: string;
    currentRevision?: { revisionId: string; revisionChangeId: string; created: number };
    latestExecution?: { actionExecutionId: string; status: string; summary?: string; token?: string; lastStatusChange: number; externalExecutionId?: string };
  }>;
}
interface PipelineState {
  pipelineName: string;
  pipelineVersion: number;
  stageStates: StageState[];
  created: number;
  updated: number;
}

async function until<T>(what: string, probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (done(v)) return v;
    if (Date.now() > deadline) assert.fail(`${what} did not happen within ${timeoutMs} ms; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const executionsOf = async (h: Harness, name: string): Promise<Array<{ pipelineExecutionId: string; status: string; trigger: { triggerType: string; triggerDetail?: string } }>> =>
  (await h.ok<{ pipelineExecutionSummaries: Array<{ pipelineExecutionId: string; status: string; trigger: { triggerType: string; triggerDetail?: string } }> }>('ListPipelineExecutions', {
    pipelineName: name,
  })).pipelineExecutionSummaries;

forEachDatabase((open) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(open);
  });
  after(async () => h.stop());

  describe('pipelines', () => {
    test('create / get / update / versions / list / delete with AWS shapes and exceptions', async () => {
      const created = await h.ok<{ pipeline: Json; tags?: unknown }>('CreatePipeline', { pipeline: declaration('crud') });
      assert.equal(created.pipeline.version, 1);
      assert.equal(created.pipeline.executionMode, 'SUPERSEDED');
      assert.equal(created.pipeline.pipelineType, 'V1');
      await h.fails('PipelineNameInUseException', 'CreatePipeline', { pipeline: declaration('crud') });

      const got = await h.ok<{ pipeline: Json; metadata: { pipelineArn: string; created: number; updated: number } }>('GetPipeline', { name: 'crud' });
      assert.equal(got.metadata.pipelineArn, `arn:aws:codepipeline:${REGION}:${ACCOUNT}:crud`);
      assert.equal(typeof got.metadata.created, 'number', 'timestamps are epoch seconds');
      assert.ok(Math.abs(got.metadata.created - Date.now() / 1000) < 120);
      assert.equal(got.pipeline.version, 1);

      const updated = await h.ok<{ pipeline: Json }>('UpdatePipeline', { pipeline: { ...declaration('crud', 'second'), version: 42 } });
      assert.equal(updated.pipeline.version, 2, 'the version is service-managed (Surprise 35)');
      const v1 = await h.ok<{ pipeline: { version: number; stages: Array<{ actions: Array<{ configuration?: Record<string, string> }> }> } }>('GetPipeline', { name: 'crud', version: 1 });
      assert.equal(v1.pipeline.version, 1);
      assert.equal(v1.pipeline.stages[1]?.actions[0]?.configuration?.CustomData, 'ship it?');
      const v2 = await h.ok<typeof v1>('GetPipeline', { name: 'crud' });
      assert.equal(v2.pipeline.version, 2);
      assert.equal(v2.pipeline.stages[1]?.actions[0]?.configuration?.CustomData, 'second');
      await h.fails('PipelineVersionNotFoundException', 'GetPipeline', { name: 'crud', version: 9 });
      const missing = await h.fails('PipelineNotFoundException', 'GetPipeline', { name: 'nope' });
      assert.equal(missing.json().message, `Account '${ACCOUNT}' does not have a pipeline with name 'nope'`);
      await h.fails('ValidationException', 'GetPipeline', { name: 'bad name!' });

      await h.ok('CreatePipeline', { pipeline: declaration('crud-b') });
      const page1 = await h.ok<{ pipelines: Array<{ name: string; version: number; pipelineType: string; executionMode: string; created: number; updated: number }>; nextToken?: string }>(
        'ListPipelines',
        { maxResults: 1 },
      );
      assert.equal(page1.pipelines.length, 1);
      assert.ok(page1.nextToken);
      const all: string[] = [...page1.pipelines.map((p) => p.name)];
      let token: string | undefined = page1.nextToken;
      while (token) {
        const next: { pipelines: Array<{ name: string }>; nextToken?: string } = await h.ok('ListPipelines', { maxResults: 1, nextToken: token });
        all.push(...next.pipelines.map((p) => p.name));
        token = next.nextToken;
      }
      assert.deepEqual(all, [...all].sort());
      assert.ok(all.includes('crud') && all.includes('crud-b'));
      const summary = (await h.ok<{ pipelines: Array<Json> }>('ListPipelines', {})).pipelines.find((p) => p.name === 'crud');
      assert.deepEqual(Object.keys(summary ?? {}).sort(), ['created', 'executionMode', 'name', 'pipelineType', 'updated', 'version']);
      assert.equal(summary?.version, 2);
      await h.fails('InvalidNextTokenException', 'ListPipelines', { nextToken: 'garbage' });

      assert.deepEqual(await h.ok('DeletePipeline', { name: 'crud-b' }), {});
      assert.deepEqual(await h.ok('DeletePipeline', { name: 'crud-b' }), {}, 'deleting a missing pipeline succeeds (Surprise 34)');
      await h.fails('PipelineNotFoundException', 'GetPipeline', { name: 'crud-b' });
    });

    test('secret configuration values: masked by GetPipeline, sealed at rest, kept by ****', async () => {
      const github = (actionName: string, token: string) => ({
        name: 'masked',
        roleArn: `arn:aws:iam::${ACCOUNT}:role/r`,
        artifactStore: { type: 'S3' as const, location: 'artifact-store' },
        stages: [
          {
            name: 'Source',
            actions: [
              {
                name: actionName,
                actionTypeId: { category: 'Source' as const, owner: 'ThirdParty' as const, provider: 'GitHub', version: '1' },
                configuration: { Owner: 'octo', Repo: 'app', Branch: 'main', OAuthToken: token, PollForSourceChanges: 'false' },
                outputArtifacts: [{ name: 'Src' }],
              },
            ],
          },
          { name: 'Approve', actions: [{ name: 'Gate', actionTypeId: { category: 'Approval' as const, owner: 'AWS' as const, provider: 'Manual', version: '1' } }] },
        ],
      });
      type Got = { pipeline: { stages: Array<{ actions: Array<{ configuration: Record<string, string> }> }> } };
      const created = await h.ok<Got>('CreatePipeline', { pipeline: github('GitHub', 'ghp_verysecret') });
      assert.equal(created.pipeline.stages[0]?.actions[0]?.configuration.OAuthToken, '****');
      const got = await h.ok<Got>('GetPipeline', { name: 'masked' });
      assert.deepEqual(got.pipeline.stages[0]?.actions[0]?.configuration, { Owner: 'octo', Repo: 'app', Branch: 'main', OAuthToken: '****', PollForSourceChanges: 'false' });
      const atRest = async (): Promise<string[]> =>
        (await h.deps.db.query<{ t: string }>(`SELECT declaration::text AS t FROM codepipeline_pipeline_versions WHERE name = 'masked' ORDER BY version`)).rows.map((r) => r.t);
      assert.doesNotMatch((await atRest()).join(' '), /ghp_verysecret/, 'the token is not stored in plain text');
      assert.match((await atRest())[0]!, /nagare-sealed:1:/);
      // Sending **** back keeps the secret (still sealed in version 2); a new action may not use ****.
      await h.ok('UpdatePipeline', { pipeline: github('GitHub', '****') });
      const versions = await atRest();
      assert.equal(versions.length, 2);
      assert.match(versions[1]!, /"OAuthToken": "nagare-sealed:1:/, 'version 2 keeps the sealed secret, not ****');
      await h.fails('InvalidActionDeclarationException', 'UpdatePipeline', { pipeline: github('Renamed', '****') });
    });

    test('tags on pipelines: limits, reserved keys, ARN errors', async () => {
      await h.ok('CreatePipeline', { pipeline: declaration('tagged'), tags: [{ key: 'team', value: 'a' }] });
      const arn = `arn:aws:codepipeline:${REGION}:${ACCOUNT}:tagged`;
      await h.ok('TagResource', { resourceArn: arn, tags: [{ key: 'env', value: 'dev' }, { key: 'team', value: 'b' }] });
      await h.ok('UntagResource', { resourceArn: arn, tagKeys: ['env', 'absent'] });
      assert.deepEqual((await h.ok<{ tags: unknown[] }>('ListTagsForResource', { resourceArn: arn })).tags, [{ key: 'team', value: 'b' }]);
      const many = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
      await h.fails('TooManyTagsException', 'TagResource', { resourceArn: arn, tags: many });
      await h.fails('InvalidTagsException', 'TagResource', { resourceArn: arn, tags: [{ key: 'aws:reserved', value: 'x' }] });
      await h.fails('TooManyTagsException', 'CreatePipeline', { pipeline: declaration('too-many'), tags: [...many, { key: 'k50', value: 'v' }] });
      await h.fails('ResourceNotFoundException', 'ListTagsForResource', { resourceArn: `arn:aws:codepipeline:${REGION}:${ACCOUNT}:ghost` });
      await h.fails('ResourceNotFoundException', 'ListTagsForResource', { resourceArn: `arn:aws:codepipeline:eu-west-1:${ACCOUNT}:tagged` });
      await h.fails('InvalidArnException', 'ListTagsForResource', { resourceArn: `arn:aws:codepipeline:${REGION}:${ACCOUNT}:bad/name` });
      const paged = await h.ok<{ tags: unknown[]; nextToken?: string }>('ListTagsForResource', { resourceArn: arn, maxResults: 1 });
      assert.equal(paged.tags.length, 1);
      assert.equal(paged.nextToken, undefined);
    });

    test('action types', async () => {
      const types = await h.ok<{ actionTypes: Array<{ id: { provider: string; owner: string } }> }>('ListActionTypes', { actionOwnerFilter: 'AWS' });
      assert.ok(types.actionTypes.some((t) => t.id.provider === 'CodeBuild'));
      assert.ok(types.actionTypes.every((t) => t.id.owner === 'AWS'));
      const got = await h.ok<{ actionType: { id: Json; executor: { type: string } } }>('GetActionType', { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' });
      assert.deepEqual(got.actionType.id, { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' });
      await h.fails('ActionTypeNotFoundException', 'GetActionType', { category: 'Build', owner: 'ThirdParty', provider: 'Nonexistent', version: '1' });
      const unsupported = await h.api('PollForJobs', { actionTypeId: { category: 'Build', owner: 'Custom', provider: 'Jenkins', version: '1' } });
      assert.equal(errorType(unsupported), 'UnknownOperationException', 'the job-worker API is not faked');
    });
  });

  // Needs the engine: the execution CreatePipeline starts must run its S3 source and wait at the approval.
  describe('executions (engine)', () => {
    test('state, approval, execution history and action executions', async () => {
      await h.ok('CreatePipeline', { pipeline: declaration('flow') });
      const waiting = await until(
        'the approval to wait',
        () => h.ok<PipelineState>('GetPipelineState', { name: 'flow' }),
        (s) => s.stageStates[1]?.actionStates[0]?.latestExecution?.token !== undefined,
      );
      assert.equal(waiting.pipelineName, 'flow');
      assert.equal(waiting.pipelineVersion, 1);
      const [source, approve] = waiting.stageStates;
      assert.equal(source?.inboundTransitionState, undefined, 'the first stage has no inbound transition');
      assert.deepEqual(approve?.inboundTransitionState, { enabled: true });
      assert.equal(source?.latestExecution?.status, 'Succeeded');
      assert.equal(source?.latestExecution?.type, 'STANDARD');
      const executionId = source?.latestExecution?.pipelineExecutionId ?? '';
      assert.deepEqual(approve?.latestExecution, { pipelineExecutionId: executionId, status: 'InProgress', type: 'STANDARD' });
      const src = source?.actionStates[0];
      assert.equal(src?.latestExecution?.status, 'Succeeded');
      assert.ok(src?.currentRevision?.revisionId, 'a source action shows the revision it produced');
      const gate = approve?.actionStates[0]?.latestExecution;
      assert.equal(gate?.status, 'InProgress');
      assert.equal(gate?.summary, 'ship it?');
      assert.equal(typeof gate?.lastStatusChange, 'number');

      const running = await h.ok<{ pipelineExecution: Json & { trigger: Json } }>('GetPipelineExecution', { pipelineName: 'flow', pipelineExecutionId: executionId });
      assert.equal(running.pipelineExecution.status, 'InProgress');
      assert.equal(running.pipelineExecution.pipelineVersion, 1);
      assert.equal(running.pipelineExecution.trigger.triggerType, 'CreatePipeline');
      assert.equal(running.pipelineExecution.executionType, 'STANDARD');
      await h.fails('PipelineExecutionNotFoundException', 'GetPipelineExecution', { pipelineName: 'flow', pipelineExecutionId: randomUUID() });
      await h.fails('PipelineNotFoundException', 'GetPipelineExecution', { pipelineName: 'ghost', pipelineExecutionId: randomUUID() });

      await h.ok('DisableStageTransition', { pipelineName: 'flow', stageName: 'Approve', transitionType: 'Inbound', reason: 'hold' });
      const held = await h.ok<PipelineState>('GetPipelineState', { name: 'flow' });
      assert.equal(held.stageStates[1]?.inboundTransitionState?.enabled, false);
      assert.equal(held.stageStates[1]?.inboundTransitionState?.disabledReason, 'hold');
      assert.equal(held.stageStates[1]?.inboundTransitionState?.lastChangedBy, `arn:aws:iam::${ACCOUNT}:root`);
      await h.ok('EnableStageTransition', { pipelineName: 'flow', stageName: 'Approve', transitionType: 'Inbound' });

      const approved = await h.ok<{ approvedAt: number }>('PutApprovalResult', {
        pipelineName: 'flow',
        stageName: 'Approve',
        actionName: 'Gate',
        result: { summary: 'looks good', status: 'Approved' },
        token: gate?.token,
      });
      assert.equal(typeof approved.approvedAt, 'number');
      const done = await until(
        'the execution to succeed',
        () => h.ok<{ pipelineExecution: { status: string; artifactRevisions: Array<{ name: string; revisionId: string }> } }>('GetPipelineExecution', { pipelineName: 'flow', pipelineExecutionId: executionId }),
        (r) => r.pipelineExecution.status === 'Succeeded',
      );
      assert.equal(done.pipelineExecution.artifactRevisions[0]?.name, 'SourceArtifact');
      const answered = await h.ok<PipelineState>('GetPipelineState', { name: 'flow' });
      assert.equal(answered.stageStates[1]?.actionStates[0]?.latestExecution?.token, undefined, 'no token once answered');

      const second = await h.ok<{ pipelineExecutionId: string }>('StartPipelineExecution', { name: 'flow', clientRequestToken: 'tok-1' });
      const again = await h.ok<{ pipelineExecutionId: string }>('StartPipelineExecution', { name: 'flow', clientRequestToken: 'tok-1' });
      assert.equal(again.pipelineExecutionId, second.pipelineExecutionId, 'clientRequestToken is idempotent');
      const list = await executionsOf(h, 'flow');
      assert.deepEqual(list.map((e) => e.pipelineExecutionId), [second.pipelineExecutionId, executionId], 'newest first');
      const succeededInApprove = await h.ok<{ pipelineExecutionSummaries: Array<{ pipelineExecutionId: string }> }>('ListPipelineExecutions', {
        pipelineName: 'flow',
        filter: { succeededInStage: { stageName: 'Approve' } },
      });
      assert.deepEqual(succeededInApprove.pipelineExecutionSummaries.map((e) => e.pipelineExecutionId), [executionId]);
      const paged = await h.ok<{ pipelineExecutionSummaries: unknown[]; nextToken?: string }>('ListPipelineExecutions', { pipelineName: 'flow', maxResults: 1 });
      assert.equal(paged.pipelineExecutionSummaries.length, 1);
      const rest = await h.ok<{ pipelineExecutionSummaries: Array<{ pipelineExecutionId: string }> }>('ListPipelineExecutions', { pipelineName: 'flow', maxResults: 1, nextToken: paged.nextToken });
      assert.deepEqual(rest.pipelineExecutionSummaries.map((e) => e.pipelineExecutionId), [executionId]);

      const actions = await h.ok<{ actionExecutionDetails: Array<Json & { input: Json; output: Json; stageName: string; status: string }> }>('ListActionExecutions', {
        pipelineName: 'flow',
        filter: { pipelineExecutionId: executionId },
      });
      assert.deepEqual(actions.actionExecutionDetails.map((a) => `${a.stageName}:${a.status}`), ['Approve:Succeeded', 'Source:Succeeded']);
      const sourceRun = actions.actionExecutionDetails[1];
      assert.deepEqual(sourceRun?.input.actionTypeId, { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' });
      assert.equal((sourceRun?.input.configuration as Record<string, string>).S3ObjectKey, 'Hello-World');
      const outputs = sourceRun?.output.outputArtifacts as Array<{ name: string; s3location: { bucket: string; key: string } }>;
      assert.equal(outputs[0]?.name, 'SourceArtifact');
      assert.equal(outputs[0]?.s3location.bucket, 'artifact-store');
      const latest = await h.ok<{ actionExecutionDetails: unknown[] }>('ListActionExecutions', {
        pipelineName: 'flow',
        filter: { latestInPipelineExecution: { pipelineExecutionId: executionId, startTimeRange: 'Latest' } },
      });
      assert.equal(latest.actionExecutionDetails.length, 2);
      await h.fails('PipelineExecutionNotFoundException', 'ListActionExecutions', { pipelineName: 'flow', filter: { pipelineExecutionId: randomUUID() } });

      const stopped = await h.ok<{ pipelineExecutionId: string }>('StopPipelineExecution', { pipelineName: 'flow', pipelineExecutionId: second.pipelineExecutionId, abandon: true, reason: 'enough' });
      assert.equal(stopped.pipelineExecutionId, second.pipelineExecutionId);
      const stoppedSummary = await until('the stop to finish', () => executionsOf(h, 'flow'), (l) => l[0]?.status === 'Stopped');
      assert.equal(stoppedSummary[0]?.pipelineExecutionId, second.pipelineExecutionId);
    });
  });

  describe('webhooks', () => {
    const webhook = (name: string, patch: Json = {}): Json => ({
      name,
      targetPipeline: 'hooked',
      targetAction: 'Source',
      filters: [
        { jsonPath: '$.ref', matchEquals: 'refs/heads/master' },
        { jsonPath: '$.repository.name', matchEquals: '{S3ObjectKey}' },
      ],
      authentication: 'GITHUB_HMAC',
      authenticationConfiguration: { SecretToken: SECRET },
      ...patch,
    });
    const githubHeaders = (event: string, body: Buffer, secret = SECRET, delivery: string = randomUUID()): Record<string, string> => ({
      'x-github-event': event,
      'x-github-delivery': delivery,
      'x-hub-signature-256': signGithubBody(secret, body),
      'user-agent': 'GitHub-Hookshot/test',
    });
    const webhookExecutions = async (): Promise<string[]> =>
      (await executionsOf(h, 'hooked')).filter((e) => e.trigger.triggerType === 'Webhook').map((e) => e.pipelineExecutionId);

    test('PutWebhook validation, redaction, URLs and tags', async () => {
      await h.ok('CreatePipeline', { pipeline: declaration('hooked') });
      await h.fails('PipelineNotFoundException', 'PutWebhook', { webhook: webhook('w-bad', { targetPipeline: 'ghost' }) });
      await h.fails('InvalidWebhookAuthenticationParametersException', 'PutWebhook', { webhook: webhook('w-bad', { authenticationConfiguration: {} }) });
      await h.fails('InvalidWebhookAuthenticationParametersException', 'PutWebhook', {
        webhook: webhook('w-bad', { authentication: 'IP', authenticationConfiguration: { AllowedIPRange: 'not-a-cidr' } }),
      });
      await h.fails('InvalidWebhookFilterPatternException', 'PutWebhook', { webhook: webhook('w-bad', { filters: [{ jsonPath: '$..[', matchEquals: 'x' }] }) });
      await h.fails('ValidationException', 'PutWebhook', { webhook: webhook('w-bad', { targetAction: 'Gate' }) });

      const put = await h.ok<{ webhook: { url: string; arn: string; definition: { authenticationConfiguration: Json }; tags: unknown[] } }>('PutWebhook', {
        webhook: webhook('gh'),
        tags: [{ key: 'team', value: 'a' }],
      });
      assert.match(put.webhook.url, new RegExp(`^${h.endpoint}/webhooks/codepipeline/[A-Za-z0-9_-]{16,}$`));
      assert.equal(put.webhook.arn, `arn:aws:codepipeline:${REGION}:${ACCOUNT}:webhook:gh`);
      assert.deepEqual(put.webhook.definition.authenticationConfiguration, { SecretToken: '****' });
      const stored = (await h.deps.db.query<{ t: string }>(`SELECT definition::text AS t FROM codepipeline_webhooks`)).rows.map((r) => r.t).join(' ');
      assert.ok(!stored.includes(SECRET) && stored.includes('nagare-sealed:1:'), 'the SecretToken is sealed at rest');
      assert.deepEqual(put.webhook.tags, [{ key: 'team', value: 'a' }]);

      // Replacing keeps the URL (and, with `****`, the secret); delete + create gives a new one.
      const replaced = await h.ok<{ webhook: { url: string } }>('PutWebhook', { webhook: webhook('gh', { authenticationConfiguration: { SecretToken: '****' } }) });
      assert.equal(replaced.webhook.url, put.webhook.url);
      await h.ok('PutWebhook', { webhook: webhook('gh-2') });
      const listed = await h.ok<{ webhooks: Array<{ definition: { name: string; authenticationConfiguration: Json }; url: string; tags: unknown[] }>; NextToken?: string }>('ListWebhooks', {
        MaxResults: 1,
      });
      assert.equal(listed.webhooks.length, 1);
      assert.ok(listed.NextToken, 'ListWebhooks pages with capitalised NextToken');
      const rest = await h.ok<{ webhooks: Array<{ definition: { name: string } }> }>('ListWebhooks', { NextToken: listed.NextToken });
      assert.deepEqual([...listed.webhooks, ...rest.webhooks].map((w) => w.definition.name).filter((n) => n.startsWith('gh')).sort(), ['gh', 'gh-2']);
      assert.equal(listed.webhooks[0]?.definition.authenticationConfiguration.SecretToken, '****');
      await h.fails('InvalidNextTokenException', 'ListWebhooks', { NextToken: 'garbage' });

      const arn = put.webhook.arn;
      await h.ok('TagResource', { resourceArn: arn, tags: [{ key: 'env', value: 'ci' }] });
      assert.deepEqual((await h.ok<{ tags: unknown[] }>('ListTagsForResource', { resourceArn: arn })).tags, [
        { key: 'team', value: 'a' },
        { key: 'env', value: 'ci' },
      ]);
      await h.fails('ResourceNotFoundException', 'TagResource', { resourceArn: `${arn}-ghost`, tags: [{ key: 'a', value: 'b' }] });

      assert.deepEqual(await h.ok('RegisterWebhookWithThirdParty', { webhookName: 'gh' }), {});
      assert.deepEqual(await h.ok('DeregisterWebhookWithThirdParty', { webhookName: 'gh' }), {});
      await h.fails('WebhookNotFoundException', 'RegisterWebhookWithThirdParty', { webhookName: 'ghost' });

      assert.deepEqual(await h.ok('DeleteWebhook', { name: 'gh-2' }), {});
      assert.deepEqual(await h.ok('DeleteWebhook', { name: 'gh-2' }), {}, 'deleting a missing webhook succeeds');
      const recreated = await h.ok<{ webhook: { url: string } }>('PutWebhook', { webhook: webhook('gh-2') });
      const old = listed.webhooks.concat(rest.webhooks as typeof listed.webhooks).find((w) => w.definition.name === 'gh-2');
      assert.notEqual(recreated.webhook.url, old?.url, 'a re-created webhook has a new URL');
      assert.equal((await h.deliver(old?.url ?? '', Buffer.from('{}'), {})).status, 404, 'the old URL is dead');
    });

    test('GitHub deliveries: ping, signatures, filters, replays, lastTriggered', async () => {
      assert.ok(PUSH_MASTER && PUSH_TAG && PING, 'the octokit examples have a push to master, a tag push and a ping');
      const { webhook: hook } = await h.ok<{ webhook: { url: string; arn: string } }>('PutWebhook', { webhook: webhook('gh-deliveries') });
      const before = await webhookExecutions();
      const push = Buffer.from(JSON.stringify(PUSH_MASTER));

      const ping = Buffer.from(JSON.stringify(PING));
      const pong = await h.deliver(hook.url, ping, githubHeaders('ping', ping));
      assert.equal(pong.status, 200, pong.text);

      const wrong = await h.deliver(hook.url, push, githubHeaders('push', push, 'not the secret'));
      assert.equal(wrong.status, 403, wrong.text);
      const unsigned = githubHeaders('push', push);
      delete unsigned['x-hub-signature-256'];
      assert.equal((await h.deliver(hook.url, push, unsigned)).status, 401);
      const tampered = Buffer.from(JSON.stringify({ ...PUSH_MASTER, after: 'f'.repeat(40) }));
      assert.equal((await h.deliver(hook.url, tampered, githubHeaders('push', push))).status, 403, 'the HMAC covers the body');
      const noDelivery = githubHeaders('push', push);
      delete noDelivery['x-github-delivery'];
      assert.equal((await h.deliver(hook.url, push, noDelivery)).status, 400, 'GitHub always sends X-GitHub-Delivery');

      const tag = Buffer.from(JSON.stringify(PUSH_TAG));
      const ignored = await h.deliver(hook.url, tag, githubHeaders('push', tag));
      assert.equal(ignored.status, 200);
      assert.match(ignored.json<{ message: string }>().message, /^Ignored: filter 0/);
      assert.deepEqual(await webhookExecutions(), before, 'nothing started so far');

      const delivery = randomUUID();
      const started = await h.deliver(hook.url, push, githubHeaders('push', push, SECRET, delivery));
      assert.equal(started.status, 200, started.text);
      const executionId = started.json<{ pipelineExecutionId: string }>().pipelineExecutionId;
      assert.ok(executionId);
      const sha1: Record<string, string> = { ...githubHeaders('push', push, SECRET, delivery.toUpperCase()), 'x-hub-signature': signGithubBody(SECRET, push, 'sha1') };
      delete sha1['x-hub-signature-256'];
      const replay = await h.deliver(hook.url, push, sha1);
      assert.equal(replay.status, 200, replay.text);
      assert.equal(replay.json<{ pipelineExecutionId: string }>().pipelineExecutionId, executionId, 'a replay answers with the execution it started');
      const afterReplay = await webhookExecutions();
      assert.equal(afterReplay.length, before.length + 1, 'a replayed delivery never starts a second execution');

      const execution = await h.ok<{ pipelineExecution: { trigger: { triggerType: string; triggerDetail: string } } }>('GetPipelineExecution', {
        pipelineName: 'hooked',
        pipelineExecutionId: executionId,
      });
      assert.deepEqual(execution.pipelineExecution.trigger, { triggerType: 'Webhook', triggerDetail: hook.arn });
      const item = (await h.ok<{ webhooks: Array<{ definition: { name: string }; lastTriggered?: number; errorCode?: string }> }>('ListWebhooks', {})).webhooks.find(
        (w) => w.definition.name === 'gh-deliveries',
      );
      assert.equal(typeof item?.lastTriggered, 'number');
      assert.equal(item?.errorCode, undefined);
    });

    test('IP and unauthenticated webhooks; a deleted target pipeline is reported on the webhook', async () => {
      await h.ok('CreatePipeline', { pipeline: declaration('hooked-ip') });
      const body = Buffer.from(JSON.stringify(PUSH_MASTER));
      const inside = await h.ok<{ webhook: { url: string } }>('PutWebhook', {
        webhook: webhook('ip-in', { targetPipeline: 'hooked-ip', authentication: 'IP', authenticationConfiguration: { AllowedIPRange: '127.0.0.0/8' } }),
      });
      const outside = await h.ok<{ webhook: { url: string } }>('PutWebhook', {
        webhook: webhook('ip-out', { targetPipeline: 'hooked-ip', authentication: 'IP', authenticationConfiguration: { AllowedIPRange: '10.0.0.0/8' } }),
      });
      const open_ = await h.ok<{ webhook: { url: string } }>('PutWebhook', {
        webhook: webhook('open', { targetPipeline: 'hooked-ip', authentication: 'UNAUTHENTICATED', authenticationConfiguration: {} }),
      });
      assert.equal((await h.deliver(outside.webhook.url, body, {})).status, 403);
      const a = await h.deliver(inside.webhook.url, body, {});
      assert.equal(a.status, 200, a.text);
      assert.ok(a.json<{ pipelineExecutionId?: string }>().pipelineExecutionId, 'IP webhooks need no X-GitHub-Delivery');
      const b = await h.deliver(open_.webhook.url, body, { 'x-github-delivery': 'custom-delivery-1' });
      assert.equal(b.status, 200, b.text);
      const c = await h.deliver(open_.webhook.url, body, { 'x-github-delivery': 'custom-delivery-1' });
      assert.equal(c.json<{ pipelineExecutionId?: string }>().pipelineExecutionId, b.json<{ pipelineExecutionId?: string }>().pipelineExecutionId);
      assert.equal((await h.deliver(open_.webhook.url, Buffer.from('not json'), {})).status, 400);

      await h.ok('DeletePipeline', { name: 'hooked-ip' });
      const gone = await h.deliver(open_.webhook.url, body, {});
      assert.equal(gone.status, 404);
      const item = (await h.ok<{ webhooks: Array<{ definition: { name: string }; errorCode?: string; errorMessage?: string }> }>('ListWebhooks', {})).webhooks.find(
        (w) => w.definition.name === 'open',
      );
      assert.equal(item?.errorCode, 'PipelineNotFoundException');
      assert.match(item?.errorMessage ?? '', /hooked-ip/);
    });
  });
});
