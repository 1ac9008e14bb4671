import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, removeTempDir, trackChild } from './lib/cleanup.js';
import { wallClock } from './lib/codebuild.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain } from './lib/main.js';
import {
  codeCommitSource,
  commitFiles,
  DEPLOY_BUCKET,
  git,
  gitEnv,
  initWorkTree,
  pipelineOf,
  s3Deploy,
  sleep,
  withCredentials,
  withPipelineServer,
  type PipelineApi,
} from './lib/pipeline.js';
import { progress, Report } from './lib/report.js';
import { round, summarize } from './lib/stats.js';

/**
 * `git push` → pipeline execution started. A V1 pipeline whose CodeCommit source follows `main`
 * of a hosted repository (PollForSourceChanges false: the EventBridge route, triggerType
 * CloudWatchEvent) → S3 deploy. Each round commits one changed file, then pushes it three times:
 * to a local bare repository on the same disk (floor: git's own work, no HTTP), to a second hosted
 * repository no pipeline watches (git over nagare's smart HTTP, no trigger), and to the watched
 * one (measured). For the watched push: the execution's startTime (from ListPipelineExecutions;
 * the server stamps it with Date, i.e. CLOCK_REALTIME, the clock the client anchors on) minus the
 * client's clock just before spawning `git push`; and the moment ListPipelineExecutions (polled
 * every 10 ms once `git push` exited — polling during the push would take server CPU from it, and
 * the trigger runs inside the push's receive-pack request anyway) first lists the new execution.
 * Rounds run one after another, each once the previous execution was seen and had finished (so
 * the two reference pushes do not share the server with its source and deploy work). The request
 * log gives the server's time for the push's two requests, and its 'git push' → 'push started
 * pipeline' lines the trigger's share.
 */
const POLL_MS = 10;
const WARMUP = 3;
const PIPELINE = 'push-bench';
const REPO = 'push-bench';
const UNWATCHED = 'push-bench-unwatched';

interface Round {
  commit: string;
  executionId: string;
  floorPush: number;
  unwatchedPush: number;
  push: number;
  toStartTime: number;
  toSeen: number;
  /** ListPipelineExecutions polls that did not list it yet. */
  pollsBefore: number;
}

/** ms from spawn to exit of `git args` in `cwd`. */
function timedGit(cwd: string, home: string, clock: () => number, args: readonly string[]): { t0: number; done: Promise<number> } {
  const t0 = clock();
  const child = spawn('git', args, { cwd, env: gitEnv(home), stdio: ['ignore', 'ignore', 'pipe'] });
  trackChild(child);
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<number>((ok, fail) =>
    child.once('close', (code) => (code === 0 ? ok(clock() - t0) : fail(new Error(`git ${args.join(' ')} exited ${code}: ${err}`)))),
  );
  return { t0, done };
}

/**
 * Polls ListPipelineExecutions until an execution not in `known` shows (its sourceRevisions only
 * appear once its source action ran, so the id is what identifies it); returns when, its id and
 * startTime, and the polls that missed it.
 */
async function watchForNew(api: PipelineApi, known: Set<string>, clock: () => number, timeoutMs: number): Promise<{ id: string; seenAt: number; startTime: number; misses: number }> {
  const deadline = performance.now() + timeoutMs;
  let misses = 0;
  for (;;) {
    const { summaries } = await api.listExecutions(PIPELINE, 5);
    const t = clock();
    const hit = summaries.find((s) => !known.has(s.pipelineExecutionId));
    if (hit) {
      known.add(hit.pipelineExecutionId);
      return { id: hit.pipelineExecutionId, seenAt: t, startTime: hit.startTime * 1000, misses };
    }
    misses++;
    if (performance.now() > deadline) throw new Error(`no new execution after ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

interface LogSplit {
  /** 'git push' line (receive-pack done, refs compared) → 'push started pipeline' line (execution committed), watched pushes. */
  gitPushToStarted: number[];
  /** Server time of the two HTTP requests of a push (request log `ms`), per repository. */
  advertise: Record<string, number[]>;
  receivePack: Record<string, number[]>;
}

/**
 * Reads the server log. A push is two requests on the git route: GET info/refs (the ref
 * advertisement) and POST git-receive-pack, whose handler logs 'git push' (with the repository)
 * before the trigger runs and its own request line when it ends.
 */
async function logSplit(logFile: string): Promise<LogSplit> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  const split: LogSplit = { gitPushToStarted: [], advertise: {}, receivePack: {} };
  let lastPush: { repo: string; time: number } | undefined;
  let lastGet: number | undefined;
  let startedAt: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let v: { msg?: string; time?: number; repository?: string; service?: string; method?: string; ms?: number };
    try {
      v = JSON.parse(line) as typeof v;
    } catch {
      continue;
    }
    if (typeof v.time !== 'number') continue;
    if (v.msg === 'git push' && v.repository) lastPush = { repo: v.repository, time: v.time };
    else if (v.msg === 'push started pipeline' && lastPush?.repo === REPO) startedAt = v.time;
    else if (v.msg === 'request' && v.service === 'nagare' && typeof v.ms === 'number') {
      if (v.method === 'GET') lastGet = v.ms;
      else if (v.method === 'POST' && lastPush) {
        (split.receivePack[lastPush.repo] ??= []).push(v.ms);
        if (lastGet !== undefined) (split.advertise[lastPush.repo] ??= []).push(lastGet);
        if (startedAt !== undefined) split.gitPushToStarted.push(startedAt - lastPush.time);
        lastPush = undefined;
        lastGet = undefined;
        startedAt = undefined;
      }
    }
  }
  return split;
}

async function measure(n: number): Promise<{ rounds: Round[]; split: LogSplit; createToFirstMs: number; statuses: Record<string, number> }> {
  return withPipelineServer([], async (_s, api, dataDir) => {
    const home = await makeTempDir('git-home');
    try {
      const url = await api.createRepository(REPO);
      const unwatchedUrl = await api.createRepository(UNWATCHED);
      const work = join(home, 'work');
      const bare = join(home, 'floor.git');
      await git(home, home, 'init', '-q', '--bare', bare);
      await initWorkTree(work, home, withCredentials(url), { 'README.md': 'push bench\n' });
      await git(work, home, 'remote', 'add', 'unwatched', withCredentials(unwatchedUrl));
      await git(work, home, 'remote', 'add', 'floor', bare);
      for (const remote of ['origin', 'unwatched', 'floor']) await git(work, home, 'push', '-q', remote, 'HEAD:refs/heads/main');

      const t = performance.now();
      await api.createPipeline(pipelineOf(PIPELINE, [codeCommitSource(REPO, 'main'), s3Deploy(DEPLOY_BUCKET, 'SourceOut', false, 'push-bench.zip')]));
      const [first] = (await api.listExecutions(PIPELINE, 5)).summaries;
      if (!first) throw new Error('CreatePipeline started no execution');
      const done = await api.waitForExecution(PIPELINE, first.pipelineExecutionId, () => performance.now(), 25, 60_000);
      if (done.execution.status !== 'Succeeded') throw new Error(`the CreatePipeline execution ended ${done.execution.status}: ${done.execution.statusSummary ?? ''}`);
      const createToFirstMs = done.seenAt - t;
      let statuses: Record<string, number> = {};

      const rounds: Round[] = [];
      const known = new Set([first.pipelineExecutionId]);
      for (let i = 0; i < WARMUP + n; i++) {
        const commit = await commitFiles(work, home, { 'counter.txt': `${i}\n` }, `round ${i}`);
        const clock = wallClock();
        const floorPush = await timedGit(work, home, clock, ['push', '-q', 'floor', 'HEAD:refs/heads/main']).done;
        const unwatchedPush = await timedGit(work, home, clock, ['push', '-q', 'unwatched', 'HEAD:refs/heads/main']).done;
        // No polling while the push runs (every poll costs the server CPU the push needs): git push
        // returns only once the trigger has committed the execution, so the first poll after it finds it.
        const push = timedGit(work, home, clock, ['push', '-q', 'origin', 'HEAD:refs/heads/main']);
        const pushMs = await push.done;
        const seen = await watchForNew(api, known, clock, 30_000);
        // The next round's reference pushes must not share the server with this execution's work.
        await api.waitForExecution(PIPELINE, seen.id, () => 0, 25, 60_000);
        if (i >= WARMUP) {
          rounds.push({ commit, executionId: seen.id, floorPush, unwatchedPush, push: pushMs, toStartTime: seen.startTime - push.t0, toSeen: seen.seenAt - push.t0, pollsBefore: seen.misses });
        }
        if ((i + 1) % 10 === 0) progress(`${i + 1}/${WARMUP + n} pushes`);
      }
      // Every execution was started by a push (not a poll or a stray start), and each built its own commit.
      const all = await api.allExecutions(PIPELINE);
      const byPush = all.filter((e) => e.trigger?.triggerType === 'CloudWatchEvent').length;
      if (byPush !== WARMUP + n) progress(`warning: ${byPush} executions triggered by CloudWatchEvent, expected ${WARMUP + n}`);
      const byId = new Map(all.map((e) => [e.pipelineExecutionId, e]));
      const wrong = rounds.filter((r) => byId.get(r.executionId)?.sourceRevisions?.some((x) => x.revisionId !== r.commit)).length;
      if (wrong > 0) progress(`warning: ${wrong} executions ran another commit than the one whose push started them`);
      statuses = countBy(rounds.map((r) => byId.get(r.executionId)?.status ?? '?'));
      await sleep(500); // let the async log destination flush
      const split = await logSplit(join(dataDir, 'nagare.log'));
      // The set-up pushes (before the pipeline existed) and the warm-up rounds are not figures.
      split.gitPushToStarted = split.gitPushToStarted.slice(-n);
      for (const k of Object.keys(split.receivePack)) split.receivePack[k] = (split.receivePack[k] ?? []).slice(-n);
      for (const k of Object.keys(split.advertise)) split.advertise[k] = (split.advertise[k] ?? []).slice(-n);
      return { rounds, split, createToFirstMs, statuses };
    } finally {
      await removeTempDir(home);
    }
  });
}

function countBy(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

async function main(): Promise<void> {
  const n = numberFlag('pushes', 50);
  const m = await machine();
  const other = watchOtherWork(m);
  const report = new Report('codepipeline-push');
  const { rounds, split, createToFirstMs, statuses } = await measure(n);
  const s = (k: keyof Round): ReturnType<typeof summarize> => summarize(rounds.map((r) => r[k] as number));
  const row = (name: string, x: ReturnType<typeof summarize>, floor: number): (string | number)[] => [
    name,
    x.n,
    round(x.p50, 0),
    round(x.p95, 0),
    round(x.min, 0),
    round(x.max, 0),
    round(x.p50 / floor, 1),
  ];
  const floor = s('floorPush').p50;
  report.table({
    title: `git push → pipeline execution started (${n} sequential pushes of one new commit each, after ${WARMUP} warm-up pushes)`,
    columns: ['measure (from just before spawning `git push`)', 'n', 'p50 ms', 'p95 ms', 'min ms', 'max ms', 'p50 / local push'],
    rows: [
      row('execution startTime (server clock)', s('toStartTime'), floor),
      row('execution listed by ListPipelineExecutions (polled once `git push` exited)', s('toSeen'), floor),
      row('`git push` to the watched repository, exit', s('push'), floor),
      row('`git push` to an unwatched hosted repository, exit', s('unwatchedPush'), floor),
      row('`git push` to a local bare repository, exit (floor)', s('floorPush'), floor),
    ],
    notes: [
      `the first ListPipelineExecutions after \`git push\` exited already listed the new execution in ${rounds.filter((r) => r.pollsBefore === 0).length}/${rounds.length} rounds (the trigger runs inside the receive-pack request)`,
      `final status of the measured executions: ${Object.entries(statuses).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `CreatePipeline → its first execution Succeeded (Source → S3 deploy), seen: ${round(createToFirstMs, 0)} ms`,
      'clocks: the client anchors on Date.now() (CLOCK_REALTIME) and advances by process.hrtime; the server stamps startTime with Date (same machine, same clock)',
    ],
  });
  const ls = (xs: readonly number[] | undefined): ReturnType<typeof summarize> => summarize(xs ?? []);
  const srv = (repo: string, label: string): (string | number)[] => {
    const g = ls(split.advertise[repo]);
    const r = ls(split.receivePack[repo]);
    return [label, r.n, round(g.p50, 0), round(r.p50, 0), round(r.p95, 0)];
  };
  report.table({
    title: 'the push as the server saw it (request log, ms)',
    columns: ['repository', 'pushes', 'GET info/refs p50', 'POST git-receive-pack p50', 'POST p95'],
    rows: [srv(REPO, 'watched (the trigger runs inside the POST)'), srv(UNWATCHED, 'unwatched')],
    notes: [
      `inside the watched POST, 'git push' line (receive-pack done, refs compared) → 'push started pipeline' line (execution committed): p50 ${round(ls(split.gitPushToStarted).p50, 0)} ms, p95 ${round(ls(split.gitPushToStarted).p95, 0)} ms (n ${split.gitPushToStarted.length})`,
    ],
  });
  const j = (k: keyof Round): Record<string, number> => {
    const x = s(k);
    return { n: x.n, p50: round(x.p50), p95: round(x.p95), min: round(x.min), max: round(x.max) };
  };
  report.json({
    pushes: n,
    toStartTimeMs: j('toStartTime'),
    toSeenMs: j('toSeen'),
    gitPushWatchedMs: j('push'),
    gitPushUnwatchedMs: j('unwatchedPush'),
    gitPushLocalMs: j('floorPush'),
    statuses,
    serverGitPushToStartedMs: { p50: round(ls(split.gitPushToStarted).p50), p95: round(ls(split.gitPushToStarted).p95) },
    serverReceivePackMs: { watched: round(ls(split.receivePack[REPO]).p50), unwatched: round(ls(split.receivePack[UNWATCHED]).p50) },
    serverAdvertiseMs: { watched: round(ls(split.advertise[REPO]).p50), unwatched: round(ls(split.advertise[UNWATCHED]).p50) },
  });
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
}

runMain(main);
