import { spawn } from 'node:child_process';
import { trackChild } from './lib/cleanup.js';
import {
  BUSYBOX,
  buildspecYaml,
  containerUnavailable,
  DOCKER_HOST,
  parseStamp,
  phaseSpan,
  randomPause,
  stampCommand,
  wallClock,
  withServer,
  type Executor,
  type Storage,
} from './lib/codebuild.js';
import { buildLikeBinds, demuxLines, Engine, EngineApi, lingeringWarning, withIdleContainer } from './lib/engine.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain, switchFlag } from './lib/main.js';
import { postgresUnavailable } from './lib/postgres.js';
import { progress, Report, type Cell } from './lib/report.js';
import { round, summarize } from './lib/stats.js';

/**
 * StartBuild → first user command running. One NO_SOURCE project whose buildspec's only command
 * (in `install`, the first phase with commands) prints the wall-clock time it ran at (read back
 * from the build's log with GetLogEvents); builds run one at a time, each after a random 0–500 ms
 * pause (see randomPause); the figure is that time minus the time just before the StartBuild
 * request was signed and sent. The build record's phase timestamps split it up (QUEUED = waiting
 * for a worker to claim the job; PROVISIONING + DOWNLOAD_SOURCE; INSTALL start → command). Per
 * executor (`local`, `container`) on PGlite; `--postgres` adds the same rows on a PostgreSQL server.
 * Floors: spawning `sh -c 'date +%s%N'` from Node (local), and the Engine API calls of a container
 * build straight on the socket — create + start a busybox container and exec in it, and an exec
 * alone into a running one (container) — timed the same way.
 */
const POLL_MS = 25;
const WARMUP = 2;
const CONTAINER_FLOOR_RUNS = 10;

interface Sample {
  toCommand: number;
  response: number;
  queued: number;
  provisioning: number;
  installToCommand: number;
  commandToSeen: number;
  toSeen: number;
}

interface Floor {
  name: string;
  toCommand: number[];
  toExit: number[];
}

/** Runs `cmd args` once: ms from just before spawn to the stamp it printed, and to its exit. */
async function timeStamped(cmd: string, args: readonly string[]): Promise<{ toCommand: number; toExit: number }> {
  const now = wallClock();
  const t0 = now();
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((ok) => child.once('close', ok));
  const toExit = now() - t0;
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`);
  const stamp = parseStamp(out.split('\n'));
  return { toCommand: stamp === undefined ? Number.NaN : stamp - t0, toExit };
}

async function floor(name: string, n: number, cmd: string, args: readonly string[]): Promise<Floor> {
  const f: Floor = { name, toCommand: [], toExit: [] };
  await timeStamped(cmd, args); // warm the page cache
  for (let i = 0; i < n; i++) {
    const r = await timeStamped(cmd, args);
    f.toCommand.push(r.toCommand);
    f.toExit.push(r.toExit);
  }
  progress(`floor ${name}: p50 ${round(summarize(f.toCommand).p50)} ms to the command, ${round(summarize(f.toExit).p50)} ms to exit`);
  return f;
}

/** Times `op` (which returns the stamp its command printed) n times after one warm-up. */
async function apiFloor(name: string, n: number, op: () => Promise<{ stamp: number | undefined; t0: number; toExit: number }>): Promise<Floor> {
  const f: Floor = { name, toCommand: [], toExit: [] };
  await op();
  for (let i = 0; i < n; i++) {
    const r = await op();
    if (r.stamp === undefined) throw new Error(`${name}: no timestamp in the output`);
    f.toCommand.push(r.stamp - r.t0);
    f.toExit.push(r.toExit);
  }
  progress(`floor ${name}: p50 ${round(summarize(f.toCommand).p50)} ms to the command, ${round(summarize(f.toExit).p50)} ms to exit`);
  return f;
}

/**
 * The container executor's floor, straight on the engine socket: create + start a busybox container
 * as PROVISIONING does (host network, two bind mounts, init) and exec `adjtimex` in it; and the
 * exec alone into a running container.
 */
async function containerFloors(n: number): Promise<Floor[]> {
  const api = new EngineApi(DOCKER_HOST);
  const binds = await buildLikeBinds();
  const stampOf = (raw: Buffer): number | undefined => parseStamp(demuxLines(raw));
  const run = await apiFloor('Engine API: create + start busybox, exec `adjtimex`', n, async () => {
    const now = wallClock();
    const t0 = now();
    return withIdleContainer(api, BUSYBOX, async (id) => {
      const r = await api.exec(id, [stampCommand('container')]);
      return { stamp: stampOf(r.output), t0, toExit: now() - t0 };
    }, binds);
  });
  const exec = await withIdleContainer(api, BUSYBOX, (id) =>
    apiFloor('Engine API: exec `adjtimex` in a running busybox container', n, async () => {
      const now = wallClock();
      const t0 = now();
      const r = await api.exec(id, [stampCommand('container')]);
      return { stamp: stampOf(r.output), t0, toExit: now() - t0 };
    }),
    binds,
  );
  return [run, exec];
}

async function measure(storage: Storage, executor: Executor, n: number): Promise<Sample[]> {
  return withServer(storage, executor, [], async (_s, api) => {
    const project = `start-${executor}`;
    await api.createProject(project, buildspecYaml('install', [stampCommand(executor)]));
    const samples: Sample[] = [];
    for (let i = 0; i < WARMUP + n; i++) {
      await randomPause();
      const now = wallClock();
      const t0 = now();
      const started = await api.startBuild(project);
      const response = now() - t0;
      const { builds, seenAt } = await api.waitForBuilds([started.id], now, POLL_MS, 120_000);
      const b = builds.get(started.id);
      if (!b || b.buildStatus !== 'SUCCEEDED') throw new Error(`build ${started.id} ended ${b?.buildStatus ?? '?'}`);
      const stamp = await api.stampOf(b);
      const seen = seenAt.get(b.id) ?? Number.NaN;
      const queued = phaseSpan(b, 'QUEUED');
      const install = phaseSpan(b, 'INSTALL');
      if (i >= WARMUP) {
        samples.push({
          toCommand: stamp - t0,
          response,
          queued: queued.end - queued.start,
          provisioning: install.start - queued.end,
          installToCommand: stamp - install.start,
          commandToSeen: seen - stamp,
          toSeen: seen - t0,
        });
      }
      if ((i + 1) % 10 === 0) progress(`${storage} ${executor}: ${i + 1}/${WARMUP + n} builds`);
    }
    return samples;
  });
}

async function main(): Promise<void> {
  const n = numberFlag('builds', 50);
  const withPostgres = switchFlag('postgres');
  const m = await machine();
  const containerSkip = containerUnavailable();
  const engine = containerSkip ? undefined : new Engine(DOCKER_HOST);
  const other = watchOtherWork(m, engine && { name: "podman's service, conmon and containers", cpuMs: () => engine.cpuMs() });
  const report = new Report('codebuild-start');

  const pgSkip = withPostgres ? await postgresUnavailable() : undefined;
  if (containerSkip) progress(`container rows skipped: ${containerSkip}`);
  const lingering = containerSkip ? undefined : lingeringWarning();
  if (lingering) progress(`warning: ${lingering}`);
  if (pgSkip) progress(`PostgreSQL rows skipped: ${pgSkip}`);

  const floors: Floor[] = [await floor("node spawn `sh -c 'date +%s%N'`", n, 'sh', ['-c', 'date +%s%N'])];
  if (!containerSkip) {
    const k = Math.min(n, CONTAINER_FLOOR_RUNS);
    floors.push(...(await containerFloors(k)));
  }

  const scenarios: { storage: Storage; executor: Executor; samples: Sample[] }[] = [];
  for (const executor of ['local', 'container'] as const) {
    if (executor === 'container' && containerSkip) continue;
    for (const storage of ['PGlite', 'PostgreSQL'] as const) {
      if (storage === 'PostgreSQL' && (!withPostgres || pgSkip)) continue;
      scenarios.push({ storage, executor, samples: await measure(storage, executor, n) });
    }
  }

  const floorOf = (e: Executor): number => summarize((e === 'local' ? floors[0] : floors[1])?.toCommand ?? []).p50;
  const s = (xs: number[]): ReturnType<typeof summarize> => summarize(xs);
  report.table({
    title: `StartBuild → first user command running (${n} sequential builds each, after ${WARMUP} warm-up builds)`,
    columns: ['executor', 'storage', 'builds', 'p50 ms', 'p95 ms', 'min ms', 'max ms', 'floor p50 ms', 'p50 / floor'],
    rows: scenarios.map((x) => {
      const t = s(x.samples.map((y) => y.toCommand));
      return [x.executor, x.storage, t.n, round(t.p50, 0), round(t.p95, 0), round(t.min, 0), round(t.max, 0), round(floorOf(x.executor), 1), round(t.p50 / floorOf(x.executor), 1)];
    }),
    notes: [
      'each StartBuild after a random 0–500 ms pause, so it arrives at a random phase of the build worker\'s 250 ms poll',
      'floor: local = node spawn of `sh -c \'date +%s%N\'`; container = create + start a busybox container (host network, 2 bind mounts, init — as nagare creates it) and exec `adjtimex`, through the Engine API',
      ...(containerSkip ? [`container rows skipped: ${containerSkip}`] : []),
      ...(pgSkip ? [`PostgreSQL rows skipped: ${pgSkip}`] : []),
      ...(lingering ? [`warning: ${lingering}`] : []),
    ],
  });
  const p50 = (x: { samples: Sample[] }, k: keyof Sample): Cell => round(s(x.samples.map((y) => y[k])).p50, 0);
  report.table({
    title: 'where the time goes (p50 of each step, ms; steps from the build record\'s phase timestamps)',
    columns: ['executor', 'storage', 'StartBuild response', 'QUEUED (until a worker claims)', 'PROVISIONING + DOWNLOAD_SOURCE', 'INSTALL start → command ran', 'command → SUCCEEDED seen', 'StartBuild → SUCCEEDED seen'],
    rows: scenarios.map((x) => [x.executor, x.storage, p50(x, 'response'), p50(x, 'queued'), p50(x, 'provisioning'), p50(x, 'installToCommand'), p50(x, 'commandToSeen'), p50(x, 'toSeen')]),
    notes: [`SUCCEEDED is seen by polling BatchGetBuilds every ${POLL_MS} ms; the QUEUED p95s are ${scenarios.map((x) => `${x.executor}/${x.storage} ${round(s(x.samples.map((y) => y.queued)).p95, 0)}`).join(', ')} ms`],
  });
  report.table({
    title: 'physical floors (same clock: just before spawn → the command printed its time; → process exit)',
    columns: ['floor', 'runs', 'to command p50 ms', 'to command p95 ms', 'to exit p50 ms', 'to exit p95 ms'],
    rows: floors.map((f) => [f.name, f.toCommand.length, round(s(f.toCommand).p50, 1), round(s(f.toCommand).p95, 1), round(s(f.toExit).p50, 1), round(s(f.toExit).p95, 1)]),
  });
  const all = (xs: number[]): Record<string, number> => {
    const t = s(xs);
    return { n: t.n, min: round(t.min), p50: round(t.p50), p95: round(t.p95), max: round(t.max) };
  };
  report.json({
    builds: n,
    scenarios: scenarios.map((x) => ({
      executor: x.executor,
      storage: x.storage,
      toCommandMs: all(x.samples.map((y) => y.toCommand)),
      responseMs: all(x.samples.map((y) => y.response)),
      queuedMs: all(x.samples.map((y) => y.queued)),
      provisioningMs: all(x.samples.map((y) => y.provisioning)),
      installToCommandMs: all(x.samples.map((y) => y.installToCommand)),
      toSucceededSeenMs: all(x.samples.map((y) => y.toSeen)),
    })),
    floors: floors.map((f) => ({ name: f.name, toCommandMs: all(f.toCommand), toExitMs: all(f.toExit) })),
    ...(containerSkip ? { containerSkipped: containerSkip } : {}),
    ...(lingering ? { lingeringWarning: lingering } : {}),
    ...(pgSkip ? { postgresSkipped: pgSkip } : {}),
  });
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
}

runMain(main);
