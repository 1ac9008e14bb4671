import { readdirSync, readFileSync } from 'node:fs';
import { BUSYBOX, buildspecYaml, containerUnavailable, DOCKER_HOST, phaseSpan, randomPause, wallClock, withServer, type BuildInfo, type Executor } from './lib/codebuild.js';
import { buildLikeBinds, Engine, EngineApi, type EngineMemory, lingeringWarning, withIdleContainer } from './lib/engine.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain, switchFlag } from './lib/main.js';
import { cpuMs, readMemory } from './lib/proc.js';
import { progress, Report } from './lib/report.js';
import { round, summarize } from './lib/stats.js';
import { timeProcess } from './lib/time-process.js';

/**
 * Many `sleep 1` builds started at once: 50 StartBuild requests in parallel against a server with
 * --build-concurrency 50 (so all are admitted), then BatchGetBuilds every 100 ms until all are
 * SUCCEEDED. Ideal: what one such build takes alone on the same server (StartBuild → SUCCEEDED
 * seen, p50 of 3, measured first) — 1 s of `sleep` plus the single-build overhead. Per executor
 * (local, container). `--default-concurrency` adds the same runs with the default limit (4), where
 * the builds run in ⌈50/4⌉ = 13 rounds (ideal: one build alone + 12 × one build's run time).
 * Memory: the server's VmRSS (sampled every 100 ms) and VmHWM, the processes under it (build shells
 * and `sleep`s: count, summed VmRSS, summed Pss); for the container executor also podman's side
 * (API service VmRSS, conmon + containers RSS from the libpod_parent cgroup, conmon count).
 * Container floor: the same number of busybox containers through the Engine API at once, each
 * create + start + exec `sleep 1` + remove — the engine's own cost of 50 parallel container builds.
 */
const POLL_MS = 100;
const SAMPLE_MS = 100;
const ENGINE_SAMPLE_MS = 500;
const SINGLES = 3;

interface TreeSample {
  serverRssMiB: number;
  children: number;
  childRssMiB: number;
  /** Proportional set size of the server and every descendant (shared pages split, so it adds up). */
  treePssMiB: number;
}

/** The server and its descendants from /proc (ppid links). */
function sampleTree(pid: number): TreeSample | undefined {
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
  const inTree = (p: number): boolean => {
    for (let q = parent.get(p), hops = 0; q !== undefined && hops < 64; q = parent.get(q), hops++) if (q === pid) return true;
    return false;
  };
  const server = readMemory(pid);
  if (!server) return undefined;
  let children = 0;
  let childRss = 0;
  let pss = pssKiB(pid);
  for (const p of parent.keys()) {
    if (!inTree(p)) continue;
    children++;
    const rss = readMemory(p)?.rssMiB; // NaN for a zombie (no VmRSS line)
    if (rss !== undefined && Number.isFinite(rss)) childRss += rss;
    pss += pssKiB(p);
  }
  return { serverRssMiB: server.rssMiB, children, childRssMiB: childRss, treePssMiB: pss / 1024 };
}

function pssKiB(pid: number): number {
  try {
    return Number(/^Pss:\s*(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

interface Scenario {
  name: string;
  executor: Executor;
  concurrency: number | undefined;
  rounds: number;
  wallMs: number;
  startBuildsMs: number;
  recordSpanMs: number;
  queuedP50: number;
  queuedMax: number;
  runP50: number;
  maxRunning: number;
  serverRssPeak: number;
  serverHwm: number;
  childrenPeak: number;
  childRssPeak: number;
  treePssPeak: number;
  rssBefore: number;
  /** One build alone on the same server: StartBuild → SUCCEEDED seen, and claimed → end (p50s). */
  singleWallMs: number;
  /** CPU the server process itself used from the first StartBuild to the last SUCCEEDED seen, ms. */
  serverCpuMs: number;
  singleRunMs: number;
  idealMs: number;
  engine?: EngineMemory;
  engineBefore?: EngineMemory;
}

/** Most builds between QUEUED end and COMPLETED start at any instant. */
function maxOverlap(builds: BuildInfo[]): number {
  const ev: [number, number][] = [];
  for (const b of builds) {
    const q = phaseSpan(b, 'QUEUED');
    ev.push([q.end, 1], [(b.endTime ?? Number.NaN) * 1000, -1]);
  }
  ev.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of ev) max = Math.max(max, (cur += d));
  return max;
}

async function scenario(executor: Executor, n: number, concurrency: number | undefined): Promise<Scenario> {
  const args = concurrency === undefined ? [] : ['--build-concurrency', String(concurrency)];
  return withServer('PGlite', executor, args, async (s, api) => {
    await api.createProject('sleepy', buildspecYaml('build', ['sleep 1']));
    // One warm-up build so first-use costs (module loads, log group creation) are not in the figure.
    const warm = await api.startBuild('sleepy');
    await api.waitForBuilds([warm.id], wallClock(), POLL_MS, 120_000);
    const singleWall: number[] = [];
    const singleRun: number[] = [];
    for (let i = 0; i < SINGLES; i++) {
      await randomPause();
      const now = wallClock();
      const t0 = now();
      const b = await api.startBuild('sleepy');
      const { builds, seenAt } = await api.waitForBuilds([b.id], now, 25, 120_000);
      const done = builds.get(b.id);
      if (done?.buildStatus !== 'SUCCEEDED') throw new Error(`single build ${b.id} ended ${done?.buildStatus ?? '?'}`);
      singleWall.push((seenAt.get(b.id) ?? Number.NaN) - t0);
      singleRun.push((done.endTime ?? Number.NaN) * 1000 - phaseSpan(done, 'QUEUED').end);
    }
    const single = { wall: summarize(singleWall).p50, run: summarize(singleRun).p50 };
    progress(`${executor}: one \`sleep 1\` build alone: ${round(single.wall, 0)} ms StartBuild → SUCCEEDED seen (run ${round(single.run, 0)} ms)`);
    const engine = executor === 'container' ? new Engine(DOCKER_HOST) : undefined;
    const enginePeak: EngineMemory = { serviceRssMiB: 0, containersRssMiB: 0, conmons: 0 };
    const takeEngine = (): void => {
      if (!engine) return;
      const e = engine.memory();
      enginePeak.serviceRssMiB = Math.max(enginePeak.serviceRssMiB, e.serviceRssMiB);
      enginePeak.containersRssMiB = Math.max(enginePeak.containersRssMiB, e.containersRssMiB);
      enginePeak.conmons = Math.max(enginePeak.conmons, e.conmons);
    };
    const engineBefore = engine?.memory();
    const engineSampler = setInterval(takeEngine, ENGINE_SAMPLE_MS);
    const rssBefore = readMemory(s.pid)?.rssMiB ?? Number.NaN;
    const peak = { serverRss: 0, children: 0, childRss: 0, treePss: 0 };
    const take = (): void => {
      const t = sampleTree(s.pid);
      if (!t) return;
      peak.serverRss = Math.max(peak.serverRss, t.serverRssMiB);
      peak.children = Math.max(peak.children, t.children);
      peak.childRss = Math.max(peak.childRss, t.childRssMiB);
      peak.treePss = Math.max(peak.treePss, t.treePssMiB);
    };
    const sampler = setInterval(take, SAMPLE_MS);
    try {
      const cpu0 = cpuMs(s.pid);
      const now = wallClock();
      const t0 = now();
      const started = await Promise.all(Array.from({ length: n }, () => api.startBuild('sleepy')));
      const startBuildsMs = now() - t0;
      const ids = started.map((b) => b.id);
      const { builds, seenAt } = await api.waitForBuilds(ids, now, POLL_MS, 600_000);
      const wallMs = Math.max(...seenAt.values()) - t0;
      const serverCpuMs = cpuMs(s.pid) - cpu0;
      take();
      const all = [...builds.values()];
      const failed = all.filter((b) => b.buildStatus !== 'SUCCEEDED');
      if (failed.length > 0) throw new Error(`${failed.length} builds did not succeed: ${failed.map((b) => `${b.id} ${b.buildStatus}`).join(', ')}`);
      const queued = all.map((b) => phaseSpan(b, 'QUEUED')).map((q) => q.end - q.start);
      const run = all.map((b) => (b.endTime ?? Number.NaN) * 1000 - phaseSpan(b, 'QUEUED').end);
      const span = Math.max(...all.map((b) => (b.endTime ?? Number.NaN) * 1000)) - Math.min(...all.map((b) => b.startTime * 1000));
      const eff = concurrency ?? 4;
      const rounds = Math.ceil(n / eff);
      takeEngine();
      const result: Scenario = {
        name: `${executor} executor, ${concurrency === undefined ? 'default concurrency (4)' : `--build-concurrency ${concurrency}`}`,
        executor,
        concurrency,
        rounds,
        wallMs,
        startBuildsMs,
        recordSpanMs: span,
        queuedP50: summarize(queued).p50,
        queuedMax: summarize(queued).max,
        runP50: summarize(run).p50,
        maxRunning: maxOverlap(all),
        serverRssPeak: peak.serverRss,
        serverHwm: readMemory(s.pid)?.hwmMiB ?? Number.NaN,
        childrenPeak: peak.children,
        childRssPeak: peak.childRss,
        treePssPeak: peak.treePss,
        rssBefore,
        singleWallMs: single.wall,
        serverCpuMs,
        singleRunMs: single.run,
        idealMs: single.wall + (rounds - 1) * single.run,
        ...(engine ? { engine: { ...enginePeak } } : {}),
        ...(engineBefore ? { engineBefore } : {}),
      };
      progress(`${result.name}: ${round(wallMs / 1000, 2)} s for ${n} builds, at most ${result.maxRunning} running at once`);
      return result;
    } finally {
      clearInterval(sampler);
      clearInterval(engineSampler);
    }
  });
}

/**
 * n busybox containers at once straight through the Engine API, each as a container build uses the
 * engine: create + start, exec `sleep 1`, remove. Wall ms from the first create to the last removal.
 */
async function engineFloor(n: number): Promise<number> {
  const api = new EngineApi(DOCKER_HOST);
  const binds = await buildLikeBinds();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, () =>
      withIdleContainer(api, BUSYBOX, async (id) => {
        const r = await api.exec(id, ['sleep', '1']);
        if (r.exitCode !== 0) throw new Error(`exec sleep 1 exited ${r.exitCode ?? '?'}`);
      }, binds),
    ),
  );
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const n = numberFlag('builds', 50);
  const withDefault = switchFlag('default-concurrency');
  const m = await machine();
  const containerSkip = containerUnavailable();
  const engine = containerSkip ? undefined : new Engine(DOCKER_HOST);
  const other = watchOtherWork(m, engine && { name: "podman's service, conmon and containers", cpuMs: () => engine.cpuMs() });
  const report = new Report('codebuild-concurrent');
  if (containerSkip) progress(`container rows skipped: ${containerSkip}`);
  const lingering = containerSkip ? undefined : lingeringWarning();
  if (lingering) progress(`warning: ${lingering}`);

  const floorRuns: number[] = [];
  for (let i = 0; i < 3; i++) floorRuns.push(await timeProcess('sh', ['-c', 'sleep 1']));
  const floor = summarize(floorRuns).p50;
  progress(`floor sh -c 'sleep 1': ${round(floor, 1)} ms`);

  // A throwaway start first: the benchmark's snapshot cache is empty, and the first PGlite start
  // (initdb + snapshot dump, ≈ 870 MiB peak) would otherwise land in the first scenario's VmHWM.
  await withServer('PGlite', 'local', [], async () => undefined);

  const scenarios: Scenario[] = [];
  scenarios.push(await scenario('local', n, n));
  if (withDefault) scenarios.push(await scenario('local', n, undefined));
  let engineFloorMs: number | undefined;
  if (!containerSkip) {
    scenarios.push(await scenario('container', n, n));
    if (withDefault) scenarios.push(await scenario('container', n, undefined));
    engineFloorMs = await engineFloor(n);
    progress(`engine floor: ${n} containers create + start + exec sleep 1 + remove at once: ${round(engineFloorMs / 1000, 2)} s`);
  }

  report.table({
    title: `${n} \`sleep 1\` builds started at once (PGlite): first StartBuild → all SUCCEEDED`,
    columns: ['scenario', 'rounds', 'wall s', 'ideal s', 'wall / ideal', 'one build alone s', 'all StartBuild answered ms', 'most running at once', 'QUEUED p50 ms', 'QUEUED max ms', 'run p50 ms (claimed → end)', 'server CPU s (its own process)'],
    rows: scenarios.map((x) => [x.name, x.rounds, round(x.wallMs / 1000, 2), round(x.idealMs / 1000, 2), round(x.wallMs / x.idealMs, 1), round(x.singleWallMs / 1000, 2), round(x.startBuildsMs, 0), x.maxRunning, round(x.queuedP50, 0), round(x.queuedMax, 0), round(x.runP50, 0), round(x.serverCpuMs / 1000, 2)]),
    notes: [
      `ideal = one \`sleep 1\` build alone on the same server (StartBuild → SUCCEEDED seen, p50 of ${SINGLES}) + (rounds − 1) × its run time (claimed → end); rounds = ⌈${n} / concurrency⌉`,
      `floors: one \`sh -c 'sleep 1'\` spawned from Node ${round(floor, 0)} ms` +
        (engineFloorMs === undefined ? '' : `; ${n} busybox containers at once through the Engine API (create with host network, 2 bind mounts and init + start + exec \`sleep 1\` + remove) ${round(engineFloorMs / 1000, 2)} s`),
      `wall: SUCCEEDED seen by BatchGetBuilds polled every ${POLL_MS} ms; "most running at once" from the build records (QUEUED end → endTime); server CPU: utime + stime of the server process over the same span (its build processes not included)`,
      ...(containerSkip ? [`container rows skipped: ${containerSkip}`] : []),
      ...(lingering ? [`warning: ${lingering}`] : []),
    ],
  });
  report.table({
    title: `memory while the ${n} builds ran (sampled every ${SAMPLE_MS} ms; podman's side every ${ENGINE_SAMPLE_MS} ms)`,
    columns: ['scenario', 'server VmRSS before MiB', 'server VmRSS peak MiB', 'server VmHWM MiB', 'processes under the server, peak', 'their VmRSS sum, peak MiB', 'server + descendants Pss peak MiB', 'podman service VmRSS peak MiB', 'conmon + containers RSS before → peak MiB', 'conmon processes before → peak'],
    rows: scenarios.map((x) => [x.name, round(x.rssBefore, 0), round(x.serverRssPeak, 0), round(x.serverHwm, 0), x.childrenPeak, round(x.childRssPeak, 0), round(x.treePssPeak, 0), x.engine ? round(x.engine.serviceRssMiB, 0) : undefined, x.engine ? `${round(x.engineBefore?.containersRssMiB ?? Number.NaN, 0)} → ${round(x.engine.containersRssMiB, 0)}` : undefined, x.engine ? `${x.engineBefore?.conmons ?? '?'} → ${x.engine.conmons}` : undefined]),
    notes: [
      'descendants: every process whose parent chain reaches the server (build shells, `sleep`); VmRSS sums count shared pages once per process, Pss splits them, so the Pss column adds up',
      "container rows: the build processes live in containers under conmon, not under the server; podman's side is the API service's VmRSS and the anonymous memory (total_rss) of podman's libpod_parent cgroup (every conmon and container); the conmon count includes exec sessions podman keeps for its exit delay",
    ],
  });
  report.json({
    builds: n,
    floorMs: round(floor),
    ...(engineFloorMs === undefined ? {} : { engineFloorMs: round(engineFloorMs) }),
    scenarios: scenarios.map((x) => ({
      ...x,
      wallMs: round(x.wallMs),
      idealMs: round(x.idealMs),
      singleWallMs: round(x.singleWallMs),
      singleRunMs: round(x.singleRunMs),
      serverCpuMs: round(x.serverCpuMs),
      startBuildsMs: round(x.startBuildsMs),
      recordSpanMs: round(x.recordSpanMs),
      serverRssPeak: round(x.serverRssPeak),
      serverHwm: round(x.serverHwm),
      childRssPeak: round(x.childRssPeak),
      treePssPeak: round(x.treePssPeak),
      rssBefore: round(x.rssBefore),
      ...(x.engine ? { engine: { serviceRssMiB: round(x.engine.serviceRssMiB), containersRssMiB: round(x.engine.containersRssMiB), conmons: x.engine.conmons } } : {}),
      ...(x.engineBefore ? { engineBefore: { serviceRssMiB: round(x.engineBefore.serviceRssMiB), containersRssMiB: round(x.engineBefore.containersRssMiB), conmons: x.engineBefore.conmons } } : {}),
    })),
    ...(containerSkip ? { containerSkipped: containerSkip } : {}),
    ...(lingering ? { lingeringWarning: lingering } : {}),
  });
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
}

runMain(main);
