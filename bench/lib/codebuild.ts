import { spawnSync } from 'node:child_process';
import { Agent } from 'node:http';
import { makeTempDir, onInterrupt, removeTempDir } from './cleanup.js';
import { EngineApi } from './engine.js';
import { NAGARE_BIN, startServer, type Server } from './nagare.js';
import { createDatabase } from './postgres.js';
import { sendSigned, signerFor } from './sigv4.js';

/** The Docker Engine API socket the container figures use (podman's API service here). */
export const DOCKER_HOST = process.env.NAGARE_BENCH_DOCKER_HOST ?? 'unix:///run/podman/podman.sock';
/** What `aws/codebuild/*` images map to in nagare's container executor. */
export const BUSYBOX = 'localhost/busybox:latest';
export const CODEBUILD_IMAGE = 'aws/codebuild/standard:7.0';

export type Executor = 'local' | 'container';

/** `nagare up` flags that select an executor. */
export function executorArgs(e: Executor): string[] {
  return e === 'container' ? ['--build-executor', 'container', '--docker-host', DOCKER_HOST] : [];
}

/**
 * Why the container rows are skipped, or undefined when they can run: `nagare up` must know
 * --build-executor and the engine must answer with the busybox image present.
 */
export function containerUnavailable(): string | undefined {
  const help = spawnSync(process.execPath, [NAGARE_BIN, 'up', '--help'], { encoding: 'utf8' });
  if (!`${help.stdout}${help.stderr}`.includes('--build-executor')) return '`nagare up` has no --build-executor flag in this build';
  const img = spawnSync('podman', ['image', 'exists', BUSYBOX], { encoding: 'utf8' });
  if (img.error) return `podman not usable (${img.error.message})`;
  if (img.status !== 0) return `${BUSYBOX} not found in podman's storage (${img.stderr.trim()})`;
  return undefined;
}

export interface Phase {
  phaseType: string;
  phaseStatus?: string;
  startTime?: number;
  endTime?: number;
  durationInSeconds?: number;
}

export interface BuildInfo {
  id: string;
  buildStatus: string;
  currentPhase: string;
  buildComplete: boolean;
  startTime: number;
  endTime?: number;
  phases?: Phase[];
  logs?: { groupName?: string; streamName?: string };
}

/** Start (epoch ms) and end of one phase from the build record; NaN when absent. */
export function phaseSpan(b: BuildInfo, type: string): { start: number; end: number } {
  const p = b.phases?.find((x) => x.phaseType === type);
  return { start: (p?.startTime ?? Number.NaN) * 1000, end: (p?.endTime ?? Number.NaN) * 1000 };
}

export const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED']);

/** CodeBuild and CloudWatch Logs over signed JSON 1.1 requests (the wire format the AWS CLI uses). */
export class CodeBuildApi {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private readonly signers = { codebuild: signerFor('codebuild'), logs: signerFor('logs') };
  /** Ids of every build this client started (to find containers a stopped server left behind). */
  readonly started = new Set<string>();

  constructor(readonly port: number) {}

  async call<T>(service: 'codebuild' | 'logs', op: string, body: unknown): Promise<T> {
    const target = service === 'codebuild' ? `CodeBuild_20161006.${op}` : `Logs_20140328.${op}`;
    const r = await sendSigned(this.signers[service], this.port, this.agent, {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: Buffer.from(JSON.stringify(body)),
    });
    if (r.status !== 200) throw new Error(`${op} → HTTP ${r.status}: ${r.body.toString().slice(0, 500)}`);
    return JSON.parse(r.body.toString()) as T;
  }

  /** A NO_SOURCE project with an inline buildspec and no artifacts. */
  async createProject(name: string, buildspec: string, image = CODEBUILD_IMAGE): Promise<void> {
    await this.call('codebuild', 'CreateProject', {
      name,
      source: { type: 'NO_SOURCE', buildspec },
      artifacts: { type: 'NO_ARTIFACTS' },
      environment: { type: 'LINUX_CONTAINER', image, computeType: 'BUILD_GENERAL1_SMALL' },
      serviceRole: 'arn:aws:iam::000000000000:role/bench',
    });
  }

  async startBuild(projectName: string): Promise<BuildInfo> {
    const b = (await this.call<{ build: BuildInfo }>('codebuild', 'StartBuild', { projectName })).build;
    this.started.add(b.id);
    return b;
  }

  async getBuilds(ids: readonly string[]): Promise<BuildInfo[]> {
    const out: BuildInfo[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      out.push(...(await this.call<{ builds: BuildInfo[] }>('codebuild', 'BatchGetBuilds', { ids: ids.slice(i, i + 100) })).builds);
    }
    return out;
  }

  /**
   * Polls BatchGetBuilds every `pollMs` until every build is terminal; returns the builds and, per
   * id, the `clock()` time at which the poll first saw it terminal (resolution: `pollMs`).
   */
  async waitForBuilds(ids: readonly string[], clock: () => number, pollMs: number, timeoutMs: number): Promise<{ builds: Map<string, BuildInfo>; seenAt: Map<string, number> }> {
    const builds = new Map<string, BuildInfo>();
    const seenAt = new Map<string, number>();
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const pending = ids.filter((id) => !seenAt.has(id));
      if (pending.length === 0) return { builds, seenAt };
      const got = await this.getBuilds(pending);
      const t = clock();
      for (const b of got) {
        if (TERMINAL.has(b.buildStatus)) {
          builds.set(b.id, b);
          seenAt.set(b.id, t);
        }
      }
      if (performance.now() > deadline) throw new Error(`${pending.length} build(s) not finished after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** Every message of the build's log stream (GetLogEvents from the head, all pages). */
  async logMessages(b: BuildInfo): Promise<string[]> {
    const group = b.logs?.groupName;
    const stream = b.logs?.streamName;
    if (!group || !stream) throw new Error(`build ${b.id} has no log stream`);
    const out: string[] = [];
    let token: string | undefined;
    for (;;) {
      const r = await this.call<{ events: { message: string }[]; nextForwardToken?: string }>('logs', 'GetLogEvents', {
        logGroupName: group,
        logStreamName: stream,
        startFromHead: true,
        ...(token ? { nextToken: token } : {}),
      });
      out.push(...r.events.map((e) => e.message));
      if (r.events.length === 0 || !r.nextForwardToken || r.nextForwardToken === token) return out;
      token = r.nextForwardToken;
    }
  }

  /**
   * The stamp the build's first command printed (see STAMP_COMMAND), epoch ms. The log is written
   * a moment after the build row completes, so this retries for a while before giving up.
   */
  async stampOf(b: BuildInfo, timeoutMs = 5000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const stamp = parseStamp(await this.logMessages(b));
      if (stamp !== undefined) return stamp;
      if (performance.now() > deadline) throw new Error(`no timestamp in the log of ${b.id}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * A command that prints the wall-clock time it ran at: GNU `date +%s%N` (ns) on the host, busybox
 * `adjtimex` (prints time.tv_sec / time.tv_usec; busybox `date` has no %N) in the busybox image.
 * Both are one exec of one binary.
 */
export function stampCommand(e: Executor): string {
  return e === 'container' ? 'adjtimex' : 'date +%s%N';
}

/** Epoch ms from `date +%s%N` output (a line of 19 digits) or from adjtimex's tv_sec/tv_usec lines. */
export function parseStamp(messages: readonly string[]): number | undefined {
  let sec: number | undefined;
  for (const m of messages) {
    const line = m.trim();
    if (/^\d{19}$/.test(line)) return Number(BigInt(line) / 1000n) / 1000;
    const s = /time\.tv_sec:\s*(\d+)/.exec(line);
    if (s) sec = Number(s[1]);
    const u = /time\.tv_usec:\s*(\d+)/.exec(line);
    if (u && sec !== undefined) return sec * 1000 + Number(u[1]) / 1000;
  }
  return undefined;
}

/**
 * Wall-clock milliseconds with sub-millisecond resolution, comparable with `date +%s%N` in another
 * process: anchored on the edge of a Date.now() millisecond, then advanced by the monotonic clock.
 * Re-anchor (call again) before each measurement so clock slewing cannot accumulate.
 */
export function wallClock(): () => number {
  const start = Date.now();
  let edge = Date.now();
  while (edge === start) edge = Date.now();
  const hr = process.hrtime.bigint();
  return () => edge + Number(process.hrtime.bigint() - hr) / 1e6;
}

/**
 * Waits a uniformly random 0–`maxMs` before a StartBuild. A build worker claims a job enqueued in
 * its own process at once, but one enqueued elsewhere (another replica) only at its next 250 ms
 * poll — and it polls again 250 ms after finishing a job; before commit 9b7fc95 it always waited
 * for the poll. Builds started one after another as soon as the previous one was seen SUCCEEDED
 * would arrive at a fixed phase of such periodic work; the pause makes each arrive at a random
 * phase, as a user's would.
 */
export function randomPause(maxMs = 500): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.random() * maxMs));
}

/** A buildspec (version 0.2) with the given commands in one phase. */
export function buildspecYaml(phase: 'install' | 'build', commands: readonly string[]): string {
  return ['version: 0.2', 'phases:', `  ${phase}:`, '    commands:', ...commands.map((c) => `      - ${JSON.stringify(c)}`), ''].join('\n');
}

export type Storage = 'PGlite' | 'PostgreSQL';

/**
 * Runs `fn` against a fresh `nagare up` (own temp data dir; with PostgreSQL its own database) with
 * the given executor and flags; the server is stopped and the dir and database removed afterwards,
 * also on SIGINT/SIGTERM (a graceful stop, so nagare removes its build containers; then any
 * container of this server's builds still there is removed through the engine API and reported).
 */
export async function withServer<T>(storage: Storage, executor: Executor, args: readonly string[], fn: (s: Server, api: CodeBuildApi) => Promise<T>): Promise<T> {
  const dir = await makeTempDir('codebuild');
  const db = storage === 'PostgreSQL' ? await createDatabase() : undefined;
  const undoDb = db ? onInterrupt(() => db.drop()) : undefined;
  let server: Server | undefined;
  let undoServer: (() => void) | undefined;
  let api: CodeBuildApi | undefined;
  const engine = executor === 'container' ? new EngineApi(DOCKER_HOST) : undefined;
  const stopAndSweep = async (s: Server, started: ReadonlySet<string>): Promise<void> => {
    await s.stop();
    const left = await engine?.removeBuildContainers(started).catch(() => 0);
    if (left) process.stderr.write(`warning: removed ${left} build container(s) the stopped server left behind\n`);
  };
  try {
    server = await startServer({ dataDir: dir, ...(db ? { databaseUrl: db.url } : {}), args: [...executorArgs(executor), ...args] });
    const s = server;
    const a = (api = new CodeBuildApi(s.port));
    undoServer = onInterrupt(() => stopAndSweep(s, a.started));
    return await fn(s, a);
  } finally {
    api?.close();
    if (server) await stopAndSweep(server, api?.started ?? new Set());
    undoServer?.();
    await db?.drop();
    undoDb?.();
    await removeTempDir(dir);
  }
}
