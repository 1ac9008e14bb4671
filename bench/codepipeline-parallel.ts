import { join } from 'node:path';
import { makeTempDir, removeTempDir } from './lib/cleanup.js';
import { phaseSpan, randomPause, wallClock, type BuildInfo } from './lib/codebuild.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain } from './lib/main.js';
import { readMemory } from './lib/proc.js';
import {
  codeBuildAction,
  codeCommitSource,
  cpuWithChildrenMs,
  DEPLOY_BUCKET,
  git,
  initWorkTree,
  pipelineBuildspec,
  pipelineOf,
  s3Deploy,
  sleep,
  TERMINAL_EXECUTION,
  treeMemory,
  TreeSampler,
  withCredentials,
  withPipelineServer,
  type ActionExecution,
  type ExecutionSummary,
  type PipelineApi,
} from './lib/pipeline.js';
import { progress, Report, type Cell } from './lib/report.js';
import { round, summarize, type Summary } from './lib/stats.js';

/**
 * Many executions of one PARALLEL pipeline at once. A V2 pipeline, executionMode PARALLEL: Source
 * (CodeCommit) → Build (CodeBuild, buildspec `sleep 1`, the source as output artifact) → Deploy
 * (S3, Extract true), on a server started with --build-concurrency N so every build is admitted.
 * First, one execution alone (3 runs, one after another; StartPipelineExecution → Succeeded seen,
 * p50): the ideal for the burst is that — 1 s of `sleep` plus the single-execution overhead, as if
 * every execution ran beside the others for free. Then N StartPipelineExecution requests at once
 * (N sockets), and ListPipelineExecutions (all pages) every 250 ms until all N are terminal. Wall
 * time: the first request sent → the last execution seen terminal (and → the latest
 * lastUpdateTime, server clock). Memory: the server's VmRSS and the summed VmRSS of the server and
 * its descendants (build shells, `sleep`s, git), sampled every 100 ms, and the server's VmHWM.
 * The action executions and builds split the burst up: when each stage got through all N.
 */
const LIST_POLL_MS = 250;
const SINGLES = 3;
const PIPELINE = 'parallel-bench';
const PROJECT = 'parallel-sleep';

interface Burst {
  n: number;
  startErrors: number;
  firstStartError?: string;
  startsMs: number;
  /** Mean gap between consecutive StartPipelineExecution answers: the first k and the last k. */
  startGaps: { first: number; last: number; k: number };
  wallSeenMs: number;
  wallServerMs: number;
  statuses: Record<string, number>;
  firstFailure?: string;
  singleMs: number[];
  memBefore: { serverRssMiB: number; treeRssMiB: number };
  peak: { treeRssMiB: number; rootRssMiB: number; descendants: number };
  serverHwmMiB: number;
  serverCpuMs: number;
  /** When (ms after the first request) the k-th of N got through each step: [median, last]. */
  milestones: { name: string; p50: number; last: number }[];
  steps: { name: string; s: Summary }[];
  maxRunningBuilds: number;
}

async function allTerminal(api: PipelineApi, ids: ReadonlySet<string>, clock: () => number, timeoutMs: number): Promise<{ summaries: Map<string, ExecutionSummary>; seenAt: Map<string, number> }> {
  const seenAt = new Map<string, number>();
  const summaries = new Map<string, ExecutionSummary>();
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const all = await api.allExecutions(PIPELINE);
    const t = clock();
    for (const e of all) {
      if (!ids.has(e.pipelineExecutionId) || !TERMINAL_EXECUTION.has(e.status)) continue;
      summaries.set(e.pipelineExecutionId, e);
      if (!seenAt.has(e.pipelineExecutionId)) seenAt.set(e.pipelineExecutionId, t);
    }
    if (seenAt.size === ids.size) return { summaries, seenAt };
    if (performance.now() > deadline) throw new Error(`${ids.size - seenAt.size} of ${ids.size} executions not terminal after ${timeoutMs} ms`);
    await sleep(LIST_POLL_MS);
  }
}

function countBy(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

/** Most builds between claimed (QUEUED end) and endTime at any instant. */
function maxOverlap(builds: readonly BuildInfo[]): number {
  const ev: [number, number][] = [];
  for (const b of builds) ev.push([phaseSpan(b, 'QUEUED').end, 1], [(b.endTime ?? Number.NaN) * 1000, -1]);
  ev.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of ev) max = Math.max(max, (cur += d));
  return max;
}

async function burst(n: number): Promise<Burst> {
  return withPipelineServer(
    ['--build-concurrency', String(n)],
    async (s, api) => {
      const home = await makeTempDir('git-home');
      try {
        const url = await api.createRepository(PIPELINE);
        const work = join(home, 'work');
        await initWorkTree(work, home, withCredentials(url), { 'README.md': 'parallel bench\n', 'app.txt': 'hello\n' });
        await git(work, home, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
        await api.createPipelineProject(PROJECT, pipelineBuildspec(['sleep 1']));
        await api.createPipeline(
          pipelineOf(PIPELINE, [codeCommitSource(PIPELINE, 'main'), codeBuildAction(PROJECT), s3Deploy(DEPLOY_BUCKET, 'BuildOut', true)], { pipelineType: 'V2', executionMode: 'PARALLEL' }),
        );
        const [first] = (await api.listExecutions(PIPELINE, 5)).summaries;
        if (!first) throw new Error('CreatePipeline started no execution');
        const w = await api.waitForExecution(PIPELINE, first.pipelineExecutionId, () => 0, 25, 120_000);
        if (w.execution.status !== 'Succeeded') throw new Error(`the CreatePipeline execution ended ${w.execution.status}: ${w.execution.statusSummary ?? ''}`);

        const singleMs: number[] = [];
        for (let i = 0; i < SINGLES; i++) {
          await randomPause();
          const clock = wallClock();
          const t0 = clock();
          const id = await api.startExecution(PIPELINE);
          const done = await api.waitForExecution(PIPELINE, id, clock, 25, 120_000);
          if (done.execution.status !== 'Succeeded') throw new Error(`single execution ${id} ended ${done.execution.status}`);
          singleMs.push(done.seenAt - t0);
        }
        progress(`one execution alone: p50 ${round(summarize(singleMs).p50, 0)} ms; now ${n} at once`);

        const before = treeMemory(s.pid);
        const sampler = new TreeSampler(s.pid, 100);
        const cpu0 = cpuWithChildrenMs(s.pid);
        const clock = wallClock();
        const t0 = clock();
        const answeredAt: number[] = [];
        const results = await Promise.allSettled(
          Array.from({ length: n }, async () => {
            try {
              return await api.startExecution(PIPELINE);
            } finally {
              answeredAt.push(clock() - t0);
            }
          }),
        );
        const startsMs = clock() - t0;
        // The starts queue on the pipeline's row lock, so the gap between consecutive answers is
        // what one start transaction costs with k executions already in flight.
        answeredAt.sort((a, b) => a - b);
        const gaps = answeredAt.slice(1).map((x, i) => x - (answeredAt[i] ?? 0));
        const k = Math.min(20, Math.floor(gaps.length / 2));
        const startGaps = { first: summarize(gaps.slice(0, k)).mean, last: summarize(gaps.slice(-k)).mean, k };
        const ids = new Set(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        progress(`${ids.size} started (${rejected.length} refused) in ${round(startsMs, 0)} ms; waiting for all to finish`);
        const { summaries, seenAt } = await allTerminal(api, ids, clock, 400_000);
        const wallSeenMs = Math.max(...seenAt.values()) - t0;
        const serverCpuMs = cpuWithChildrenMs(s.pid) - cpu0;
        const peak = sampler.stop();
        const hwm = readMemory(s.pid)?.hwmMiB ?? Number.NaN;
        const list = [...summaries.values()];
        const wallServerMs = Math.max(...list.map((e) => e.lastUpdateTime * 1000)) - t0;

        // Where the time went: every action execution and build of the burst.
        const actions = (await api.actionExecutions(PIPELINE)).filter((a) => ids.has(a.pipelineExecutionId));
        const buildIds = actions.flatMap((a) => (a.actionName === 'Build' && a.output?.executionResult?.externalExecutionId ? [a.output.executionResult.externalExecutionId] : []));
        const builds = await api.getBuilds(buildIds);
        const byExec = (name: string): Map<string, ActionExecution> => new Map(actions.filter((a) => a.actionName === name).map((a) => [a.pipelineExecutionId, a]));
        const [src, bld, dep] = [byExec('Source'), byExec('Build'), byExec('Deploy')];
        const buildOf = new Map(builds.map((b) => [b.id, b]));
        const after = (xs: number[]): number[] => xs.filter(Number.isFinite).map((x) => x - t0);
        const milestone = (name: string, xs: number[]): { name: string; p50: number; last: number } => {
          const v = after(xs);
          return { name, p50: summarize(v).p50, last: v.length > 0 ? Math.max(...v) : Number.NaN };
        };
        const execStarts = list.map((e) => e.startTime * 1000);
        const milestones = [
          milestone('execution started (startTime)', execStarts),
          milestone('Source action finished', [...src.values()].map((a) => a.lastUpdateTime * 1000)),
          milestone('build claimed by a build worker (QUEUED end)', builds.map((b) => phaseSpan(b, 'QUEUED').end)),
          milestone('build ended (endTime)', builds.map((b) => (b.endTime ?? Number.NaN) * 1000)),
          milestone('Build action finished (build-done job ran)', [...bld.values()].map((a) => a.lastUpdateTime * 1000)),
          milestone('Deploy action finished', [...dep.values()].map((a) => a.lastUpdateTime * 1000)),
          milestone('execution seen terminal (client poll)', [...seenAt.values()]),
        ];
        const per = (f: (id: string) => number): number[] => [...ids].map(f).filter(Number.isFinite);
        const buildFor = (id: string): BuildInfo | undefined => {
          const bid = bld.get(id)?.output?.executionResult?.externalExecutionId;
          return bid ? buildOf.get(bid) : undefined;
        };
        const steps = [
          { name: 'Source action (job wait + zip + store)', v: per((id) => ((src.get(id)?.lastUpdateTime ?? Number.NaN) - (src.get(id)?.startTime ?? Number.NaN)) * 1000) },
          { name: 'Build action start → build claimed (StartBuild + QUEUED)', v: per((id) => phaseSpan(buildFor(id) ?? ({} as BuildInfo), 'QUEUED').end - (bld.get(id)?.startTime ?? Number.NaN) * 1000) },
          { name: 'build claimed → endTime (provision, `sleep 1`, upload)', v: per((id) => { const b = buildFor(id); return b ? (b.endTime ?? Number.NaN) * 1000 - phaseSpan(b, 'QUEUED').end : Number.NaN; }) },
          { name: 'build endTime → Build action finished (build-done job)', v: per((id) => (bld.get(id)?.lastUpdateTime ?? Number.NaN) * 1000 - ((buildFor(id)?.endTime ?? Number.NaN) * 1000)) },
          { name: 'Deploy action (job wait + S3 extract)', v: per((id) => ((dep.get(id)?.lastUpdateTime ?? Number.NaN) - (dep.get(id)?.startTime ?? Number.NaN)) * 1000) },
          { name: 'execution startTime → lastUpdateTime', v: per((id) => ((summaries.get(id)?.lastUpdateTime ?? Number.NaN) - (summaries.get(id)?.startTime ?? Number.NaN)) * 1000) },
        ].map((x) => ({ name: x.name, s: summarize(x.v) }));
        const statuses = countBy(list.map((e) => e.status));
        const failed = list.find((e) => e.status !== 'Succeeded');
        return {
          n,
          startErrors: rejected.length,
          ...(rejected[0] ? { firstStartError: String(rejected[0].reason) } : {}),
          startsMs,
          startGaps,
          wallSeenMs,
          wallServerMs,
          statuses,
          ...(failed ? { firstFailure: `${failed.status}: ${failed.statusSummary ?? ''}` } : {}),
          singleMs,
          memBefore: { serverRssMiB: before?.rootRssMiB ?? Number.NaN, treeRssMiB: before?.treeRssMiB ?? Number.NaN },
          peak,
          serverHwmMiB: hwm,
          serverCpuMs,
          milestones,
          steps,
          maxRunningBuilds: maxOverlap(builds),
        };
      } finally {
        await removeTempDir(home);
      }
    },
    n,
  );
}

async function main(): Promise<void> {
  const n = numberFlag('burst', 200);
  const m = await machine();
  const other = watchOtherWork(m);
  const report = new Report('codepipeline-parallel');
  const b = await burst(n);
  const single = summarize(b.singleMs).p50;
  const failures = n - (b.statuses.Succeeded ?? 0);
  report.table({
    title: `${n} executions of one PARALLEL pipeline at once: Source → Build (\`sleep 1\`) → Deploy (S3), --build-concurrency ${n}`,
    columns: ['measure', 'value'],
    rows: [
      ['one execution alone (StartPipelineExecution → Succeeded seen, p50 of 3)', `${round(single, 0)} ms`],
      [`ideal for ${n} at once (= one alone)`, `${round(single, 0)} ms`],
      [`${n} StartPipelineExecution requests answered`, `${round(b.startsMs, 0)} ms (${b.startErrors} refused${b.firstStartError ? `: ${b.firstStartError.slice(0, 200)}` : ''})`],
      [`gap between consecutive StartPipelineExecution answers, first ${b.startGaps.k} → last ${b.startGaps.k} (mean)`, `${round(b.startGaps.first, 0)} → ${round(b.startGaps.last, 0)} ms`],
      ['wall: first request → last execution seen terminal', `${round(b.wallSeenMs, 0)} ms (${round(b.wallSeenMs / single, 1)} × ideal)`],
      ['wall: first request → latest lastUpdateTime (server clock)', `${round(b.wallServerMs, 0)} ms`],
      ['final statuses', Object.entries(b.statuses).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['failures', `${failures}${b.firstFailure ? ` (first: ${b.firstFailure.slice(0, 200)})` : ''}`],
      ['most builds running at once (claimed → endTime)', b.maxRunningBuilds],
      ['server VmRSS before → peak (sampled every 100 ms)', `${round(b.memBefore.serverRssMiB, 0)} → ${round(b.peak.rootRssMiB, 0)} MiB`],
      ['server + descendants, summed VmRSS before → peak', `${round(b.memBefore.treeRssMiB, 0)} → ${round(b.peak.treeRssMiB, 0)} MiB (peak ${b.peak.descendants} descendant processes)`],
      ['server VmHWM after the burst', `${round(b.serverHwmMiB, 0)} MiB`],
      ['server CPU during the burst (its own + reaped children)', `${round(b.serverCpuMs / 1000, 1)} s (${round(b.serverCpuMs / n, 0)} ms per execution)`],
    ],
    notes: [`status polled with ListPipelineExecutions (all pages of 100) every ${LIST_POLL_MS} ms`],
  });
  report.table({
    title: 'how the burst drained (ms after the first request: when the median and the last of the executions got past each point)',
    columns: ['point', 'median ms', 'last ms'],
    rows: b.milestones.map((x): Cell[] => [x.name, round(x.p50, 0), round(x.last, 0)]),
  });
  report.table({
    title: 'per execution, each step (ms)',
    columns: ['step', 'p50 ms', 'p95 ms', 'max ms'],
    rows: b.steps.map((x): Cell[] => [x.name, round(x.s.p50, 0), round(x.s.p95, 0), round(x.s.max, 0)]),
  });
  report.json({
    executions: n,
    singleMs: b.singleMs.map((x) => round(x)),
    idealMs: round(single),
    startsMs: round(b.startsMs),
    startErrors: b.startErrors,
    startGapMs: { first: round(b.startGaps.first), last: round(b.startGaps.last), k: b.startGaps.k },
    wallSeenMs: round(b.wallSeenMs),
    wallServerMs: round(b.wallServerMs),
    statuses: b.statuses,
    failures,
    maxRunningBuilds: b.maxRunningBuilds,
    serverRssBeforeMiB: round(b.memBefore.serverRssMiB),
    serverRssPeakMiB: round(b.peak.rootRssMiB),
    treeRssBeforeMiB: round(b.memBefore.treeRssMiB),
    treeRssPeakMiB: round(b.peak.treeRssMiB),
    descendantsPeak: b.peak.descendants,
    serverHwmMiB: round(b.serverHwmMiB),
    serverCpuMs: round(b.serverCpuMs),
    milestonesMs: Object.fromEntries(b.milestones.map((x) => [x.name, { p50: round(x.p50), last: round(x.last) }])),
    stepsMs: Object.fromEntries(b.steps.map((x) => [x.name, { p50: round(x.s.p50), p95: round(x.s.p95), max: round(x.s.max) }])),
  });
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
}

runMain(main);
