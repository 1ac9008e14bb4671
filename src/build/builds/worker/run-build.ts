/**
 * Runs one claimed build on this host (DESIGN.md §1 "workers"): fetch its sources into a fresh
 * workspace, pick the buildspec, run the local executor with CodeBuild's environment, stream its
 * log to CloudWatch Logs, persist phases as they change, upload artifacts, and complete the row.
 * Every outcome is recorded on the build — a failing command, a broken source, a bug in here
 * (FAULT) — so the job itself succeeds; only a database that cannot be written makes it throw.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errorMessage } from '../../../shared/index.js';
import { collectReports } from '../../reports/index.js';
import { formatAgentLine, runContainerBuild, runLocalBuild, type BuildspecSource, type LocalBuildInput, type LocalBuildResult } from '../../executor/index.js';
import { completeBuild } from '../complete-build.js';
import { storeReports } from '../reports/store-reports.js';
import { BUILD_CONTAINER_LABEL, type CodeBuildDeps } from '../deps.js';
import { closeOpen, endedPhases, interruptedPhases, sourceFailedPhases } from '../lifecycle.js';
import { buildspecSource } from '../sources/buildspec-source.js';
import { fetchSources, type FetchedSources } from '../sources/fetch-sources.js';
import { hostedGitAuth } from '../sources/git-auth.js';
import { SourceError } from '../sources/types.js';
import type { Build, BuildArtifacts, BuildOutcome, BuildPhase } from '../types.js';
import { buildLogAppender } from './append-log.js';
import { baseEnvironment, containerBaseEnvironment, maskedValues, systemEnvironment, toolEnvironment } from './build-environment.js';
import { contextLine, lostContext } from './interrupted.js';
import { LogSink } from './log-sink.js';
import { mergePhases } from './merge-phases.js';
import { ProgressWriter } from './progress.js';
import { publishArtifacts } from './publish-artifacts.js';
import { secretResolvers } from './secret-resolvers.js';
import type { StopWatch } from './stop-watch.js';
import { createWorkspace, removeWorkspace, type Workspace } from './workspace.js';

export async function runBuild(deps: CodeBuildDeps, build: Build, watch: StopWatch): Promise<void> {
  const logger = deps.logger.child({ buildId: build.id });
  const log = new LogSink(buildLogAppender(deps, build.scope, build), deps.clock, logger);
  const progress = new ProgressWriter(deps.db, build.scope, build.id, logger);
  const agent = (...messages: string[]): void => void log.push(messages.map((m) => formatAgentLine(deps.clock.now(), m)));
  const fetchStart = deps.clock.now();
  const prefix = closeOpen(build.phases, 'SUCCEEDED', fetchStart);
  let current = mergePhases(prefix, fetchStart, undefined);
  progress.update(current);
  let ws: Workspace | undefined;
  const finish = async (buildStatus: Build['buildStatus'], phases: BuildPhase[], outcome: BuildOutcome = build.outcome): Promise<void> => {
    await progress.idle();
    // The build ends when COMPLETED begins (spec A.10: `endTime` = COMPLETED's `startTime`).
    const endTime = phases[phases.length - 1]?.startTime ?? deps.clock.now();
    await deps.db.transaction((tx) => completeBuild(tx, deps.queue, build, { buildStatus, endTime, phases, outcome }));
  };
  try {
    agent('Running on CodeBuild On-demand');
    ws = await createWorkspace(deps.dataDir, build.uuid);
    const objects = { db: deps.db, blobs: deps.blobs, clock: deps.clock, logger };
    let fetched: FetchedSources;
    let buildspec: BuildspecSource;
    try {
      const dirs = { primary: ws.src, secondaryRoot: ws.sources, tmp: ws.tmp };
      fetched = await fetchSources(objects, build.settings, dirs, toolEnvironment(deps, ws), watch.signal, hostedGitAuth(deps, build.settings.endpoint));
      buildspec = await buildspecSource(objects, build.settings.source.buildspec, ws.inlineBuildspec);
    } catch (err) {
      if (watch.signal.aborted) return await finish(...interruptedEnd(watch, current.phases, deps.clock.now(), agent));
      if (!(err instanceof SourceError)) throw err;
      agent('Waiting for agent ping', 'Waiting for DOWNLOAD_SOURCE', 'Phase is DOWNLOAD_SOURCE', `CODEBUILD_SRC_DIR=${ws.src}`);
      agent('Phase complete: DOWNLOAD_SOURCE State: FAILED', `Phase context status code: CLIENT_ERROR Message: ${err.message}`);
      return await finish('FAILED', sourceFailedPhases(current.phases, deps.clock.now(), { statusCode: 'CLIENT_ERROR', message: err.message }));
    }
    if ('inline' in buildspec) await materialise(ws.inlineBuildspec, buildspec.inline);
    const produced: { artifacts?: BuildArtifacts; secondaryArtifacts: BuildArtifacts[] } = { secondaryArtifacts: [] };
    const reportArns: string[] = [];
    const input: LocalBuildInput = {
      buildspec,
      srcDir: ws.src,
      scratchDir: ws.scratch,
      baseEnv: deps.container ? containerBaseEnvironment(deps, build) : baseEnvironment(deps, build, ws.home),
      systemEnv: systemEnvironment(build, ws, fetched),
      projectEnv: build.settings.environment.environmentVariables ?? [],
      resolvers: secretResolvers({ db: deps.db, clock: deps.clock, cipher: deps.cipher, logger }, build.scope),
      maskValues: maskedValues(deps),
      timeoutMinutes: deps.clock.scaledDelayMs(build.settings.timeoutInMinutes * 60_000) / 60_000,
      signal: watch.signal,
      clock: deps.clock,
      onLog: (lines) => log.push(lines),
      onProgress: (state) => {
        current = mergePhases(prefix, fetchStart, state);
        progress.update(current);
      },
      hooks: {
        publishArtifacts: (ctx) => publishArtifacts({ deps: objects, build, tmpDir: ws!.tmp, allowedRoots: [ws!.sources], produced }, ctx),
        collectReports: async (ctx) => {
          const log = (line: string): void => ctx.log(line);
          const collected = await collectReports(ctx.reports, ctx.srcDir, { allowedRoots: [ws!.sources], onLog: log });
          reportArns.push(...(await storeReports(deps, build, collected, log)));
        },
      },
      ...(deps.killGraceMs !== undefined ? { killGraceMs: deps.killGraceMs } : {}),
    };
    const result = deps.container ? await runInContainer(deps, build, ws, input) : await runLocalBuild(input);
    const phases = mergePhases(prefix, fetchStart, result).phases;
    const outcome = { ...outcomeOf(result, produced, fetched), ...(reportArns.length > 0 ? { reportArns } : {}) };
    if (watch.lostReason !== undefined && !watch.stopRequested) {
      const context = lostContext(watch.lostReason);
      agent(contextLine(context));
      return await finish('FAILED', interruptedPhases(phases, context), outcome);
    }
    await finish(result.buildStatus, phases, outcome);
  } catch (err) {
    // A bug or a broken host (disk full, …): the build records a FAULT instead of hanging.
    logger.error({ err: errorMessage(err) }, 'build worker fault');
    agent(`Phase context status code: INTERNAL_ERROR Message: ${errorMessage(err)}`);
    await finish('FAULT', endedPhases(current.phases, 'FAULT', deps.clock.now(), { statusCode: 'INTERNAL_ERROR', message: errorMessage(err) }));
  } finally {
    await progress.idle();
    await log.flush();
    if (ws) await removeWorkspace(ws).catch((err: unknown) => logger.warn({ err: errorMessage(err) }, 'removing build workspace failed'));
  }
}

/**
 * The container executor: the project's `environment.image`, with the workspace's source directories
 * mounted at their host paths (so `$CODEBUILD_SRC_DIR[_<id>]` and artifact paths mean the same on
 * both sides) and the host's network, so the build's `aws` reaches this server's loopback endpoint.
 */
function runInContainer(deps: CodeBuildDeps, build: Build, ws: Workspace, input: LocalBuildInput): Promise<LocalBuildResult> {
  const engine = deps.container!;
  const env = build.settings.environment;
  return runContainerBuild({
    ...input,
    runtime: engine.runtime,
    image: env.image,
    containerSrcDir: ws.src,
    binds: [`${ws.sources}:${ws.sources}`],
    networkMode: 'host',
    labels: { [BUILD_CONTAINER_LABEL]: build.uuid },
    ...(engine.defaultImage ? { defaultImage: engine.defaultImage } : {}),
    ...(env.privilegedMode === true ? { privilegedMode: true, engineSocketPath: engine.socketPath } : {}),
  });
}

/** Interrupted before the executor started: StopBuild → STOPPED; a lost worker → FAILED with the reason (also logged). */
function interruptedEnd(watch: StopWatch, phases: BuildPhase[], at: Date, agent: (line: string) => void): [Build['buildStatus'], BuildPhase[]] {
  if (watch.stopRequested) return ['STOPPED', endedPhases(phases, 'STOPPED', at)];
  const context = lostContext(watch.lostReason ?? 'lease');
  agent(contextLine(context));
  return ['FAILED', endedPhases(phases, 'FAILED', at, context)];
}

function outcomeOf(result: LocalBuildResult, produced: { artifacts?: BuildArtifacts; secondaryArtifacts: BuildArtifacts[] }, fetched: FetchedSources): BuildOutcome {
  const resolved = fetched.primary.resolvedSourceVersion;
  return {
    // NO_ARTIFACTS (or nothing uploaded) shows an empty location, as AWS does (`[CLI-EX:codebuild/retry-build]`).
    artifacts: produced.artifacts ?? { location: '' },
    secondaryArtifacts: produced.secondaryArtifacts,
    ...(result.exportedEnvironmentVariables ? { exportedEnvironmentVariables: result.exportedEnvironmentVariables } : {}),
    ...(resolved !== undefined ? { resolvedSourceVersion: resolved } : {}),
  };
}

/** An inline buildspec also exists as a file, where the log says it is (spec A.1). */
async function materialise(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text, { mode: 0o600 });
}
