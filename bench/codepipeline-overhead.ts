import { join } from 'node:path';
import { makeTempDir, removeTempDir } from './lib/cleanup.js';
import { phaseSpan, randomPause, wallClock } from './lib/codebuild.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain, switchFlag } from './lib/main.js';
import {
  codeBuildAction,
  codeCommitSource,
  DEPLOY_BUCKET,
  initWorkTree,
  git,
  pipelineBuildspec,
  pipelineOf,
  s3Deploy,
  withCredentials,
  withPipelineServer,
  type ActionExecution,
  type PipelineApi,
} from './lib/pipeline.js';
import { progress, Report, type Cell } from './lib/report.js';
import { round, summarize, type Summary } from './lib/stats.js';
import { timeProcess } from './lib/time-process.js';

/**
 * The engine's own cost per execution. Source (CodeCommit, a hosted repository with one small
 * commit) → Build (CodeBuild, CODEPIPELINE source, buildspec command `true`, every source file as
 * the output artifact) → Deploy (S3, Extract true). N executions one after another, each started
 * with StartPipelineExecution after a random 0–500 ms pause (so it reaches the job workers at a
 * random phase of their 250 ms poll) and polled with GetPipelineExecution every 25 ms until
 * Succeeded. Per execution: wall time = the execution's startTime → lastUpdateTime (server
 * clock); its own work = the build's startTime → endTime (BatchGetBuilds); overhead = wall − work.
 * The action executions' timestamps (ListActionExecutions) and the build's phases split the wall
 * time into steps. An action's startTime is when the engine created its row and queued its job;
 * the moment a worker claimed the job is not in the API, so a separate probe phase (--probe-runs,
 * default 10 more executions, not in the figures above; --no-probe skips it) polls ListActionExecutions every 10 ms and
 * notes when each action's input.resolvedConfiguration appears — the run-action job writes it a
 * few queries after claiming. Physical limit: spawning `sh -c true` from Node.
 */
const POLL_MS = 25;
const WARMUP = 2;
const PIPELINE = 'overhead-bench';
const PROJECT = 'overhead-true';

interface Sample {
  response: number;
  clientTotal: number;
  wall: number;
  buildWork: number;
  overhead: number;
  steps: Record<string, number>;
}

const STEPS = [
  'execution start → Source action start',
  'Source action (zip commit, store artifact)',
  'Source end → Build action start',
  'Build action start → build startTime (StartBuild)',
  'build QUEUED (until the build worker claims it)',
  'build claimed → endTime (provision, fetch input, `true`, upload output)',
  'build endTime → Build action end (build-done job)',
  'Build end → Deploy action start',
  'Deploy action (S3 extract)',
  'Deploy end → execution lastUpdateTime',
] as const;

function stepsOf(startTime: number, lastUpdate: number, actions: ActionExecution[], build: { start: number; queuedEnd: number; end: number }): Record<string, number> {
  const a = (name: string): ActionExecution => {
    const x = actions.find((y) => y.actionName === name);
    if (!x) throw new Error(`no ${name} action execution`);
    return x;
  };
  const ms = (s: number): number => s * 1000;
  const [src, bld, dep] = [a('Source'), a('Build'), a('Deploy')];
  const v = [
    ms(src.startTime) - startTime,
    ms(src.lastUpdateTime - src.startTime),
    ms(bld.startTime - src.lastUpdateTime),
    build.start - ms(bld.startTime),
    build.queuedEnd - build.start,
    build.end - build.queuedEnd,
    ms(bld.lastUpdateTime) - build.end,
    ms(dep.startTime - bld.lastUpdateTime),
    ms(dep.lastUpdateTime - dep.startTime),
    lastUpdate - ms(dep.lastUpdateTime),
  ];
  return Object.fromEntries(STEPS.map((k, i) => [k, v[i] ?? Number.NaN]));
}

interface Probe {
  /** Per action: its startTime → resolvedConfiguration first seen (job waiting for a worker, + ≤ 10 ms poll). */
  claimWait: Record<string, number>;
  /** Per action: resolvedConfiguration first seen → its lastUpdateTime (the action's own work). */
  work: Record<string, number>;
}

const PROBE_POLL_MS = 10;
const ACTIONS = ['Source', 'Build', 'Deploy'] as const;

/** One execution watched through ListActionExecutions every 10 ms (see the header). */
async function probeOne(api: PipelineApi): Promise<Probe> {
  await randomPause();
  const clock = wallClock();
  const id = await api.startExecution(PIPELINE);
  const claimedAt = new Map<string, number>();
  const deadline = performance.now() + 60_000;
  for (;;) {
    const actions = await api.actionExecutions(PIPELINE, id);
    const t = clock();
    for (const a of actions) if (!claimedAt.has(a.actionName) && Object.keys(a.input?.resolvedConfiguration ?? {}).length > 0) claimedAt.set(a.actionName, t);
    if (actions.length === ACTIONS.length && actions.every((a) => a.status !== 'InProgress')) {
      const bad = actions.find((a) => a.status !== 'Succeeded');
      if (bad) throw new Error(`probe execution ${id}: ${bad.actionName} ${bad.status}`);
      const by = new Map(actions.map((a) => [a.actionName, a]));
      const claimWait: Record<string, number> = {};
      const work: Record<string, number> = {};
      for (const name of ACTIONS) {
        const a = by.get(name);
        const c = claimedAt.get(name) ?? Number.NaN;
        claimWait[name] = c - (a?.startTime ?? Number.NaN) * 1000;
        work[name] = (a?.lastUpdateTime ?? Number.NaN) * 1000 - c;
      }
      return { claimWait, work };
    }
    if (performance.now() > deadline) throw new Error(`probe execution ${id} not finished after 60 s`);
    await new Promise((r) => setTimeout(r, PROBE_POLL_MS));
  }
}

async function measure(n: number, probes: number): Promise<{ samples: Sample[]; probe: Probe[] }> {
  return withPipelineServer([], async (_s, api) => {
    const home = await makeTempDir('git-home');
    try {
      const url = await api.createRepository(PIPELINE);
      const work = join(home, 'work');
      await initWorkTree(work, home, withCredentials(url), { 'README.md': 'overhead bench\n', 'app.txt': 'hello\n' });
      await git(work, home, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
      await api.createPipelineProject(PROJECT, pipelineBuildspec(['true']));
      await api.createPipeline(pipelineOf(PIPELINE, [codeCommitSource(PIPELINE, 'main'), codeBuildAction(PROJECT), s3Deploy(DEPLOY_BUCKET, 'BuildOut', true)]));
      // The CreatePipeline execution is the first warm-up.
      const [first] = (await api.listExecutions(PIPELINE, 5)).summaries;
      if (!first) throw new Error('CreatePipeline started no execution');
      const firstDone = await api.waitForExecution(PIPELINE, first.pipelineExecutionId, () => 0, POLL_MS, 120_000);
      if (firstDone.execution.status !== 'Succeeded') throw new Error(`first execution ${firstDone.execution.status}: ${firstDone.execution.statusSummary ?? ''}`);

      const samples: Sample[] = [];
      for (let i = 0; i < WARMUP + n; i++) {
        await randomPause();
        const clock = wallClock();
        const t0 = clock();
        const id = await api.startExecution(PIPELINE);
        const response = clock() - t0;
        const { execution, seenAt } = await api.waitForExecution(PIPELINE, id, clock, POLL_MS, 120_000);
        if (execution.status !== 'Succeeded') throw new Error(`execution ${id} ended ${execution.status}: ${execution.statusSummary ?? ''}`);
        // GetPipelineExecution has no timestamps (as on AWS): the summary in ListPipelineExecutions does.
        const summary = (await api.listExecutions(PIPELINE, 5)).summaries.find((x) => x.pipelineExecutionId === id);
        if (!summary) throw new Error(`execution ${id} not in ListPipelineExecutions`);
        const actions = await api.actionExecutions(PIPELINE, id);
        const buildId = actions.find((x) => x.actionName === 'Build')?.output?.executionResult?.externalExecutionId;
        if (!buildId) throw new Error(`execution ${id}: no build id on the Build action`);
        const [b] = await api.getBuilds([buildId]);
        if (!b || b.endTime === undefined) throw new Error(`build ${buildId} has no endTime`);
        const start = summary.startTime * 1000;
        const last = summary.lastUpdateTime * 1000;
        const build = { start: b.startTime * 1000, queuedEnd: phaseSpan(b, 'QUEUED').end, end: b.endTime * 1000 };
        const wall = last - start;
        const buildWork = build.end - build.start;
        if (i >= WARMUP) samples.push({ response, clientTotal: seenAt - t0, wall, buildWork, overhead: wall - buildWork, steps: stepsOf(start, last, actions, build) });
        if ((i + 1) % 5 === 0) progress(`${i + 1}/${WARMUP + n} executions`);
      }
      const probe: Probe[] = [];
      for (let i = 0; i < probes; i++) probe.push(await probeOne(api));
      return { samples, probe };
    } finally {
      await removeTempDir(home);
    }
  });
}

async function main(): Promise<void> {
  const n = numberFlag('executions', 20);
  const m = await machine();
  const other = watchOtherWork(m);
  const report = new Report('codepipeline-overhead');

  await timeProcess('sh', ['-c', 'true']);
  const floor: number[] = [];
  for (let i = 0; i < n; i++) floor.push(await timeProcess('sh', ['-c', 'true']));
  const limit = summarize(floor).p50;
  progress(`floor sh -c true: p50 ${round(limit, 2)} ms`);

  const probes = switchFlag('no-probe') ? 0 : numberFlag('probe-runs', 10);
  const { samples, probe } = await measure(n, probes);
  const s = (f: (x: Sample) => number): ReturnType<typeof summarize> => summarize(samples.map(f));
  const row = (name: string, x: ReturnType<typeof summarize>): Cell[] => [name, x.n, round(x.p50, 0), round(x.p95, 0), round(x.min, 0), round(x.max, 0), round(x.p50 / limit, 0)];
  report.table({
    title: `Source → Build (\`true\`) → Deploy (S3): ${n} executions one after another (after the CreatePipeline execution and ${WARMUP} warm-ups)`,
    columns: ['measure', 'n', 'p50 ms', 'p95 ms', 'min ms', 'max ms', 'p50 / `sh -c true`'],
    rows: [
      row('execution wall (startTime → lastUpdateTime)', s((x) => x.wall)),
      row('its own work: build startTime → endTime', s((x) => x.buildWork)),
      row('engine overhead (wall − build)', s((x) => x.overhead)),
      row(`client: StartPipelineExecution sent → Succeeded seen (polled every ${POLL_MS} ms)`, s((x) => x.clientTotal)),
      row('StartPipelineExecution response', s((x) => x.response)),
      row('physical limit: node spawn `sh -c true`', summarize(floor)),
    ],
    notes: ['each StartPipelineExecution after a random 0–500 ms pause (a random phase of the job workers\' 250 ms poll)'],
  });
  report.table({
    title: 'where the wall time goes (p50 / p95 of each step, ms; from the action executions\' and the build\'s timestamps)',
    columns: ['step', 'p50 ms', 'p95 ms', 'mean ms'],
    rows: STEPS.map((k) => {
      const x = s((y) => y.steps[k] ?? Number.NaN);
      return [k, round(x.p50, 0), round(x.p95, 0), round(x.mean, 0)];
    }),
    notes: [`sum of the step means: ${round(STEPS.reduce((a, k) => a + s((y) => y.steps[k] ?? 0).mean, 0), 0)} ms (= mean wall ${round(s((x) => x.wall).mean, 0)} ms)`],
  });
  if (probe.length > 0) {
    const ps = (f: (p: Probe) => number): Summary => summarize(probe.map(f));
    report.table({
      title: `probe: when a worker picked up each action's job (${probe.length} more executions, ListActionExecutions polled every ${PROBE_POLL_MS} ms)`,
      columns: ['action', 'job waiting for a worker p50 ms', 'p95 ms', 'mean ms', 'action\'s own work p50 ms', 'p95 ms'],
      rows: ACTIONS.map((a): Cell[] => {
        const w = ps((p) => p.claimWait[a] ?? Number.NaN);
        const k = ps((p) => p.work[a] ?? Number.NaN);
        return [a, round(w.p50, 0), round(w.p95, 0), round(w.mean, 0), round(k.p50, 0), round(k.p95, 0)];
      }),
      notes: [
        'waiting = the action\'s startTime (row created, job queued) → its resolvedConfiguration first seen (written just after the claim), so it includes up to one 10 ms poll; the Build action\'s own work is StartBuild plus waiting for the build (the build-done job included)',
      ],
    });
    report.json({
      probe: Object.fromEntries(ACTIONS.map((a) => [a, { claimWaitP50: round(ps((p) => p.claimWait[a] ?? Number.NaN).p50), claimWaitMean: round(ps((p) => p.claimWait[a] ?? Number.NaN).mean), workP50: round(ps((p) => p.work[a] ?? Number.NaN).p50) }])),
    });
  }
  const j = (f: (x: Sample) => number): Record<string, number> => {
    const x = s(f);
    return { n: x.n, p50: round(x.p50), p95: round(x.p95), min: round(x.min), max: round(x.max) };
  };
  report.json({
    executions: n,
    wallMs: j((x) => x.wall),
    buildMs: j((x) => x.buildWork),
    overheadMs: j((x) => x.overhead),
    clientTotalMs: j((x) => x.clientTotal),
    responseMs: j((x) => x.response),
    shTrueMs: { p50: round(limit, 2), p95: round(summarize(floor).p95, 2) },
    stepsMs: Object.fromEntries(STEPS.map((k) => [k, j((y) => y.steps[k] ?? Number.NaN)])),
  });
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
}

runMain(main);
