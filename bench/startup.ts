import { makeTempDir, removeTempDir } from './lib/cleanup.js';
import { dirSize } from './lib/dir-size.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain } from './lib/main.js';
import { NAGARE_BIN, startServer, type Server } from './lib/nagare.js';
import { createDatabase, postgresUnavailable, type TempDatabase } from './lib/postgres.js';
import { cpuMs, readMemory, type Memory } from './lib/proc.js';
import { progress, Report, type Cell } from './lib/report.js';
import { round, summarize } from './lib/stats.js';
import { timeProcess } from './lib/time-process.js';

/**
 * Startup: spawn `nagare up` → first 200 of /_nagare/health. PGlite on a first start (initdb, empty
 * snapshot cache), on a fresh data dir (cached empty cluster + migrations) and on an existing one
 * (reopen); and against a PostgreSQL server with a fresh database per run, then an existing one.
 * Floors for comparison: a bare `node -e 0` and `nagare version` (the same process loading its
 * whole module graph, no database).
 */
interface Run {
  startMs: number;
  stopMs: number;
  mem: Memory | undefined;
}

interface Scenario {
  name: string;
  startMs: number[];
  rssMiB: number[];
  hwmMiB: number[];
  stopMs: number[];
  note?: string;
}

const IDLE_MS = 10_000;

async function once(dataDir: string, databaseUrl?: string, cacheDir?: string): Promise<Run> {
  const s = await startServer({ dataDir, ...(databaseUrl ? { databaseUrl } : {}), ...(cacheDir ? { cacheDir } : {}) });
  const mem = readMemory(s.pid);
  const stopMs = await s.stop();
  return { startMs: s.startMs, stopMs, mem };
}

function scenario(name: string, runs: Run[] | number[], note?: string): Scenario {
  const rs = runs.map((r) => (typeof r === 'number' ? { startMs: r, stopMs: Number.NaN, mem: undefined } : r));
  return {
    name,
    startMs: rs.map((r) => r.startMs),
    rssMiB: rs.flatMap((r) => (r.mem ? [r.mem.rssMiB] : [])),
    hwmMiB: rs.flatMap((r) => (r.mem ? [r.mem.hwmMiB] : [])),
    stopMs: rs.flatMap((r) => (Number.isNaN(r.stopMs) ? [] : [r.stopMs])),
    ...(note === undefined ? {} : { note }),
  };
}

async function repeat<T>(label: string, n: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    out.push(await fn(i));
    progress(`${label}: ${i + 1}/${n}`);
  }
  return out;
}

async function main(): Promise<void> {
  const runs = numberFlag('runs', 10);
  const m = await machine();
  const other = watchOtherWork(m);
  const report = new Report('startup');
  const scenarios: Scenario[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  try {
    scenarios.push(scenario('node -e 0 (process floor)', await repeat('node -e 0', runs, () => timeProcess(process.execPath, ['-e', '0']))));
    scenarios.push(scenario('nagare version (module graph load)', await repeat('nagare version', runs, () => timeProcess(process.execPath, [NAGARE_BIN, 'version']))));

    // PGlite on a machine that never ran nagare: empty snapshot cache, so initdb runs (and the
    // snapshot is written). The last run's cache stays warm for the fresh-data-dir runs.
    let warmCache = '';
    const coldRuns = Math.ceil(runs / 2);
    const cold = await repeat('PGlite first start (initdb)', coldRuns, async (i) => {
      const [dir, cache] = [await makeTempDir('startup'), await makeTempDir('startup-cache')];
      const r = await once(dir, undefined, cache);
      await removeTempDir(dir);
      if (i === coldRuns - 1) warmCache = cache;
      else await removeTempDir(cache);
      return r;
    });
    cleanups.push(() => removeTempDir(warmCache));
    scenarios.push(scenario('PGlite, first start (initdb, empty cache)', cold));

    // PGlite, fresh data dir each run from the cached empty cluster; the last one is kept for reopen.
    let pgliteDir = '';
    let pgliteBytes = Number.NaN;
    const fresh = await repeat('PGlite fresh', runs, async (i) => {
      const dir = await makeTempDir('startup');
      const r = await once(dir, undefined, warmCache);
      if (i === runs - 1) {
        pgliteDir = dir;
        pgliteBytes = await dirSize(dir);
      } else await removeTempDir(dir);
      return r;
    });
    cleanups.push(() => removeTempDir(pgliteDir));
    scenarios.push(scenario('PGlite, fresh data dir (cached snapshot + migrate)', fresh));
    scenarios.push(scenario('PGlite, existing data dir (reopen)', await repeat('PGlite reopen', runs, () => once(pgliteDir))));

    const pgSkip = await postgresUnavailable();
    // The last fresh database (and its data dir) is kept for the reopen runs and the idle reading.
    const pg: { db?: TempDatabase; dir?: string } = {};
    cleanups.push(async () => {
      await pg.db?.drop();
      if (pg.dir) await removeTempDir(pg.dir);
    });
    if (pgSkip === undefined) {
      const pgFresh = await repeat('PostgreSQL fresh', runs, async (i) => {
        const db = await createDatabase();
        const dir = await makeTempDir('startup-pg');
        try {
          return await once(dir, db.url);
        } finally {
          if (i === runs - 1) Object.assign(pg, { db, dir });
          else {
            await db.drop();
            await removeTempDir(dir);
          }
        }
      });
      scenarios.push(scenario('PostgreSQL, fresh database (migrate)', pgFresh));
      const { db, dir } = pg;
      if (!db || !dir) throw new Error('no PostgreSQL database kept');
      scenarios.push(scenario('PostgreSQL, existing database', await repeat('PostgreSQL reopen', runs, () => once(dir, db.url))));
    } else {
      progress(`PostgreSQL skipped: ${pgSkip}`);
    }

    // Idle memory: both servers started, read right away and after 10 s of no traffic.
    progress(`idle memory: ${IDLE_MS / 1000} s`);
    const idleServers: { name: string; s: Server }[] = [{ name: 'PGlite', s: await startServer({ dataDir: pgliteDir }) }];
    if (pg.db && pg.dir) idleServers.push({ name: 'PostgreSQL', s: await startServer({ dataDir: pg.dir, databaseUrl: pg.db.url }) });
    const idle: { name: string; atStart?: Memory; after?: Memory; cpuPct: number }[] = [];
    try {
      const atStart = idleServers.map((x) => readMemory(x.s.pid));
      const cpu0 = idleServers.map((x) => cpuMs(x.s.pid));
      await new Promise((r) => setTimeout(r, IDLE_MS));
      idleServers.forEach((x, i) => {
        const a = atStart[i];
        const b = readMemory(x.s.pid);
        const cpuPct = ((cpuMs(x.s.pid) - (cpu0[i] ?? Number.NaN)) / IDLE_MS) * 100;
        idle.push({ name: x.name, ...(a ? { atStart: a } : {}), ...(b ? { after: b } : {}), cpuPct });
      });
    } finally {
      for (const x of idleServers) await x.s.stop();
    }

    const rows: Cell[][] = scenarios.map((s) => {
      const t = summarize(s.startMs);
      return [s.name, t.n, round(t.p50, 0), round(t.p95, 0), round(t.min, 0), round(summarize(s.rssMiB).p50, 0), round(summarize(s.hwmMiB).p50, 0), round(summarize(s.stopMs).p50, 0)];
    });
    report.table({
      title: 'startup: spawn → first 200 of /_nagare/health',
      columns: ['scenario', 'runs', 'p50 ms', 'p95 ms', 'min ms', 'RSS at ready MiB', 'VmHWM at ready MiB', 'SIGTERM→exit ms'],
      rows,
      notes: [
        `fresh PGlite data dir after first start: ${round(pgliteBytes / 2 ** 20, 1)} MiB on disk`,
        ...(pgSkip ? [`PostgreSQL rows skipped: ${pgSkip}`] : ['the PostgreSQL server\'s own CPU counts as "other work" in the machine line below']),
        `p95 of 10 or fewer runs is the slowest run (nearest rank); the first-start row uses ${Math.ceil(runs / 2)} of them to keep the suite short`,
      ],
    });
    report.table({
      title: `idle server (no requests): memory right after ready and after ${IDLE_MS / 1000} s, CPU meanwhile`,
      columns: ['storage', 'VmRSS at ready MiB', `VmRSS after ${IDLE_MS / 1000} s MiB`, `VmHWM after ${IDLE_MS / 1000} s MiB`, 'server CPU while idle %'],
      rows: idle.map((x) => [x.name, round(x.atStart?.rssMiB ?? Number.NaN, 0), round(x.after?.rssMiB ?? Number.NaN, 0), round(x.after?.hwmMiB ?? Number.NaN, 0), round(x.cpuPct, 1)]),
    });
    report.json({
      runs,
      scenarios: scenarios.map((s) => ({
        name: s.name,
        startMs: roundAll(summarize(s.startMs)),
        rssMiBp50: round(summarize(s.rssMiB).p50),
        hwmMiBp50: round(summarize(s.hwmMiB).p50),
        stopMsP50: round(summarize(s.stopMs).p50),
      })),
      freshPgliteDirMiB: round(pgliteBytes / 2 ** 20),
      idle: idle.map((x) => ({ storage: x.name, rssAtReadyMiB: round(x.atStart?.rssMiB ?? Number.NaN), rssAfterIdleMiB: round(x.after?.rssMiB ?? Number.NaN), hwmAfterIdleMiB: round(x.after?.hwmMiB ?? Number.NaN), idleCpuPct: round(x.cpuPct, 2), idleSeconds: IDLE_MS / 1000 })),
      ...(pgSkip ? { postgresSkipped: pgSkip } : {}),
    });
  } finally {
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => progress(`cleanup: ${String(e)}`));
  }
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
}

function roundAll(s: ReturnType<typeof summarize>): Record<string, number> {
  return { n: s.n, min: round(s.min), p50: round(s.p50), p95: round(s.p95), max: round(s.max) };
}

runMain(main);
