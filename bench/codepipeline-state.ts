import { Agent } from 'node:http';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from './lib/cleanup.js';
import { startLimitServer } from './lib/limit-server.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain } from './lib/main.js';
import { readMemory } from './lib/proc.js';
import {
  codeCommitSource,
  DEPLOY_BUCKET,
  git,
  initWorkTree,
  jsonSigner,
  pipelineOf,
  s3Deploy,
  sleep,
  withCredentials,
  withPipelineServer,
  type PipelineApi,
} from './lib/pipeline.js';
import { progress, Report, type Cell } from './lib/report.js';
import { sendSigned } from './lib/sigv4.js';
import { round, summarize, type Summary } from './lib/stats.js';

/**
 * Reads with many pipelines. 1,000 pipelines (AWS's per-region quota) are created one after
 * another with CreatePipeline — each a V1 Source (CodeCommit, a branch the hosted repository does
 * not have) → Deploy (S3); CreatePipeline starts an execution, as on AWS, which fails in its source
 * action. Once those executions are over: 500 GetPipelineState calls on pipelines picked at random
 * (one at a time), and ListPipelines through all its pages (default page size, 5 times). Before
 * the 999 others exist, the same GetPipelineState on the first pipeline alone (100 calls) as the
 * one-pipeline baseline. Physical limit: the same signed GetPipelineState request answered `{}` by
 * a bare Node HTTP server in its own process (bench/lib/limit-server-main.ts).
 */
const PREFIX = 'state-bench-';
const REPO = 'state-bench';
const BASELINE_CALLS = 100;
const LIST_RUNS = 5;

interface Result {
  pipelines: number;
  createMs: number[];
  createTotalMs: number;
  drainMs: number;
  baseline: number[];
  state: number[];
  stateErrors: number;
  listMs: number[];
  listPages: number;
  listed: number;
  limit: number[];
  sourceStatuses: Record<string, number>;
  rssAfterMiB: number;
}

const name = (i: number): string => `${PREFIX}${String(i).padStart(4, '0')}`;

async function timeCalls(count: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await call(i);
    out.push(performance.now() - t);
  }
  return out;
}

interface StageState {
  stageName: string;
  latestExecution?: { status: string };
}

async function getState(api: PipelineApi, pipeline: string): Promise<StageState[]> {
  return (await api.call<{ stageStates: StageState[] }>('codepipeline', 'GetPipelineState', { name: pipeline })).stageStates;
}

async function listAll(api: PipelineApi): Promise<{ names: number; pages: number }> {
  let token: string | undefined;
  let names = 0;
  let pages = 0;
  do {
    const out = await api.call<{ pipelines: unknown[]; nextToken?: string }>('codepipeline', 'ListPipelines', token ? { nextToken: token } : {});
    names += out.pipelines.length;
    pages++;
    token = out.nextToken;
  } while (token);
  return { names, pages };
}

/** Waits until the source stage of `pipeline` has a finished latest execution. */
async function sourceSettled(api: PipelineApi, pipeline: string, timeoutMs: number): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const status = (await getState(api, pipeline))[0]?.latestExecution?.status;
    if (status !== undefined && status !== 'InProgress') return status;
    if (performance.now() > deadline) throw new Error(`${pipeline}: source stage still ${status ?? 'not started'} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

async function measure(pipelines: number, calls: number): Promise<Result> {
  return withPipelineServer([], async (s, api) => {
    const home = await makeTempDir('git-home');
    try {
      const url = await api.createRepository(REPO);
      const work = join(home, 'work');
      await initWorkTree(work, home, withCredentials(url), { 'README.md': 'state bench\n' });
      await git(work, home, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
      const declaration = (i: number): ReturnType<typeof pipelineOf> => pipelineOf(name(i), [codeCommitSource(REPO, 'no-such-branch'), s3Deploy(DEPLOY_BUCKET, 'SourceOut', false, 'state.zip')]);

      await api.createPipeline(declaration(0));
      await sourceSettled(api, name(0), 30_000);
      await timeCalls(20, () => getState(api, name(0))); // warm-up
      const baseline = await timeCalls(BASELINE_CALLS, () => getState(api, name(0)));

      const createMs: number[] = [];
      const t0 = performance.now();
      for (let i = 1; i < pipelines; i++) {
        const t = performance.now();
        await api.createPipeline(declaration(i));
        createMs.push(performance.now() - t);
        if ((i + 1) % 200 === 0) progress(`${i + 1}/${pipelines} pipelines`);
      }
      const createTotalMs = performance.now() - t0;
      await sourceSettled(api, name(pipelines - 1), 120_000);
      const drainMs = performance.now() - t0;

      const picks = Array.from({ length: calls }, () => Math.floor(Math.random() * pipelines));
      const sourceStatuses: Record<string, number> = {};
      let stateErrors = 0;
      const state = await timeCalls(calls, async (i) => {
        const stages = await getState(api, name(picks[i] ?? 0));
        const st = stages[0]?.latestExecution?.status ?? 'none';
        sourceStatuses[st] = (sourceStatuses[st] ?? 0) + 1;
        if (stages.length !== 2) stateErrors++;
      });
      let listed = 0;
      let listPages = 0;
      const listMs = await timeCalls(LIST_RUNS, async () => {
        const r = await listAll(api);
        listed = r.names;
        listPages = r.pages;
      });
      const rssAfterMiB = readMemory(s.pid)?.rssMiB ?? Number.NaN;
      return { pipelines, createMs, createTotalMs, drainMs, baseline, state, stateErrors, listMs, listPages, listed, limit: [], sourceStatuses, rssAfterMiB };
    } finally {
      await removeTempDir(home);
    }
  });
}

/** The same signed GetPipelineState, answered `{}` by a bare HTTP server. */
async function limitCalls(calls: number): Promise<number[]> {
  const limit = await startLimitServer();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const signer = jsonSigner('codepipeline');
  try {
    const one = async (i: number): Promise<void> => {
      const r = await sendSigned(signer, limit.port, agent, {
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CodePipeline_20150709.GetPipelineState' },
        body: Buffer.from(JSON.stringify({ name: name(i % 1000) })),
      });
      if (r.status !== 200) throw new Error(`limit server answered ${r.status}`);
    };
    await timeCalls(50, one);
    return await timeCalls(calls, one);
  } finally {
    agent.destroy();
    await limit.stop();
  }
}

async function main(): Promise<void> {
  const pipelines = numberFlag('pipelines', 1000);
  const calls = numberFlag('calls', 500);
  const m = await machine();
  const other = watchOtherWork(m);
  const report = new Report('codepipeline-state');
  const r = await measure(pipelines, calls);
  r.limit = await limitCalls(calls);
  const lim = summarize(r.limit).p50;
  const row = (what: string, x: Summary): Cell[] => [what, x.n, round(x.p50, 2), round(x.p95, 2), round(x.p99, 2), round(x.max, 1), round(x.p50 / lim, 1)];
  report.table({
    title: `GetPipelineState and ListPipelines with ${pipelines} pipelines (one call at a time, signed requests on a keep-alive connection)`,
    columns: ['call', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p50 / limit'],
    rows: [
      row(`GetPipelineState, ${pipelines} pipelines, random pipeline`, summarize(r.state)),
      row('GetPipelineState, 1 pipeline (before the others existed)', summarize(r.baseline)),
      row(`ListPipelines, all ${r.listPages} pages (${r.listed} names)`, summarize(r.listMs)),
      row(`CreatePipeline (pipelines 2…${pipelines}, one after another)`, summarize(r.createMs)),
      row('limit: same signed request to a bare Node HTTP server', summarize(r.limit)),
    ],
    notes: [
      `creating ${pipelines - 1} pipelines took ${round(r.createTotalMs / 1000, 1)} s; their ${pipelines - 1} creation executions were over ${round(r.drainMs / 1000, 1)} s after the first CreatePipeline of the batch`,
      `source stage of the pipelines read: ${Object.entries(r.sourceStatuses).map(([k, v]) => `${k} ${v}`).join(', ')} (the source branch does not exist); answers without two stages: ${r.stateErrors}`,
      `server VmRSS after the reads: ${round(r.rssAfterMiB, 0)} MiB`,
    ],
  });
  const j = (xs: number[]): Record<string, number> => {
    const x = summarize(xs);
    return { n: x.n, p50: round(x.p50, 2), p95: round(x.p95, 2), p99: round(x.p99, 2), max: round(x.max, 2) };
  };
  report.json({
    pipelines,
    getPipelineStateMs: j(r.state),
    getPipelineStateOnePipelineMs: j(r.baseline),
    listPipelinesAllPagesMs: j(r.listMs),
    listPages: r.listPages,
    createPipelineMs: j(r.createMs),
    createTotalS: round(r.createTotalMs / 1000),
    drainS: round(r.drainMs / 1000),
    limitMs: j(r.limit),
    rssAfterMiB: round(r.rssAfterMiB),
  });
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
}

runMain(main);
