/**
 * Shared steps of the CodePipeline e2e tests: real AWS CLI v2 and real git against `nagare up` —
 * hosted repositories pushed over HTTP, pipelines created from JSON files, and polling
 * get-pipeline-state / get-pipeline-execution until something happens.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { aws, awsOk, type CliResult } from './aws-cli.js';
import { REPO_ROOT } from './nagare.js';
import { errorMessageOf, errorType, jsonCall, signedRequest } from './signed-request.js';

export const ACCOUNT = '000000000000';

export interface ActionState {
  actionName: string;
  latestExecution?: { actionExecutionId?: string; status: string; summary?: string; token?: string; externalExecutionId?: string; errorDetails?: { code: string; message: string } };
  currentRevision?: { revisionId: string };
}
export interface StageState {
  stageName: string;
  latestExecution?: { pipelineExecutionId: string; status: string };
  inboundExecution?: { pipelineExecutionId: string; status: string };
  inboundExecutions?: { pipelineExecutionId: string; status: string }[];
  inboundTransitionState?: { enabled: boolean; disabledReason?: string };
  actionStates: ActionState[];
}
export interface PipelineState {
  pipelineName: string;
  pipelineVersion: number;
  stageStates: StageState[];
}
export interface PipelineExecution {
  pipelineExecutionId: string;
  status: string;
  statusSummary?: string;
  pipelineVersion: number;
  trigger: { triggerType: string; triggerDetail?: string };
  artifactRevisions?: { name: string; revisionId: string }[];
  variables?: { name: string; resolvedValue: string }[];
  executionType?: string;
}

export function gitEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Kirinuki Dev',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'Kirinuki Dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
  };
}

export async function git(cwd: string, home: string, ...args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    execFile('git', args, { cwd, env: gitEnv(home) }, (err, stdout, stderr) => (err ? fail(new Error(`git ${args.join(' ')}: ${stderr}`)) : ok(stdout)));
  });
}

/** The clone URL with the CLI's key pair as HTTP Basic credentials (what a credential helper would supply). */
export function withCredentials(url: string): string {
  const u = new URL(url);
  u.username = 'test';
  u.password = 'test';
  return u.toString();
}

/** A working tree with these files, committed and pushed to `branch` of the hosted repository. */
export async function pushFiles(endpoint: string, dir: string, home: string, repo: string, branch: string, files: Record<string, string>, message: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  if ((await git(dir, home, 'rev-parse', '--is-inside-work-tree').catch(() => '')).trim() !== 'true') {
    await git(dir, home, 'init', '-q', '-b', branch);
    const url = (await awsOk(endpoint, ['codecommit', 'get-repository', '--repository-name', repo])).json<{ repositoryMetadata: { cloneUrlHttp: string } }>()
      .repositoryMetadata.cloneUrlHttp;
    await git(dir, home, 'remote', 'add', 'origin', withCredentials(url));
  }
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await git(dir, home, 'add', '-A');
  await git(dir, home, 'commit', '-q', '-m', message);
  await git(dir, home, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
  return (await git(dir, home, 'rev-parse', 'HEAD')).trim();
}

/** Seed 000's pipeline (with its §6 approval stage), placeholders filled, ECS deploy swapped for S3 until ECS exists. */
export async function seedPipeline(deployBucket: string): Promise<Record<string, unknown>> {
  const text = await readFile(join(REPO_ROOT, 'src/pipeline/declaration/fixtures/seed-000-codepipeline-with-approval.json'), 'utf8');
  const filled = text
    .replaceAll('<ACCOUNT_ID>', ACCOUNT)
    .replaceAll('<CONNECTION_ARN>', `arn:aws:codestar-connections:us-east-1:${ACCOUNT}:connection/5f3c2a1e-1111-4222-8333-944445555666`)
    .replaceAll('<SNS_TOPIC_ARN>', `arn:aws:sns:us-east-1:${ACCOUNT}:ai-kirinuki-approvals`);
  const doc = JSON.parse(filled) as { pipeline: { stages: { name: string; actions: Record<string, unknown>[] }[] } };
  const deploy = doc.pipeline.stages.find((s) => s.name === 'Deploy')!;
  deploy.actions = [
    {
      name: 'DeployToS3',
      actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'S3', version: '1' },
      configuration: { BucketName: deployBucket, Extract: 'true', ObjectKey: 'release' },
      inputArtifacts: [{ name: 'BuildOutput' }],
    },
  ];
  return doc;
}

export async function pipelineState(endpoint: string, name: string): Promise<PipelineState> {
  return (await awsOk(endpoint, ['codepipeline', 'get-pipeline-state', '--name', name])).json<PipelineState>();
}

export async function execution(endpoint: string, name: string, id: string): Promise<PipelineExecution> {
  return (await awsOk(endpoint, ['codepipeline', 'get-pipeline-execution', '--pipeline-name', name, '--pipeline-execution-id', id])).json<{
    pipelineExecution: PipelineExecution;
  }>().pipelineExecution;
}

export async function executions(endpoint: string, name: string): Promise<(PipelineExecution & { sourceRevisions?: { actionName: string; revisionId: string }[] })[]> {
  return (await awsOk(endpoint, ['codepipeline', 'list-pipeline-executions', '--pipeline-name', name])).json<{
    pipelineExecutionSummaries: (PipelineExecution & { sourceRevisions?: { actionName: string; revisionId: string }[] })[];
  }>().pipelineExecutionSummaries;
}

/** Polls `probe` until it returns a value (not undefined), at most `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${last instanceof Error ? last.message : JSON.stringify(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function waitForExecution(endpoint: string, name: string, id: string, statuses: string[], timeoutMs = 60_000): Promise<PipelineExecution> {
  return waitFor(`execution ${id} ${statuses.join('|')}`, async () => {
    const e = await execution(endpoint, name, id);
    return statuses.includes(e.status) ? e : undefined;
  }, timeoutMs);
}

/** The pending approval's token once the action waits for it. */
export async function approvalToken(endpoint: string, name: string, stage: string, action: string, executionId?: string): Promise<string> {
  return waitFor(`approval token of ${stage}/${action}`, async () => {
    const s = await pipelineState(endpoint, name);
    const st = s.stageStates.find((x) => x.stageName === stage);
    if (executionId && st?.latestExecution?.pipelineExecutionId !== executionId) return undefined;
    const a = st?.actionStates.find((x) => x.actionName === action);
    return a?.latestExecution?.status === 'InProgress' ? a.latestExecution.token : undefined;
  });
}

// ---------------------------------------------------------------------------------------------
// V2 pipelines through the real CLI; fast polling; CodeBuild projects for pipelines.
// ---------------------------------------------------------------------------------------------

let currentModel: Promise<Record<string, string>> | undefined;

/**
 * `{ AWS_DATA_PATH }` for the AWS CLI: a directory holding the current botocore CodePipeline model
 * (the one `python3`'s botocore ships; gen-models.mjs reads the same). The Debian AWS CLI v2
 * (2.9.19, early 2023) knows CodePipeline as it was before V2 pipelines: no pipelineType,
 * executionMode, variables, triggers, timeoutInMinutes, `start-pipeline-execution --variables`,
 * `rollback-stage`, executionType… — its parameter validation would refuse them and its parser
 * would drop them from answers. botocore loads models from AWS_DATA_PATH before its own, so the
 * same CLI binary then speaks today's CodePipeline.
 */
export function currentModelEnv(): Promise<Record<string, string>> {
  currentModel ??= (async () => {
    const botocore = await new Promise<string>((ok, fail) =>
      execFile('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], (err, stdout) =>
        err ? fail(new Error(`python3 cannot import botocore (needed for the current CodePipeline model): ${err.message}`)) : ok(stdout.trim()),
      ),
    );
    const dir = join(botocore, 'data', 'codepipeline', '2015-07-09');
    const text = await readFile(join(dir, 'service-2.json'), 'utf8').catch(async () => gunzipSync(await readFile(join(dir, 'service-2.json.gz'))).toString('utf8'));
    const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const root = join(tmpdir(), `nagare-cli-models-${digest}`);
    const target = join(root, 'codepipeline', '2015-07-09');
    await mkdir(target, { recursive: true });
    // Written under a temporary name first: concurrent test files may prepare the same directory.
    const temp = join(target, `service-2.json.${process.pid}`);
    await writeFile(temp, text);
    await rename(temp, join(target, 'service-2.json'));
    return { AWS_DATA_PATH: root };
  })();
  return currentModel;
}

export interface PipelineCli {
  ok: (...args: string[]) => Promise<CliResult>;
  json: <T = Record<string, unknown>>(...args: string[]) => Promise<T>;
  /** Expects the CLI to report the service error `code` (exit 254); returns the result. */
  fails: (code: string, ...args: string[]) => Promise<CliResult>;
}

/** The real AWS CLI v2 with the current CodePipeline model (currentModelEnv). */
export function pipelineCli(endpoint: string): PipelineCli {
  const run = async (args: string[]) => aws(endpoint, args, { env: await currentModelEnv() });
  return {
    ok: async (...args) => {
      const r = await run(args);
      if (r.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
      return r;
    },
    json: async <T,>(...args: string[]) => {
      const r = await run(args);
      if (r.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
      return r.json<T>();
    },
    fails: async (code, ...args) => {
      const r = await run(args);
      assert.equal(r.code, 254, `expected ${code} from aws ${args.join(' ')}, got exit ${r.code}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, new RegExp(`An error occurred \\(${code}\\) when calling`), r.stderr);
      return r;
    },
  };
}

/**
 * One CodePipeline call signed with SigV4 (the AWS SDK's signer), without the CLI's start-up cost
 * (1–3 s on a busy machine): for polling while a state lasts only seconds. What a test asserts it
 * reads again through the CLI. Errors throw `<__type>: <message>`.
 */
export async function pipelineApi<T = Record<string, unknown>>(endpoint: string, operation: string, body: Record<string, unknown>): Promise<T> {
  const res = await jsonCall(endpoint, `CodePipeline_20150709.${operation}`, body);
  if (res.status !== 200) throw new Error(`${operation}: ${errorType(res)}: ${errorMessageOf(res)}`);
  return res.json<T>();
}

export interface ApiStageState {
  stageName: string;
  latestExecution?: { pipelineExecutionId: string; status: string };
  inboundExecution?: { pipelineExecutionId: string; status: string };
  inboundExecutions?: { pipelineExecutionId: string; status: string }[];
  actionStates: { actionName: string; latestExecution?: { status: string; externalExecutionId?: string; token?: string } }[];
}

/** GetPipelineState's stage `stage`, read quickly (pipelineApi). */
export async function stageNow(endpoint: string, pipeline: string, stage: string): Promise<ApiStageState | undefined> {
  const s = await pipelineApi<{ stageStates: ApiStageState[] }>(endpoint, 'GetPipelineState', { name: pipeline });
  return s.stageStates.find((x) => x.stageName === stage);
}

/** An execution's status, read quickly (pipelineApi). */
export async function statusNow(endpoint: string, pipeline: string, id: string): Promise<string> {
  return (await pipelineApi<{ pipelineExecution: { status: string } }>(endpoint, 'GetPipelineExecution', { pipelineName: pipeline, pipelineExecutionId: id })).pipelineExecution.status;
}

/** Polls (pipelineApi) until the execution's status is one of `statuses`; returns it. */
export async function waitForStatus(endpoint: string, pipeline: string, id: string, statuses: string[], timeoutMs = 60_000): Promise<string> {
  return waitFor(`execution ${id} of ${pipeline} ${statuses.join('|')}`, async () => {
    const s = await statusNow(endpoint, pipeline, id);
    return statuses.includes(s) ? s : undefined;
  }, timeoutMs);
}

/** The id of the execution CreatePipeline started (pipelineApi). */
export async function creationExecution(endpoint: string, pipeline: string): Promise<string> {
  return waitFor(`the CreatePipeline execution of ${pipeline}`, async () => {
    const list = await pipelineApi<{ pipelineExecutionSummaries: { pipelineExecutionId: string; trigger: { triggerType: string } }[] }>(endpoint, 'ListPipelineExecutions', { pipelineName: pipeline });
    return list.pipelineExecutionSummaries.find((e) => e.trigger.triggerType === 'CreatePipeline')?.pipelineExecutionId;
  });
}

/** Polls until `stage`'s action `action` has a build running for execution `id` (its externalExecutionId). */
export async function buildRunning(endpoint: string, pipeline: string, stage: string, action: string, id: string): Promise<string> {
  return waitFor(`a build of ${pipeline}/${stage}/${action} for ${id}`, async () => {
    const s = await stageNow(endpoint, pipeline, stage);
    if (s?.latestExecution?.pipelineExecutionId !== id) return undefined;
    const a = s.actionStates.find((x) => x.actionName === action)?.latestExecution;
    return a?.status === 'InProgress' ? a.externalExecutionId : undefined;
  });
}

export interface ActionExecutionDetail {
  pipelineExecutionId: string;
  actionExecutionId: string;
  pipelineVersion: number;
  stageName: string;
  actionName: string;
  startTime: string;
  lastUpdateTime: string;
  status: string;
  input: { configuration?: Record<string, string>; resolvedConfiguration?: Record<string, string>; namespace?: string };
  output: {
    outputArtifacts?: { name: string; s3location: { bucket: string; key: string } }[];
    executionResult?: { externalExecutionId?: string; externalExecutionSummary?: string; errorDetails?: { code: string; message: string } };
    outputVariables?: Record<string, string>;
  };
}

/** list-action-executions through the CLI (all pages), optionally for one execution. */
export async function actionExecutions(endpoint: string, pipeline: string, executionId?: string): Promise<ActionExecutionDetail[]> {
  const args = ['codepipeline', 'list-action-executions', '--pipeline-name', pipeline, ...(executionId ? ['--filter', `pipelineExecutionId=${executionId}`] : [])];
  return (await pipelineCli(endpoint).json<{ actionExecutionDetails: ActionExecutionDetail[] }>(...args)).actionExecutionDetails;
}

/** Epoch milliseconds of a CLI timestamp (ISO 8601 with offset). */
export function ms(timestamp: string): number {
  const t = Date.parse(timestamp);
  assert.ok(Number.isFinite(t), `not a timestamp: ${timestamp}`);
  return t;
}

/** A JSON 1.1 call signed for `service` (setup without the CLI's start-up cost); throws on an error answer. */
async function setupCall(endpoint: string, target: string, service: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await jsonCall(endpoint, target, body, { service });
  if (res.status !== 200) throw new Error(`${target}: ${errorType(res)}: ${errorMessageOf(res)}`);
  return res.json();
}

/**
 * A CodeBuild project for pipelines (source and artifacts CODEPIPELINE) with an inline buildspec.
 * Created with a SigV4-signed CreateProject, not the CLI: setup is not what these tests are about,
 * and every CLI start costs a second of CPU on a shared machine.
 */
export async function pipelineProject(endpoint: string, name: string, buildspecLines: string[]): Promise<void> {
  await setupCall(endpoint, 'CodeBuild_20161006.CreateProject', 'codebuild', {
    name,
    source: { type: 'CODEPIPELINE', buildspec: buildspecLines.join('\n') + '\n' },
    artifacts: { type: 'CODEPIPELINE' },
    environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
    serviceRole: 'CodeBuildServiceRole',
  });
}

/** An S3 bucket (SigV4-signed CreateBucket; see pipelineProject for why not the CLI). */
export async function createBucket(endpoint: string, bucket: string): Promise<void> {
  const res = await signedRequest(endpoint, { method: 'PUT', path: `/${bucket}` }, { service: 's3' });
  if (res.status !== 200) throw new Error(`CreateBucket ${bucket}: HTTP ${res.status} ${res.text}`);
}

/**
 * A hosted repository (SigV4-signed CreateRepository) and a git work tree in `dir` whose origin is
 * its clone URL, ready for pushFiles (which then skips its get-repository).
 */
export async function createRepository(endpoint: string, name: string, dir: string, home: string, branch = 'main'): Promise<void> {
  const created = (await setupCall(endpoint, 'CodeCommit_20150413.CreateRepository', 'codecommit', { repositoryName: name })) as { repositoryMetadata: { cloneUrlHttp: string } };
  await mkdir(dir, { recursive: true });
  await git(dir, home, 'init', '-q', '-b', branch);
  await git(dir, home, 'remote', 'add', 'origin', withCredentials(created.repositoryMetadata.cloneUrlHttp));
}

export const codeCommitSource = (repository: string, output: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'Source',
  actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
  configuration: { RepositoryName: repository, BranchName: 'main', PollForSourceChanges: 'false' },
  outputArtifacts: [{ name: output }],
  ...extra,
});

export const codeBuildAction = (name: string, project: string, input: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name,
  actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
  configuration: { ProjectName: project },
  inputArtifacts: [{ name: input }],
  ...extra,
});

/** create-pipeline --cli-input-json through pipelineCli (a file, as users write them); returns the stored declaration. */
export async function createPipeline(endpoint: string, dir: string, pipeline: Record<string, unknown>): Promise<Record<string, unknown> & { version: number }> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${String(pipeline.name)}.json`);
  await writeFile(file, JSON.stringify({ pipeline }, null, 2));
  return (await pipelineCli(endpoint).json<{ pipeline: Record<string, unknown> & { version: number } }>('codepipeline', 'create-pipeline', '--cli-input-json', `file://${file}`)).pipeline;
}

/**
 * Buildspec lines of a build that waits until the test opens its gate — a file named after its
 * CODEBUILD_BUILD_NUMBER (or `all`) in `gateDir` — then runs `then`. With the local executor builds
 * are host processes, so a test holds a build in progress exactly as long as it needs, however
 * slow the machine; after `maxSeconds` the build goes on by itself (a failed test never leaves it).
 */
export function gatedBuildspec(gateDir: string, then: string[] = [], maxSeconds = 120): string[] {
  const wait = `i=0; while [ ! -e "${gateDir}/$CODEBUILD_BUILD_NUMBER" ] && [ ! -e "${gateDir}/all" ] && [ $i -lt ${maxSeconds * 5} ]; do sleep 0.2; i=$((i+1)); done`;
  return ['version: 0.2', 'phases:', '  build:', '    commands:', `      - ${wait}`, ...then.map((c) => `      - ${c}`)];
}

/** Lets build number `which` of a gatedBuildspec project (or all of them, now and later) go on. */
export async function openGate(gateDir: string, which: number | 'all'): Promise<void> {
  await mkdir(gateDir, { recursive: true });
  await writeFile(join(gateDir, String(which)), '');
}

/** Action executions of `stage` in progress right now (pipelineApi), any execution. */
export async function runningIn(endpoint: string, pipeline: string, stage: string): Promise<{ pipelineExecutionId: string; externalExecutionId?: string }[]> {
  const list = await pipelineApi<{ actionExecutionDetails: { pipelineExecutionId: string; stageName: string; status: string; output?: { executionResult?: { externalExecutionId?: string } } }[] }>(
    endpoint, 'ListActionExecutions', { pipelineName: pipeline },
  );
  return list.actionExecutionDetails
    .filter((a) => a.stageName === stage && a.status === 'InProgress')
    .map((a) => ({ pipelineExecutionId: a.pipelineExecutionId, ...(a.output?.executionResult?.externalExecutionId ? { externalExecutionId: a.output.executionResult.externalExecutionId } : {}) }));
}
