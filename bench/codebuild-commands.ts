import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, removeTempDir, trackChild } from './lib/cleanup.js';
import { buildspecYaml, BUSYBOX, containerUnavailable, DOCKER_HOST, phaseSpan, randomPause, wallClock, withServer, type Executor, type Storage } from './lib/codebuild.js';
import { buildLikeBinds, Engine, EngineApi, lingeringWarning, withIdleContainer } from './lib/engine.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain, switchFlag } from './lib/main.js';
import { postgresUnavailable } from './lib/postgres.js';
import { readMemory } from './lib/proc.js';
import { progress, Report, type Cell } from './lib/report.js';
import { round, summarize } from './lib/stats.js';
import { timeProcess } from './lib/time-process.js';

/**
 * A 200-command buildspec (`echo 1` … `echo 200`, all in the `build` phase) through StartBuild on
 * `nagare up`, against the same 200 commands as separate `sh -c` processes in a bash loop — the
 * figure asked for — and against floors that isolate where a command's time goes:
 *   - a Node process spawning `sh <script>` 200 times, each script the carry-over wrapper CodeBuild's
 *     "same shell" needs (restore cwd and exported variables, run, snapshot them again: what nagare's
 *     local executor writes per command), once from a small Node process and once from one holding
 *     as much resident memory as the nagare server (fork copies the parent's page tables);
 *   - for the container executor, the Docker Engine API calls per command straight on the socket
 *     (exec create → start → inspect into a running busybox container).
 * Reported: wall time (StartBuild → SUCCEEDED seen; floors: the loop), the BUILD phase from the
 * build record's phase timestamps, per-command cost, and the ratio to the bash loop.
 */
const POLL_MS = 50;
/** Execs timed for the engine API floor (then scaled to the command count). */
const API_EXECS = 50;
const SPAWN_LOOP = fileURLToPath(new URL('./lib/spawn-loop-main.js', import.meta.url));

interface Row {
  name: string;
  /** Wall ms per run. */
  runs: number[];
  /** BUILD phase ms per run (nagare rows only). */
  buildPhase?: number[];
  note?: string;
}

function commandsOf(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `echo ${i + 1}`);
}

/** The script nagare's local executor writes per 0.2 command (src/build/executor/local/shell-script.ts carryOverScript). */
function carryOverScript(command: string, dir: string): string {
  const env = join(dir, 'env.sh');
  const cwd = join(dir, 'dir.txt');
  return [`cd -- "$(cat '${cwd}')"`, 'set -a', `. '${env}'`, 'CODEBUILD_BUILD_SUCCEEDING=1', 'export CODEBUILD_BUILD_SUCCEEDING', command, 'CODEBUILD_LAST_EXIT=$?', `export -p > '${env}'`, `pwd > '${cwd}'`, 'exit $CODEBUILD_LAST_EXIT', ''].join('\n');
}

async function repeat(label: string, runs: number, fn: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  progress(`${label}: p50 ${round(summarize(out).p50, 0)} ms`);
  return out;
}

/** 200 (n) `sh <carry-over script>` spawns from a Node process holding `mib` MiB more; ms per run and its RSS. */
function spawnLoop(mib: number, runs: number, scripts: readonly string[]): Promise<{ rssMiB: number; ms: number[] }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [SPAWN_LOOP, String(Math.max(0, Math.round(mib))), String(runs), ...scripts], { stdio: ['ignore', 'pipe', 'pipe'] });
    trackChild(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('close', (code) => {
      if (code !== 0) return fail(new Error(`spawn loop exited ${code}: ${err}`));
      ok(JSON.parse(out) as { rssMiB: number; ms: number[] });
    });
  });
}

/** `n` commands through StartBuild, `runs` times after a 1-command warm-up build; also the server's VmRSS before. */
async function serverRow(storage: Storage, executor: Executor, n: number, runs: number): Promise<Row & { serverRssMiB: number }> {
  return withServer(storage, executor, [], async (s, api) => {
    await api.createProject('warm', buildspecYaml('build', commandsOf(1)));
    await api.createProject('commands', buildspecYaml('build', commandsOf(n)));
    const warm = await api.startBuild('warm');
    await api.waitForBuilds([warm.id], wallClock(), POLL_MS, 120_000);
    const serverRssMiB = readMemory(s.pid)?.rssMiB ?? Number.NaN;
    const row = { name: `nagare up, StartBuild, ${executor} executor, ${storage}`, runs: [] as number[], buildPhase: [] as number[], serverRssMiB };
    for (let i = 0; i < runs; i++) {
      await randomPause();
      const now = wallClock();
      const t0 = now();
      const started = await api.startBuild('commands');
      const { builds, seenAt } = await api.waitForBuilds([started.id], now, POLL_MS, 300_000);
      const b = builds.get(started.id);
      if (!b || b.buildStatus !== 'SUCCEEDED') throw new Error(`build ${started.id} ended ${b?.buildStatus ?? '?'}`);
      const build = phaseSpan(b, 'BUILD');
      row.runs.push((seenAt.get(b.id) ?? Number.NaN) - t0);
      row.buildPhase.push(build.end - build.start);
    }
    progress(`${row.name}: wall p50 ${round(summarize(row.runs).p50, 0)} ms, BUILD phase p50 ${round(summarize(row.buildPhase).p50, 0)} ms (server VmRSS ${round(serverRssMiB, 0)} MiB)`);
    return row;
  });
}

async function main(): Promise<void> {
  const n = numberFlag('commands', 200);
  const runs = numberFlag('runs', 3);
  const containerRuns = numberFlag('container-runs', 1);
  const withPostgres = switchFlag('postgres');
  const m = await machine();
  const containerSkip = containerUnavailable();
  const engine = containerSkip ? undefined : new Engine(DOCKER_HOST);
  const other = watchOtherWork(m, engine && { name: "podman's service, conmon and containers", cpuMs: () => engine.cpuMs() });
  const report = new Report('codebuild-commands');
  const pgSkip = withPostgres ? await postgresUnavailable() : undefined;
  if (containerSkip) progress(`container rows skipped: ${containerSkip}`);
  const lingering = containerSkip ? undefined : lingeringWarning();
  if (lingering) progress(`warning: ${lingering}`);
  if (pgSkip) progress(`PostgreSQL row skipped: ${pgSkip}`);
  const tmp = await makeTempDir('commands');
  const rows: Row[] = [];
  try {
    const bash = await repeat('bash loop', runs, () => timeProcess('bash', ['-c', `for i in $(seq ${n}); do sh -c "echo $i"; done`]));
    rows.push({ name: `bash loop: ${n} × \`sh -c "echo $i"\``, runs: bash });

    const local = await serverRow('PGlite', 'local', n, runs);
    rows.push(local);
    if (withPostgres && !pgSkip) rows.push(await serverRow('PostgreSQL', 'local', n, runs));

    // The local executor's work without the server: Node spawning the carry-over scripts.
    await writeFile(join(tmp, 'dir.txt'), `${tmp}\n`);
    await timeProcess('sh', ['-c', `export -p > '${join(tmp, 'env.sh')}'`]);
    const scripts: string[] = [];
    for (const [i, c] of commandsOf(n).entries()) {
      const p = join(tmp, `s${i + 1}.sh`);
      await writeFile(p, carryOverScript(c, tmp));
      scripts.push(p);
    }
    const small = await spawnLoop(0, runs, scripts);
    progress(`node (${round(small.rssMiB, 0)} MiB) spawning ${n} carry-over scripts: p50 ${round(summarize(small.ms).p50, 0)} ms`);
    rows.push({ name: `Node (${round(small.rssMiB, 0)} MiB resident) spawning ${n} × \`sh <carry-over script>\``, runs: small.ms });
    const big = await spawnLoop(local.serverRssMiB - small.rssMiB, runs, scripts);
    progress(`node (${round(big.rssMiB, 0)} MiB) spawning ${n} carry-over scripts: p50 ${round(summarize(big.ms).p50, 0)} ms`);
    rows.push({ name: `Node (${round(big.rssMiB, 0)} MiB resident, as the server) spawning ${n} × \`sh <carry-over script>\``, runs: big.ms });

    if (!containerSkip) {
      const k = Math.min(n, API_EXECS);
      const api = new EngineApi(DOCKER_HOST);
      const binds = await buildLikeBinds();
      const perExec = await withIdleContainer(api, BUSYBOX, async (id) => {
        await api.exec(id, ['sh', '-c', 'echo 0']); // warm
        const ms: number[] = [];
        for (let i = 1; i <= k; i++) {
          const t = performance.now();
          const r = await api.exec(id, ['sh', '-c', `echo ${i}`]);
          ms.push(performance.now() - t);
          if (r.exitCode !== 0) throw new Error(`exec exited ${r.exitCode ?? '?'}`);
        }
        return ms;
      }, binds);
      const sum = perExec.reduce((a, b) => a + b, 0);
      progress(`engine API exec: p50 ${round(summarize(perExec).p50, 1)} ms per exec`);
      rows.push({ name: `Engine API, ${n} × exec \`sh -c "echo $i"\` in a running busybox container`, runs: [(sum * n) / k], note: `${k} execs timed (p50 ${round(summarize(perExec).p50, 1)} ms each), the sum scaled to ${n}` });
      rows.push(await serverRow('PGlite', 'container', n, containerRuns));
    }

    const loop = summarize(bash).p50;
    const p50 = (xs: readonly number[] | undefined): number => summarize(xs ?? []).p50;
    report.table({
      title: `${n} buildspec commands (\`echo N\`) vs the same commands as processes (p50 of the runs)`,
      columns: ['how', 'runs', 'wall ms', 'BUILD phase ms', 'per command ms', 'wall / bash loop', 'BUILD phase / bash loop'],
      rows: rows.map((r): Cell[] => {
        const own = r.buildPhase ? p50(r.buildPhase) : p50(r.runs);
        return [r.name, r.runs.length, round(p50(r.runs), 0), r.buildPhase ? round(p50(r.buildPhase), 0) : undefined, round(own / n, 1), round(p50(r.runs) / loop, 1), r.buildPhase ? round(own / loop, 1) : undefined];
      }),
      notes: [
        `nagare rows: wall from just before StartBuild to SUCCEEDED seen (BatchGetBuilds every ${POLL_MS} ms), after a 1-command warm-up build; BUILD phase from the build record's phase timestamps; per command = BUILD phase / ${n}`,
        'other rows: the loop from spawn to exit; per command = wall / ' + String(n),
        ...rows.filter((r) => r.note).map((r) => `${r.name}: ${r.note ?? ''}`),
        ...(containerSkip ? [`container rows skipped: ${containerSkip}`] : []),
        ...(pgSkip ? [`PostgreSQL row skipped: ${pgSkip}`] : []),
        ...(lingering ? [`warning: ${lingering}`] : []),
      ],
    });
    report.json({
      commands: n,
      runs,
      containerRuns,
      rows: rows.map((r) => ({
        name: r.name,
        wallMsP50: round(p50(r.runs)),
        ...(r.buildPhase ? { buildPhaseMsP50: round(p50(r.buildPhase)) } : {}),
        wallMs: r.runs.map((x) => round(x)),
        wallOverBashLoop: round(p50(r.runs) / loop, 2),
      })),
      ...(containerSkip ? { containerSkipped: containerSkip } : {}),
      ...(lingering ? { lingeringWarning: lingering } : {}),
      ...(pgSkip ? { postgresSkipped: pgSkip } : {}),
    });
  } finally {
    await removeTempDir(tmp);
  }
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
}

runMain(main);
