import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from './lib/cleanup.js';
import { phaseSpan, randomPause, wallClock, type BuildInfo } from './lib/codebuild.js';
import { createConnection, DEFAULT_HISTORY, generateHistory, type HistoryFacts } from './lib/git-history.js';
import { ChildWatch, type ChildSeen } from './lib/child-watch.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain, switchFlag } from './lib/main.js';
import {
  codeCommitSource,
  commitFiles,
  cpuWithChildrenMs,
  git,
  gitEnv,
  pipelineOf,
  sleep,
  withCredentials,
  withPipelineServer,
  type ActionDeclaration,
  type PipelineApi,
} from './lib/pipeline.js';
import { progress, Report, type Cell } from './lib/report.js';
import { round, summarize, type Summary } from './lib/stats.js';
import { timeProcess } from './lib/time-process.js';

/**
 * Git sources beyond a one-file repository, against the git commands they come down to.
 *   node dist/bench/codepipeline-git-sources.js [--executions 10] [--probe-runs 3 | --no-probe]
 *     [--pushes 20] [--poll-interval 1] [--commits 300] [--part a|b]
 *
 * A. A hosted repository with a realistic history (lib/git-history.ts: 300 commits, ≈ 200 files,
 *    ≈ 5 MB packed, 6 tags), pushed once. Two pipelines on it, Source (CodeCommit) → Build
 *    (CodeBuild, no output artifact): `OutputArtifactFormat` CODE_ZIP with the buildspec `true`,
 *    and CODEBUILD_CLONE_REF with `git rev-parse HEAD`. After the CreatePipeline executions and
 *    2 warm-ups each, N rounds (--executions); each round runs one execution of each (random
 *    order, each after a random 0–500 ms pause, polled with GetPipelineExecution every 25 ms) and
 *    then the physical limits, on the host, spawned from this (small) process: `git archive
 *    --format=zip` of the commit from the server's own bare repository (what the CODE_ZIP source
 *    runs), `unzip -q` of that zip (what the CODE_ZIP build's DOWNLOAD_SOURCE does, in Node), a
 *    plain `git clone` of the cloneUrlHttp with test:test in the URL (what the CLONE_REF build's
 *    DOWNLOAD_SOURCE does), the same clone without HTTP (`--no-local` from the server's bare
 *    repository: git's own packing), and the four git commands nagare's clone recipe runs (clone
 *    --no-checkout, checkout -B, branch --set-upstream-to, rev-parse) over HTTP. Per execution:
 *    the Source action's startTime → lastUpdateTime (ListActionExecutions), the build's
 *    DOWNLOAD_SOURCE phase and every other phase (BatchGetBuilds), the execution's startTime →
 *    lastUpdateTime. A probe (--probe-runs more executions per format, not in those figures)
 *    lists the server's child processes during the Source action and DOWNLOAD_SOURCE
 *    (lib/child-watch.ts), which splits each step into time in git children and the server's own.
 *
 * B. A second server started with `--git-remotes 'acme/*=<dir>/{repo}.git' --poll-interval S`
 *    and a CodeStarSourceConnection source on acme/app — a local bare copy of the same repository
 *    — → Build (`true`). N rounds (--pushes, after 2 warm-ups): commit one file in a clone, wait a
 *    random 0–S s (so the push lands at a random phase of the poll), plain `git push` to the bare
 *    repository, then ListPipelineExecutions every 25 ms until the new execution is listed; the
 *    next round starts once it finished. Figures from `git push`'s exit (client clock; the
 *    execution's startTime is on the server's clock, the same machine's CLOCK_REALTIME), and from
 *    the moment the branch moved (a reference-transaction hook in the bare repository stamps it),
 *    split by the server's `git ls-remote` children (scanned every 2 ms during the round) into the
 *    wait for the poll and the poll's own work. Limit: one `git ls-remote --heads` of the bare
 *    repository (what each poll runs), spawned from this process, once per round.
 *
 * Each server's CPU (its process and reaped children) over 10 idle seconds at the end gives the
 * price of polling.
 */
const POLL_MS = 25;
const WARMUP = 2;
const REPO = 'gitsrc';
const PIPE_ZIP = 'gitsrc-zip';
const PIPE_CLONE = 'gitsrc-clone';
const PIPE_REMOTE = 'gitsrc-remote';
const PROJECT_TRUE = 'gitsrc-true';
const PROJECT_REV = 'gitsrc-rev';
const IDLE_MS = 10_000;
const PHASES = ['QUEUED', 'PROVISIONING', 'DOWNLOAD_SOURCE', 'INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD', 'UPLOAD_ARTIFACTS', 'FINALIZING'] as const;

type Format = 'CODE_ZIP' | 'CODEBUILD_CLONE_REF';

function buildspec(command: string): string {
  return ['version: 0.2', 'phases:', '  build:', '    commands:', `      - ${JSON.stringify(command)}`, ''].join('\n');
}

function source(format: Format): ActionDeclaration {
  const a = codeCommitSource(REPO, 'main');
  return { ...a, configuration: { ...a.configuration, OutputArtifactFormat: format } };
}

/** CodeBuild on the source artifact, no output artifact (the buildspec has no artifacts section). */
function buildAction(project: string): ActionDeclaration {
  return {
    name: 'Build',
    actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
    configuration: { ProjectName: project },
    inputArtifacts: [{ name: 'SourceOut' }],
  };
}

function connectionSource(connectionArn: string): ActionDeclaration {
  return {
    name: 'Source',
    actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
    configuration: { ConnectionArn: connectionArn, FullRepositoryId: 'acme/app', BranchName: 'main', OutputArtifactFormat: 'CODE_ZIP' },
    outputArtifacts: [{ name: 'SourceOut' }],
  };
}

type Build = BuildInfo & { resolvedSourceVersion?: string };

interface ExecSample {
  wall: number;
  client: number;
  source: number;
  download: number;
  build: number;
  buildAction: number;
  phases: Record<string, number>;
  resolved?: string;
  /** Epoch ms windows of the Source action and the build's DOWNLOAD_SOURCE phase. */
  windows: { source: [number, number]; download: [number, number] };
}

/** Starts an execution (or follows `existing`, e.g. the CreatePipeline one), polls GetPipelineExecution until it ends, reads its timings. */
async function runExecution(api: PipelineApi, pipeline: string, existing?: string): Promise<ExecSample> {
  const clock = wallClock();
  const t0 = clock();
  const id = existing ?? (await api.startExecution(pipeline));
  const { execution, seenAt } = await api.waitForExecution(pipeline, id, clock, POLL_MS, 300_000);
  if (execution.status !== 'Succeeded') throw new Error(`${pipeline} execution ${id} ended ${execution.status}: ${execution.statusSummary ?? ''}`);
  const summary = (await api.listExecutions(pipeline, 5)).summaries.find((x) => x.pipelineExecutionId === id);
  if (!summary) throw new Error(`execution ${id} not in ListPipelineExecutions`);
  const actions = await api.actionExecutions(pipeline, id);
  const src = actions.find((a) => a.actionName === 'Source');
  const bld = actions.find((a) => a.actionName === 'Build');
  const buildId = bld?.output?.executionResult?.externalExecutionId;
  if (!src || !bld || !buildId) throw new Error(`${pipeline} execution ${id}: missing Source/Build action executions`);
  const [b] = (await api.getBuilds([buildId])) as Build[];
  if (!b || b.endTime === undefined) throw new Error(`build ${buildId} has no endTime`);
  const phases: Record<string, number> = {};
  for (const p of b.phases ?? []) if (p.startTime !== undefined && p.endTime !== undefined) phases[p.phaseType] = (p.endTime - p.startTime) * 1000;
  return {
    wall: (summary.lastUpdateTime - summary.startTime) * 1000,
    client: seenAt - t0,
    source: (src.lastUpdateTime - src.startTime) * 1000,
    download: phases.DOWNLOAD_SOURCE ?? Number.NaN,
    build: (b.endTime - b.startTime) * 1000,
    buildAction: (bld.lastUpdateTime - bld.startTime) * 1000,
    phases,
    ...(b.resolvedSourceVersion ? { resolved: b.resolvedSourceVersion } : {}),
    windows: { source: [src.startTime * 1000, src.lastUpdateTime * 1000], download: [phaseSpan(b, 'DOWNLOAD_SOURCE').start, phaseSpan(b, 'DOWNLOAD_SOURCE').end] },
  };
}

async function waitForCreation(api: PipelineApi, pipeline: string): Promise<ExecSample> {
  const [first] = (await api.listExecutions(pipeline, 5)).summaries;
  if (!first) throw new Error(`CreatePipeline started no execution of ${pipeline}`);
  return runExecution(api, pipeline, first.pipelineExecutionId);
}

interface LimitSample {
  archive: number;
  unzip: number;
  httpClone: number;
  localClone: number;
  recipe: number;
}

async function limits(home: string, serverGitDir: string, url: string, commit: string, scratch: string): Promise<{ sample: LimitSample; zipBytes: number }> {
  const env = gitEnv(home);
  const zip = join(scratch, 'source.zip');
  const dir = (name: string): string => join(scratch, name);
  await rm(zip, { force: true });
  const archive = await timeProcess('git', [`--git-dir=${serverGitDir}`, 'archive', '--format=zip', `--output=${zip}`, commit], env);
  const zipBytes = (await stat(zip)).size;
  const unzip = await timeProcess('unzip', ['-q', '-o', zip, '-d', dir('unzipped')]);
  const httpClone = await timeProcess('git', ['clone', '-q', '--', url, dir('http-clone')], env);
  const localClone = await timeProcess('git', ['clone', '-q', '--no-local', '--', serverGitDir, dir('local-clone')], env);
  const r0 = performance.now();
  const g = (args: string[], cwd?: string): Promise<number> => timeProcess('git', [...(cwd ? ['-C', cwd] : []), '-c', 'advice.detachedHead=false', ...args], env);
  await g(['clone', '--quiet', '--no-checkout', '--', url, dir('recipe')]);
  await g(['checkout', '--quiet', '-B', 'main', commit], dir('recipe'));
  await g(['branch', '--quiet', '--set-upstream-to=origin/main'], dir('recipe'));
  await g(['rev-parse', 'HEAD'], dir('recipe'));
  const recipe = performance.now() - r0;
  for (const d of ['unzipped', 'http-clone', 'local-clone', 'recipe']) await rm(dir(d), { recursive: true, force: true });
  return { sample: { archive, unzip, httpClone, localClone, recipe }, zipBytes };
}

/** Server CPU (process + reaped children) per second over IDLE_MS with nothing to do. */
async function idleCpu(pid: number): Promise<number> {
  const c0 = cpuWithChildrenMs(pid);
  const t0 = performance.now();
  await sleep(IDLE_MS);
  return ((cpuWithChildrenMs(pid) - c0) * 1000) / (performance.now() - t0);
}

/** What the server's child processes did inside one window of a probe execution. */
interface WindowProbe {
  window: number;
  children: number;
  /** Time covered by at least one child (appeared → reaped). */
  inChildren: number;
  commands: string[];
  lifetimes: number[];
}

interface Probe {
  format: Format;
  source: WindowProbe;
  download: WindowProbe;
}

/** `git archive`, `git clone`, `sh`…: the program and, for git, its subcommand. */
function commandName(cmdline: string): string {
  if (cmdline === '') return '(exited before a scan read its command)';
  const t = cmdline.split(' ');
  const prog = (t[0] ?? '?').split('/').pop() ?? '?';
  if (prog !== 'git') return prog;
  for (let i = 1; i < t.length; i++) {
    const x = t[i] ?? '';
    if (x === '-c' || x === '-C') i++;
    else if (!x.startsWith('-')) return `git ${x}`;
  }
  return 'git';
}

function windowProbe(children: readonly ChildSeen[], [from, to]: [number, number]): WindowProbe {
  const inside = children.filter((c) => c.firstSeen >= from && c.firstSeen <= to);
  let covered = 0;
  let end = -Infinity;
  for (const c of inside) {
    const a = Math.max(c.firstSeen, end);
    if (c.lastSeen > a) covered += c.lastSeen - a;
    end = Math.max(end, c.lastSeen);
  }
  return { window: to - from, children: inside.length, inChildren: covered, commands: inside.map((c) => commandName(c.cmdline)), lifetimes: inside.map((c) => c.lastSeen - c.firstSeen) };
}

interface PartA {
  probes: Probe[];
  samples: Record<Format, ExecSample[]>;
  limits: LimitSample[];
  zipBytes: number;
  initialPushMs: number;
  creation: Record<Format, ExecSample>;
  wrongRevision: number;
  idleCpuMsPerS: number;
}

async function partA(n: number, probeRuns: number, history: HistoryFacts, home: string): Promise<PartA> {
  return withPipelineServer([], async (server, api, dataDir) => {
    const created = await api.call<{ repositoryMetadata: { cloneUrlHttp: string; repositoryId: string } }>('codecommit', 'CreateRepository', { repositoryName: REPO });
    const url = withCredentials(created.repositoryMetadata.cloneUrlHttp);
    const serverGitDir = join(dataDir, 'git', `${created.repositoryMetadata.repositoryId}.git`);
    const initialPushMs = await timeProcess('git', ['-C', history.gitDir, 'push', '-q', url, 'refs/heads/main:refs/heads/main', 'refs/tags/*:refs/tags/*'], gitEnv(home));
    await stat(join(serverGitDir, 'HEAD'));
    progress(`pushed ${history.commits} commits in ${round(initialPushMs, 0)} ms`);
    await api.createPipelineProject(PROJECT_TRUE, buildspec('true'));
    await api.createPipelineProject(PROJECT_REV, buildspec('git rev-parse HEAD'));
    await api.createPipeline(pipelineOf(PIPE_ZIP, [source('CODE_ZIP'), buildAction(PROJECT_TRUE)]));
    await api.createPipeline(pipelineOf(PIPE_CLONE, [source('CODEBUILD_CLONE_REF'), buildAction(PROJECT_REV)]));
    const creation = { CODE_ZIP: await waitForCreation(api, PIPE_ZIP), CODEBUILD_CLONE_REF: await waitForCreation(api, PIPE_CLONE) };
    const pipes: Record<Format, string> = { CODE_ZIP: PIPE_ZIP, CODEBUILD_CLONE_REF: PIPE_CLONE };
    const samples: Record<Format, ExecSample[]> = { CODE_ZIP: [], CODEBUILD_CLONE_REF: [] };
    const scratch = join(home, 'limits');
    await mkdir(scratch, { recursive: true });
    const lims: LimitSample[] = [];
    let zipBytes = Number.NaN;
    let wrongRevision = 0;
    for (let i = 0; i < WARMUP + n; i++) {
      const order: Format[] = Math.random() < 0.5 ? ['CODE_ZIP', 'CODEBUILD_CLONE_REF'] : ['CODEBUILD_CLONE_REF', 'CODE_ZIP'];
      for (const f of order) {
        await randomPause();
        const s = await runExecution(api, pipes[f]);
        if (f === 'CODEBUILD_CLONE_REF' && s.resolved !== history.head) wrongRevision++;
        if (i >= WARMUP) samples[f].push(s);
      }
      const l = await limits(home, serverGitDir, url, history.head, scratch);
      zipBytes = l.zipBytes;
      if (i >= WARMUP) lims.push(l.sample);
      progress(`A: ${i + 1}/${WARMUP + n} rounds`);
    }
    // Probe (not in the figures above): the server's child processes during more executions.
    const probes: Probe[] = [];
    const watch = ChildWatch.available(server.pid) ? new ChildWatch(server.pid) : undefined;
    for (let i = 0; watch && i < probeRuns; i++) {
      for (const f of ['CODE_ZIP', 'CODEBUILD_CLONE_REF'] as const) {
        await randomPause();
        watch.start(() => Date.now());
        const s = await runExecution(api, pipes[f]);
        const kids = watch.stop();
        probes.push({ format: f, source: windowProbe(kids, s.windows.source), download: windowProbe(kids, s.windows.download) });
      }
    }
    const idleCpuMsPerS = await idleCpu(server.pid);
    return { probes, samples, limits: lims, zipBytes, initialPushMs, creation, wrongRevision, idleCpuMsPerS };
  });
}

interface PollSample {
  push: number;
  toListed: number;
  toStartTime: number;
  /** From the moment the bare repository's ref moved (its reference-transaction hook) to the execution's startTime / listed. */
  refToStartTime: number;
  refToListed: number;
  /** `git push` exit − ref moved (what the push does after the update: report, gc --auto, exit). */
  refToPushExit: number;
  /** Ref moved → the server's `git ls-remote` child of the poll that found it appears (the wait for the poll). */
  refToPoll: number;
  /** That child's lifetime in the server: appeared (after the fork) → reaped. */
  serverLsRemote: number;
  /** ls-remote reaped → execution startTime (compare the mark, the start transaction). */
  lsToStart: number;
  misses: number;
}

interface PartB {
  samples: PollSample[];
  lsRemote: number[];
  sourceAction: number[];
  triggers: Record<string, number>;
  wrongRevision: number;
  idleCpuMsPerS: number;
  createToFirstMs: number;
}

/** ListPipelineExecutions every POLL_MS until an execution not in `known` is listed. */
async function watchForNew(api: PipelineApi, pipeline: string, known: Set<string>, clock: () => number, timeoutMs: number): Promise<{ id: string; seenAt: number; startTime: number; misses: number }> {
  const deadline = performance.now() + timeoutMs;
  let misses = 0;
  for (;;) {
    const { summaries } = await api.listExecutions(pipeline, 5);
    const t = clock();
    const hit = summaries.find((s) => !known.has(s.pipelineExecutionId));
    if (hit) {
      known.add(hit.pipelineExecutionId);
      return { id: hit.pipelineExecutionId, seenAt: t, startTime: hit.startTime * 1000, misses };
    }
    misses++;
    if (performance.now() > deadline) throw new Error(`no new execution of ${pipeline} after ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

async function partB(n: number, intervalS: number, history: HistoryFacts, home: string): Promise<PartB> {
  const remotes = join(home, 'remotes');
  await mkdir(remotes, { recursive: true });
  const bare = join(remotes, 'app.git');
  await git(home, home, 'clone', '-q', '--bare', history.gitDir, bare);
  const work = join(home, 'work-b');
  await git(home, home, 'clone', '-q', bare, work);
  // When the branch moved: a reference-transaction hook (git ≥ 2.28) stamps the committed update
  // with `date +%s%N` (the clock wallClock() reads). It only observes; the push stays a plain push.
  const stampFile = join(home, 'ref-moved');
  await writeFile(join(bare, 'hooks', 'reference-transaction'), `#!/bin/sh\nwhile read -r _ _ _; do :; done\n[ "$1" = committed ] || exit 0\ndate +%s%N > '${stampFile}'\n`, { mode: 0o755 });
  const intervalMs = intervalS * 1000;
  return withPipelineServer(['--git-remotes', `acme/*=${remotes}/{repo}.git`, '--poll-interval', String(intervalS)], async (server, api) => {
    const arn = await createConnection(api, 'acme');
    await api.createPipelineProject(PROJECT_TRUE, buildspec('true'));
    const t = performance.now();
    await api.createPipeline(pipelineOf(PIPE_REMOTE, [connectionSource(arn), buildAction(PROJECT_TRUE)]));
    const first = await waitForCreation(api, PIPE_REMOTE);
    const createToFirstMs = performance.now() - t;
    const known = new Set((await api.listExecutions(PIPE_REMOTE, 5)).summaries.map((s) => s.pipelineExecutionId));
    // The first poll after CreatePipeline only records the tip.
    await sleep(2 * intervalMs + 500);
    const samples: PollSample[] = [];
    const lsRemote: number[] = [];
    const sourceAction: number[] = [first.source];
    const commits = new Map<string, string>();
    const env = gitEnv(home);
    const watch = ChildWatch.available(server.pid) ? new ChildWatch(server.pid) : undefined;
    if (!watch) progress('warning: /proc/<pid>/task/<pid>/children is missing: the poll\'s own steps are not measured');
    for (let i = 0; i < WARMUP + n; i++) {
      const ls = await timeProcess('git', ['ls-remote', '--heads', '--', bare, 'refs/heads/main'], { ...env, GIT_ALLOW_PROTOCOL: 'file:http:https:ssh:git' });
      const commit = await commitFiles(work, home, { 'counter.txt': `${i}\n` }, `poll round ${i}`);
      await sleep(Math.random() * intervalMs);
      const clock = wallClock();
      await rm(stampFile, { force: true });
      watch?.start(clock);
      const t0 = clock();
      await git(work, home, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
      const pushDone = clock();
      const moved = Number(BigInt((await readFile(stampFile, 'utf8')).trim()) / 1000n) / 1000;
      const seen = await watchForNew(api, PIPE_REMOTE, known, clock, 3 * intervalMs + 30_000);
      // The poll that found the push: its ls-remote is the last one the server spawned before the start.
      const tick = (watch?.stop() ?? []).filter((c) => c.cmdline.includes('ls-remote') && c.firstSeen <= seen.startTime).pop();
      commits.set(seen.id, commit);
      const done = await runExecution(api, PIPE_REMOTE, seen.id);
      if (i >= WARMUP) {
        samples.push({
          push: pushDone - t0,
          toListed: seen.seenAt - pushDone,
          toStartTime: seen.startTime - pushDone,
          refToStartTime: seen.startTime - moved,
          refToListed: seen.seenAt - moved,
          refToPushExit: pushDone - moved,
          refToPoll: tick ? tick.firstSeen - moved : Number.NaN,
          serverLsRemote: tick ? tick.lastSeen - tick.firstSeen : Number.NaN,
          lsToStart: tick ? seen.startTime - tick.lastSeen : Number.NaN,
          misses: seen.misses,
        });
        lsRemote.push(ls);
        sourceAction.push(done.source);
      }
      if ((i + 1) % 5 === 0) progress(`B: ${i + 1}/${WARMUP + n} pushes`);
    }
    const all = await api.allExecutions(PIPE_REMOTE);
    const triggers: Record<string, number> = {};
    for (const e of all) triggers[e.trigger?.triggerType ?? '?'] = (triggers[e.trigger?.triggerType ?? '?'] ?? 0) + 1;
    const wrongRevision = all.filter((e) => commits.has(e.pipelineExecutionId) && e.sourceRevisions?.some((r) => r.revisionId !== commits.get(e.pipelineExecutionId))).length;
    const idleCpuMsPerS = await idleCpu(server.pid);
    return { samples, lsRemote, sourceAction, triggers, wrongRevision, idleCpuMsPerS, createToFirstMs };
  });
}

const mb = (bytes: number): number => round(bytes / 1e6, 2);
const j = (x: Summary): Record<string, number> => ({ n: x.n, p50: round(x.p50), p95: round(x.p95), min: round(x.min), max: round(x.max), mean: round(x.mean) });

function reportA(report: Report, a: PartA, history: HistoryFacts, n: number): void {
  const ex = (f: Format, k: keyof Omit<ExecSample, 'phases' | 'resolved' | 'windows'>): Summary => summarize(a.samples[f].map((x) => x[k]));
  const lim = (k: keyof LimitSample): Summary => summarize(a.limits.map((x) => x[k]));
  const row = (name: string, x: Summary, limit?: number): Cell[] => [name, x.n, round(x.p50, 0), round(x.p95, 0), round(x.min, 0), round(x.max, 0), limit === undefined ? undefined : round(limit, 0), limit === undefined ? undefined : round(x.p50 / limit, 1)];
  const archive = lim('archive').p50;
  const unzip = lim('unzip').p50;
  const clone = lim('httpClone').p50;
  report.table({
    title: 'the repository (generated with git fast-import, pushed once over HTTP)',
    columns: ['measure', 'value'],
    rows: [
      ['commits / tags', `${history.commits} / ${history.tags}`],
      ['files at the tip', history.filesAtHead],
      ['tip tree, MB', mb(history.treeBytes)],
      ['pack (`git count-objects -v` size-pack), MB', mb(history.packBytes)],
      ['`git archive --format=zip` of the tip, MB', mb(a.zipBytes)],
      ['initial `git push` of the whole history to nagare, ms', round(a.initialPushMs, 0)],
    ],
  });
  report.table({
    title: `A. Source (CodeCommit) → Build, ${n} executions per format (after the CreatePipeline execution and ${WARMUP} warm-ups), against the git commands they come down to`,
    columns: ['step', 'n', 'p50 ms', 'p95 ms', 'min ms', 'max ms', 'limit p50 ms', 'p50 / limit'],
    rows: [
      row('CODE_ZIP: Source action (git archive, store the zip)', ex('CODE_ZIP', 'source'), archive),
      row('CODE_ZIP: build DOWNLOAD_SOURCE (fetch the zip, extract)', ex('CODE_ZIP', 'download'), unzip),
      row('CODE_ZIP: build startTime → endTime (`true`)', ex('CODE_ZIP', 'build')),
      row('CODE_ZIP: execution wall (startTime → lastUpdateTime)', ex('CODE_ZIP', 'wall'), archive + unzip),
      row('CLONE_REF: Source action (resolve the tip, store the reference)', ex('CODEBUILD_CLONE_REF', 'source')),
      row('CLONE_REF: build DOWNLOAD_SOURCE (full git clone over HTTP)', ex('CODEBUILD_CLONE_REF', 'download'), clone),
      row('CLONE_REF: build startTime → endTime (`git rev-parse HEAD`)', ex('CODEBUILD_CLONE_REF', 'build')),
      row('CLONE_REF: execution wall (startTime → lastUpdateTime)', ex('CODEBUILD_CLONE_REF', 'wall'), clone),
      row('limit: `git archive --format=zip` of the commit (host)', lim('archive'), archive),
      row('limit: `unzip -q` of that zip', lim('unzip'), unzip),
      row('limit: `git clone` of cloneUrlHttp (test:test in the URL)', lim('httpClone'), clone),
      row('reference: `git clone --no-local` of the server\'s bare repository (no HTTP)', lim('localClone'), clone),
      row('reference: nagare\'s 4 clone commands over HTTP, from this process', lim('recipe'), clone),
    ],
    notes: [
      'limits are spawned from the benchmark process (≈ 60 MiB), once per round after that round\'s two executions; execution-wall limits: CODE_ZIP archive + unzip, CLONE_REF the clone',
      `every CLONE_REF build resolved the pushed tip: ${a.wrongRevision === 0 ? 'yes' : `no, ${a.wrongRevision} did not`}`,
      `CreatePipeline executions (first run on a cold server): CODE_ZIP wall ${round(a.creation.CODE_ZIP.wall, 0)} ms, CLONE_REF wall ${round(a.creation.CODEBUILD_CLONE_REF.wall, 0)} ms (DOWNLOAD_SOURCE ${round(a.creation.CODEBUILD_CLONE_REF.download, 0)} ms)`,
    ],
  });
  const ph = (f: Format, p: string): Summary => summarize(a.samples[f].map((x) => x.phases[p] ?? Number.NaN).filter((v) => Number.isFinite(v)));
  report.table({
    title: 'A. where the execution goes (p50 ms)',
    columns: ['step', 'CODE_ZIP', 'CLONE_REF'],
    rows: [
      ['Source action', round(ex('CODE_ZIP', 'source').p50, 0), round(ex('CODEBUILD_CLONE_REF', 'source').p50, 0)],
      ['Build action (StartBuild … build done)', round(ex('CODE_ZIP', 'buildAction').p50, 0), round(ex('CODEBUILD_CLONE_REF', 'buildAction').p50, 0)],
      ...PHASES.map((p): Cell[] => [`  build phase ${p}`, round(ph('CODE_ZIP', p).p50, 0), round(ph('CODEBUILD_CLONE_REF', p).p50, 0)]),
      ['execution wall', round(ex('CODE_ZIP', 'wall').p50, 0), round(ex('CODEBUILD_CLONE_REF', 'wall').p50, 0)],
      [`client: StartPipelineExecution → Succeeded seen (polled every ${POLL_MS} ms)`, round(ex('CODE_ZIP', 'client').p50, 0), round(ex('CODEBUILD_CLONE_REF', 'client').p50, 0)],
    ],
  });

  if (a.probes.length > 0) {
    const rowsP: Cell[][] = [];
    for (const f of ['CODE_ZIP', 'CODEBUILD_CLONE_REF'] as const) {
      for (const w of ['source', 'download'] as const) {
        const ws = a.probes.filter((p) => p.format === f).map((p) => p[w]);
        const by = new Map<string, number[]>();
        for (const x of ws) x.commands.forEach((c, k) => by.set(c, [...(by.get(c) ?? []), x.lifetimes[k] ?? Number.NaN]));
        const cmds = [...by.entries()]
          .sort((x, y) => y[1].reduce((u, v) => u + v, 0) - x[1].reduce((u, v) => u + v, 0))
          .map(([c, l]) => `${c} ×${round(l.length / ws.length, 1)} (${round(summarize(l).p50, 0)} ms)`)
          .join(', ');
        const win = summarize(ws.map((x) => x.window));
        const kids = summarize(ws.map((x) => x.inChildren));
        const out = summarize(ws.map((x) => x.window - x.inChildren));
        rowsP.push([`${f === 'CODE_ZIP' ? 'CODE_ZIP' : 'CLONE_REF'}: ${w === 'source' ? 'Source action' : 'DOWNLOAD_SOURCE'}`, ws.length, round(win.p50, 0), round(kids.p50, 0), round(out.p50, 0), cmds || '—']);
      }
    }
    report.table({
      title: `A. probe: the server's child processes inside each step (${a.probes.length / 2} more executions per format, not in the figures above)`,
      columns: ['step', 'n', 'step p50 ms', 'in child processes p50 ms', 'outside them p50 ms', 'children per execution (p50 lifetime)'],
      rows: rowsP,
      notes: [
        'children of the server\'s main thread, scanned every 2 ms (/proc/<pid>/task/<pid>/children): a child counts from the scan that first lists it (after the fork\'s page-table copy) to the one that last lists it (reaped); "outside" is the server\'s own work in the step (queries, artifact store, zip extraction, the forks themselves)',
      ],
    });
  }
  report.json({
    executions: n,
    repository: { commits: history.commits, tags: history.tags, files: history.filesAtHead, treeBytes: history.treeBytes, packBytes: history.packBytes, zipBytes: a.zipBytes, initialPushMs: round(a.initialPushMs) },
    codeZip: { sourceMs: j(ex('CODE_ZIP', 'source')), downloadSourceMs: j(ex('CODE_ZIP', 'download')), buildMs: j(ex('CODE_ZIP', 'build')), wallMs: j(ex('CODE_ZIP', 'wall')) },
    cloneRef: { sourceMs: j(ex('CODEBUILD_CLONE_REF', 'source')), downloadSourceMs: j(ex('CODEBUILD_CLONE_REF', 'download')), buildMs: j(ex('CODEBUILD_CLONE_REF', 'build')), wallMs: j(ex('CODEBUILD_CLONE_REF', 'wall')) },
    limitsMs: { gitArchive: j(lim('archive')), unzip: j(lim('unzip')), gitCloneHttp: j(lim('httpClone')), gitCloneNoLocal: j(lim('localClone')), cloneRecipeHttp: j(lim('recipe')) },
    phasesP50Ms: Object.fromEntries((['CODE_ZIP', 'CODEBUILD_CLONE_REF'] as const).map((f) => [f, Object.fromEntries(PHASES.map((p) => [p, round(ph(f, p).p50)]))])),
  });
}

function reportB(report: Report, b: PartB, intervalS: number, pushes: number): void {
  const ps = (k: keyof PollSample): Summary => summarize(b.samples.map((x) => x[k]).filter((v) => Number.isFinite(v)));
  const T = intervalS * 1000;
  const ls = summarize(b.lsRemote);
  const listed = ps('toListed');
  const started = ps('toStartTime');
  const fromRef = ps('refToStartTime');
  const wait = ps('refToPoll');
  const work = summarize(b.samples.map((x) => x.serverLsRemote + x.lsToStart).filter((v) => Number.isFinite(v)));
  const rowB = (name: string, x: Summary): Cell[] => [name, x.n, round(x.p50, 0), round(x.p95, 0), round(x.min, 0), round(x.max, 0), round(x.mean, 0), round(x.p50 / T, 2), round(x.p50 / ls.p50, 1)];
  const s60 = (q: number): string => `${round((q * 60_000 + work.p50) / 1000, 1)} s`;
  report.table({
    title: `B. --git-remotes + --poll-interval ${intervalS}: plain \`git push\` to a local bare repository → execution started by polling (${pushes} pushes after ${WARMUP} warm-ups, each after a random 0–${intervalS} s pause)`,
    columns: ['measure', 'n', 'p50 ms', 'p95 ms', 'min ms', 'max ms', 'mean ms', 'p50 / interval', 'p50 / ls-remote'],
    rows: [
      rowB(`\`git push\` exit → execution listed by ListPipelineExecutions (polled every ${POLL_MS} ms)`, listed),
      rowB('`git push` exit → execution startTime (server clock)', started),
      rowB('ref moved (hook stamp) → execution startTime', fromRef),
      rowB('  ref moved → the poll\'s `git ls-remote` child appears (waiting for the poll)', wait),
      rowB('  that `git ls-remote` in the server (appeared → reaped)', ps('serverLsRemote')),
      rowB('  ls-remote reaped → execution startTime (compare the mark, start)', ps('lsToStart')),
      rowB('ref moved → `git push` exit', ps('refToPushExit')),
      rowB('`git push` to the bare repository (spawn → exit)', ps('push')),
      rowB('limit: one `git ls-remote --heads` of the repository, from this process', ls),
    ],
    notes: [
      `expected ≈ a uniform wait for the next poll (mean ${T / 2} ms, p95 ${0.95 * T} ms) + the poll's own work: measured wait mean ${round(wait.mean, 0)} ms, p95 ${round(wait.p95, 0)} ms; the poll's work once its ls-remote exists, p50 ${round(work.p50, 0)} ms (p95 ${round(work.p95, 0)} ms), against ${round(ls.p50, 0)} ms for an ls-remote from this process`,
      `the server's ls-remote children are seen by scanning /proc/<server>/task/<server>/children every 2 ms from the push until the execution is listed: "appeared" is after the fork, so the poll's few queries before it and the fork itself are in the wait row (${b.samples.filter((x) => !Number.isFinite(x.refToPoll)).length} rounds without a sighting)`,
      `with the default --poll-interval 60 only the wait scales: push → started p50 ≈ ${s60(0.5)}, p95 ≈ ${s60(0.95)}, worst ≈ ${s60(1)} (the poll's work stays ≈ ${round(work.p50, 0)} ms, and one poll per minute instead of per second)`,
      `Source action of these executions (fetch into the mirror + git archive): p50 ${round(summarize(b.sourceAction.slice(1)).p50, 0)} ms; the CreatePipeline execution's (first fetch of the whole history into a new mirror): ${round(b.sourceAction[0] ?? Number.NaN, 0)} ms`,
      `triggers of all executions: ${Object.entries(b.triggers).map(([k, v]) => `${k} ${v}`).join(', ')}; executions that ran another commit than the pushed one: ${b.wrongRevision}`,
    ],
  });
  report.json({
    pushes,
    pollIntervalS: intervalS,
    polling: {
      toListedMs: j(listed),
      toStartTimeMs: j(started),
      refToStartTimeMs: j(fromRef),
      refToPollMs: j(wait),
      serverLsRemoteMs: j(ps('serverLsRemote')),
      lsToStartMs: j(ps('lsToStart')),
      pollWorkMs: j(work),
      refToPushExitMs: j(ps('refToPushExit')),
      gitPushMs: j(ps('push')),
      lsRemoteMs: j(ls),
      triggers: b.triggers,
    },
  });
}

async function main(): Promise<void> {
  const n = numberFlag('executions', 10);
  const pushes = numberFlag('pushes', 20);
  const intervalS = numberFlag('poll-interval', 1);
  const commits = numberFlag('commits', DEFAULT_HISTORY.commits);
  const partFlag = process.argv.indexOf('--part');
  const part = partFlag >= 0 ? process.argv[partFlag + 1] : undefined;
  if (part !== undefined && part !== 'a' && part !== 'b') throw new Error(`--part a|b, not ${part}`);
  const m = await machine();
  const other = watchOtherWork(m);
  const report = new Report('codepipeline-git-sources');
  const home = await makeTempDir('git-sources');
  try {
    const genStart = performance.now();
    const history = await generateHistory(join(home, 'history.git'), home, home, { ...DEFAULT_HISTORY, commits });
    progress(`history: ${history.commits} commits, ${history.filesAtHead} files (${mb(history.treeBytes)} MB) at the tip, pack ${mb(history.packBytes)} MB, generated in ${round((performance.now() - genStart) / 1000, 1)} s`);
    const a = part === 'b' ? undefined : await partA(n, switchFlag('no-probe') ? 0 : numberFlag('probe-runs', 3), history, home);
    const b = part === 'a' ? undefined : await partB(pushes, intervalS, history, home);
    if (a) reportA(report, a, history, n);
    if (b) reportB(report, b, intervalS, pushes);
    report.table({
      title: `server CPU while idle (process + reaped children, ${IDLE_MS / 1000} s after the runs)`,
      columns: ['server', 'CPU ms per s'],
      rows: [
        ['A: no --git-remotes (no polling)', a ? round(a.idleCpuMsPerS, 1) : undefined],
        [`B: one watched remote, polled every ${intervalS} s`, b ? round(b.idleCpuMsPerS, 1) : undefined],
      ],
      notes: a && b ? [`difference ≈ ${round((b.idleCpuMsPerS - a.idleCpuMsPerS) * intervalS, 0)} ms of CPU per poll (one ls-remote, a few queries)`] : [],
    });
    report.json({ idleCpuMsPerS: { noPolling: a ? round(a.idleCpuMsPerS) : null, polling: b ? round(b.idleCpuMsPerS) : null } });
  } finally {
    await removeTempDir(home);
  }
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
}

runMain(main);
