/**
 * Shared steps of the CodePipeline e2e tests: real AWS CLI v2 and real git against `nagare up` —
 * hosted repositories pushed over HTTP, pipelines created from JSON files, and polling
 * get-pipeline-state / get-pipeline-execution until something happens.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { awsOk } from './aws-cli.js';
import { REPO_ROOT } from './nagare.js';

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
