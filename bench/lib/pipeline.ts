import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { makeTempDir, onInterrupt, removeTempDir } from './cleanup.js';
import type { BuildInfo } from './codebuild.js';
import { startServer, type Server } from './nagare.js';
import { readMemory } from './proc.js';
import { CREDENTIALS, REGION, sendSigned, signerFor } from './sigv4.js';

/**
 * What the CodePipeline benchmarks share: a `nagare up` on PGlite in a temp dir, signed JSON 1.1
 * calls to CodePipeline / CodeCommit / CodeBuild and S3 bucket creation, real `git` pushing over
 * smart HTTP to a hosted repository, pipeline declarations built from three stage kinds, and the
 * memory of the server's whole process tree (build shells included).
 */

export const ACCOUNT = '000000000000';
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/bench`;
export const ARTIFACT_BUCKET = 'cp-bench-artifacts';
export const DEPLOY_BUCKET = 'cp-bench-deploy';

type JsonService = 'codepipeline' | 'codecommit' | 'codebuild';
const TARGET: Record<JsonService, string> = {
  codepipeline: 'CodePipeline_20150709',
  codecommit: 'CodeCommit_20150413',
  codebuild: 'CodeBuild_20161006',
};

/** A SigV4 signer for a JSON 1.1 service (escaped path, payload hash). */
export function jsonSigner(service: JsonService): SignatureV4 {
  return new SignatureV4({ service, region: REGION, credentials: CREDENTIALS, sha256: Sha256, uriEscapePath: true, applyChecksum: true });
}

/** An AWS error answer (non-200) with its `__type`. */
export class ApiError extends Error {
  constructor(
    readonly op: string,
    readonly status: number,
    readonly type: string,
    body: string,
  ) {
    super(`${op} → HTTP ${status} ${type}: ${body.slice(0, 500)}`);
  }
}

export interface ExecutionSummary {
  pipelineExecutionId: string;
  status: string;
  startTime: number;
  lastUpdateTime: number;
  trigger?: { triggerType: string };
  sourceRevisions?: { actionName: string; revisionId: string }[];
  statusSummary?: string;
}

export interface ActionExecution {
  pipelineExecutionId: string;
  actionExecutionId: string;
  stageName: string;
  actionName: string;
  status: string;
  startTime: number;
  lastUpdateTime: number;
  /** resolvedConfiguration is recorded right after a worker claims the action's job (empty before). */
  input?: { resolvedConfiguration?: Record<string, string> };
  output?: { executionResult?: { externalExecutionId?: string; externalExecutionSummary?: string } };
}

export const TERMINAL_EXECUTION = new Set(['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled']);

/** CodePipeline, CodeCommit, CodeBuild and S3 over signed requests on one keep-alive agent. */
export class PipelineApi {
  readonly agent: Agent;
  private readonly signers = { codepipeline: jsonSigner('codepipeline'), codecommit: jsonSigner('codecommit'), codebuild: jsonSigner('codebuild') };
  private readonly s3 = signerFor('s3');

  constructor(
    readonly port: number,
    maxSockets = 64,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  async call<T>(service: JsonService, op: string, body: unknown): Promise<T> {
    const r = await sendSigned(this.signers[service], this.port, this.agent, {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET[service]}.${op}` },
      body: Buffer.from(JSON.stringify(body)),
    });
    const text = r.body.toString();
    if (r.status !== 200) {
      let type = '';
      try {
        type = String((JSON.parse(text) as { __type?: string }).__type ?? '');
      } catch {
        // not JSON
      }
      throw new ApiError(op, r.status, type, text);
    }
    return JSON.parse(text) as T;
  }

  async createBucket(name: string): Promise<void> {
    const r = await sendSigned(this.s3, this.port, this.agent, { method: 'PUT', path: `/${name}` });
    if (r.status !== 200) throw new Error(`CreateBucket ${name} → HTTP ${r.status}: ${r.body.toString().slice(0, 500)}`);
  }

  /** A hosted repository; returns its HTTP clone URL. */
  async createRepository(name: string): Promise<string> {
    const out = await this.call<{ repositoryMetadata: { cloneUrlHttp: string } }>('codecommit', 'CreateRepository', { repositoryName: name });
    return out.repositoryMetadata.cloneUrlHttp;
  }

  /** A CodeBuild project for pipelines: CODEPIPELINE source and artifacts, inline buildspec. */
  async createPipelineProject(name: string, buildspec: string): Promise<void> {
    await this.call('codebuild', 'CreateProject', {
      name,
      source: { type: 'CODEPIPELINE', buildspec },
      artifacts: { type: 'CODEPIPELINE' },
      environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
      serviceRole: ROLE,
    });
  }

  async createPipeline(declaration: PipelineDeclaration): Promise<void> {
    await this.call('codepipeline', 'CreatePipeline', { pipeline: declaration });
  }

  async startExecution(name: string): Promise<string> {
    return (await this.call<{ pipelineExecutionId: string }>('codepipeline', 'StartPipelineExecution', { name })).pipelineExecutionId;
  }

  async getExecution(name: string, id: string): Promise<ExecutionSummary> {
    return (await this.call<{ pipelineExecution: ExecutionSummary }>('codepipeline', 'GetPipelineExecution', { pipelineName: name, pipelineExecutionId: id })).pipelineExecution;
  }

  /** One page of ListPipelineExecutions (most recent first). */
  async listExecutions(name: string, maxResults = 100, nextToken?: string): Promise<{ summaries: ExecutionSummary[]; nextToken?: string }> {
    const out = await this.call<{ pipelineExecutionSummaries: ExecutionSummary[]; nextToken?: string }>('codepipeline', 'ListPipelineExecutions', {
      pipelineName: name,
      maxResults,
      ...(nextToken ? { nextToken } : {}),
    });
    return { summaries: out.pipelineExecutionSummaries, ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
  }

  async allExecutions(name: string): Promise<ExecutionSummary[]> {
    const all: ExecutionSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.listExecutions(name, 100, token);
      all.push(...page.summaries);
      token = page.nextToken;
    } while (token);
    return all;
  }

  /** Every action execution of one pipeline execution (all pages). */
  async actionExecutions(name: string, executionId?: string): Promise<ActionExecution[]> {
    const all: ActionExecution[] = [];
    let token: string | undefined;
    do {
      const out = await this.call<{ actionExecutionDetails: ActionExecution[]; nextToken?: string }>('codepipeline', 'ListActionExecutions', {
        pipelineName: name,
        maxResults: 100,
        ...(executionId ? { filter: { pipelineExecutionId: executionId } } : {}),
        ...(token ? { nextToken: token } : {}),
      });
      all.push(...out.actionExecutionDetails);
      token = out.nextToken;
    } while (token);
    return all;
  }

  async getBuilds(ids: readonly string[]): Promise<BuildInfo[]> {
    const out: BuildInfo[] = [];
    for (let i = 0; i < ids.length; i += 100) out.push(...(await this.call<{ builds: BuildInfo[] }>('codebuild', 'BatchGetBuilds', { ids: ids.slice(i, i + 100) })).builds);
    return out;
  }

  /** Polls GetPipelineExecution every `pollMs` until the execution is terminal; `seenAt` is `clock()` at that poll. */
  async waitForExecution(name: string, id: string, clock: () => number, pollMs: number, timeoutMs: number): Promise<{ execution: ExecutionSummary; seenAt: number }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const e = await this.getExecution(name, id);
      const t = clock();
      if (TERMINAL_EXECUTION.has(e.status)) return { execution: e, seenAt: t };
      if (performance.now() > deadline) throw new Error(`execution ${id} of ${name} still ${e.status} after ${timeoutMs} ms`);
      await sleep(pollMs);
    }
  }

  close(): void {
    this.agent.destroy();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---- declarations ----------------------------------------------------------------------------

export interface ActionDeclaration {
  name: string;
  actionTypeId: { category: string; owner: string; provider: string; version: string };
  configuration?: Record<string, string>;
  inputArtifacts?: { name: string }[];
  outputArtifacts?: { name: string }[];
}

export interface PipelineDeclaration {
  name: string;
  roleArn: string;
  artifactStore: { type: 'S3'; location: string };
  stages: { name: string; actions: ActionDeclaration[] }[];
  version?: number;
  pipelineType?: 'V1' | 'V2';
  executionMode?: 'SUPERSEDED' | 'QUEUED' | 'PARALLEL';
}

/** Source / CodeCommit on `branch`, started by pushes through the EventBridge route (PollForSourceChanges false). */
export function codeCommitSource(repository: string, branch: string): ActionDeclaration {
  return {
    name: 'Source',
    actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
    configuration: { RepositoryName: repository, BranchName: branch, PollForSourceChanges: 'false' },
    outputArtifacts: [{ name: 'SourceOut' }],
  };
}

export function codeBuildAction(project: string): ActionDeclaration {
  return {
    name: 'Build',
    actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
    configuration: { ProjectName: project },
    inputArtifacts: [{ name: 'SourceOut' }],
    outputArtifacts: [{ name: 'BuildOut' }],
  };
}

export function s3Deploy(bucket: string, input: string, extract: boolean, objectKey?: string): ActionDeclaration {
  return {
    name: 'Deploy',
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'S3', version: '1' },
    configuration: { BucketName: bucket, Extract: String(extract), ...(objectKey ? { ObjectKey: objectKey } : {}) },
    inputArtifacts: [{ name: input }],
  };
}

/** A pipeline of one action per stage, named after the actions. */
export function pipelineOf(name: string, actions: readonly ActionDeclaration[], extra: Pick<PipelineDeclaration, 'pipelineType' | 'executionMode'> = {}): PipelineDeclaration {
  return {
    name,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`,
    artifactStore: { type: 'S3', location: ARTIFACT_BUCKET },
    stages: actions.map((a) => ({ name: a.name, actions: [a] })),
    ...extra,
  };
}

/** A version 0.2 buildspec: `commands` in the build phase, every file of the source as the output artifact. */
export function pipelineBuildspec(commands: readonly string[]): string {
  return ['version: 0.2', 'phases:', '  build:', '    commands:', ...commands.map((c) => `      - ${JSON.stringify(c)}`), 'artifacts:', '  files:', "    - '**/*'", ''].join('\n');
}

// ---- git -------------------------------------------------------------------------------------

/** A git environment that reads no user or system config. */
export function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
  };
}

export function git(cwd: string, home: string, ...args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    execFile('git', args, { cwd, env: gitEnv(home) }, (err, stdout, stderr) => (err ? fail(new Error(`git ${args.join(' ')}: ${stderr}`)) : ok(stdout)));
  });
}

/** The clone URL with the loopback key pair as HTTP Basic credentials (what a credential helper would supply). */
export function withCredentials(url: string): string {
  const u = new URL(url);
  u.username = CREDENTIALS.accessKeyId;
  u.password = CREDENTIALS.secretAccessKey;
  return u.toString();
}

/** A local work tree with one commit (`files`) whose `origin` is `remote`. Returns the commit id. */
export async function initWorkTree(dir: string, home: string, remote: string, files: Record<string, string>): Promise<string> {
  await mkdir(dir, { recursive: true });
  await git(dir, home, 'init', '-q', '-b', 'main');
  await git(dir, home, 'remote', 'add', 'origin', remote);
  return commitFiles(dir, home, files, 'initial');
}

export async function commitFiles(dir: string, home: string, files: Record<string, string>, message: string): Promise<string> {
  for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
  await git(dir, home, 'add', '-A');
  await git(dir, home, 'commit', '-q', '-m', message);
  return (await git(dir, home, 'rev-parse', 'HEAD')).trim();
}

// ---- server ----------------------------------------------------------------------------------

/**
 * Runs `fn` against a fresh `nagare up` (PGlite in its own temp data dir, local build executor)
 * with the artifact and deploy buckets created; the server is stopped and the dir removed
 * afterwards, also on SIGINT/SIGTERM.
 */
export async function withPipelineServer<T>(args: readonly string[], fn: (s: Server, api: PipelineApi, dataDir: string) => Promise<T>, maxSockets = 64): Promise<T> {
  const dir = await makeTempDir('codepipeline');
  let server: Server | undefined;
  let undo: (() => void) | undefined;
  let api: PipelineApi | undefined;
  try {
    server = await startServer({ dataDir: dir, args });
    const s = server;
    undo = onInterrupt(() => s.stop());
    api = new PipelineApi(s.port, maxSockets);
    await api.createBucket(ARTIFACT_BUCKET);
    await api.createBucket(DEPLOY_BUCKET);
    return await fn(s, api, dir);
  } finally {
    api?.close();
    await server?.stop();
    undo?.();
    await removeTempDir(dir);
  }
}

// ---- memory of a process tree ----------------------------------------------------------------

export interface TreeMemory {
  /** VmRSS of the process itself, MiB. */
  rootRssMiB: number;
  /** Live descendants (build shells, `sleep`, git). */
  descendants: number;
  /** Summed VmRSS of the process and its descendants, MiB (shared pages counted once per process). */
  treeRssMiB: number;
}

/** The process `pid` and its descendants, from the ppid links in /proc. */
export function treeMemory(pid: number): TreeMemory | undefined {
  const parent = new Map<number, number>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const root = readMemory(pid);
  if (!root) return undefined;
  const under = (p: number): boolean => {
    for (let q = parent.get(p), hops = 0; q !== undefined && hops < 64; q = parent.get(q), hops++) if (q === pid) return true;
    return false;
  };
  let descendants = 0;
  let rss = root.rssMiB;
  for (const p of parent.keys()) {
    if (!under(p)) continue;
    descendants++;
    const r = readMemory(p)?.rssMiB; // NaN for a zombie
    if (r !== undefined && Number.isFinite(r)) rss += r;
  }
  return { rootRssMiB: root.rssMiB, descendants, treeRssMiB: rss };
}

/** Samples treeMemory every `everyMs`; stop() returns the peaks. */
export class TreeSampler {
  private peakTree = 0;
  private peakRoot = 0;
  private peakDescendants = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 100,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  private sample(): void {
    const m = treeMemory(this.pid);
    if (!m) return;
    this.peakTree = Math.max(this.peakTree, m.treeRssMiB);
    this.peakRoot = Math.max(this.peakRoot, m.rootRssMiB);
    this.peakDescendants = Math.max(this.peakDescendants, m.descendants);
  }

  stop(): { treeRssMiB: number; rootRssMiB: number; descendants: number } {
    clearInterval(this.timer);
    this.sample();
    return { treeRssMiB: this.peakTree, rootRssMiB: this.peakRoot, descendants: this.peakDescendants };
  }
}

/** CPU time (user + system, ms) of a live process plus its reaped children, from /proc/<pid>/stat. */
export function cpuWithChildrenMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / 100; // utime stime cutime cstime, USER_HZ 100
  } catch {
    return Number.NaN;
  }
}
