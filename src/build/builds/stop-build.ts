/**
 * StopBuild (spec A.10, B.4). A queued build stops here and now (QUEUED STOPPED, then COMPLETED)
 * and its job is cancelled; a running one is flagged in the database and its worker kills the
 * process tree and ends the running phase STOPPED. The answer waits briefly for that, so the
 * returned build usually shows `buildStatus: STOPPED` as in `[CLI-EX:codebuild/stop-build]`.
 */
import { buildNotFound } from '../projects/errors.js';
import type { CodeBuildScope } from '../projects/types.js';
import { buildIdOf } from './build-id.js';
import { findBuild, findJobId, requestStop } from './build-repo.js';
import { completeBuild } from './complete-build.js';
import type { CodeBuildDeps } from './deps.js';
import { endedPhases, openPhaseType } from './lifecycle.js';
import type { RunningBuilds } from './running-builds.js';
import type { Build } from './types.js';

export interface StopBuildOptions {
  running?: RunningBuilds;
  /** How long to wait for a running build to settle before answering (default 10 s). */
  waitMs?: number;
}

export async function stopBuild(deps: Pick<CodeBuildDeps, 'db' | 'clock' | 'queue'>, scope: CodeBuildScope, idOrArn: string, opts: StopBuildOptions = {}): Promise<Build> {
  const id = buildIdOf(idOrArn);
  const stopped = await deps.db.transaction(async (tx) => {
    const build = await findBuild(tx, scope, id, true);
    if (!build) throw buildNotFound(idOrArn);
    if (build.buildComplete) return build;
    const now = deps.clock.now();
    await requestStop(tx, scope, id, now);
    if (openPhaseType(build.phases) !== 'QUEUED') return undefined;
    const phases = endedPhases(build.phases, 'STOPPED', now);
    await completeBuild(tx, deps.queue, build, { buildStatus: 'STOPPED', endTime: now, phases, outcome: build.outcome });
    const jobId = await findJobId(tx, scope, id);
    if (jobId !== undefined) await deps.queue.cancel(tx, jobId);
    return { ...build, buildStatus: 'STOPPED' as const, buildComplete: true, currentPhase: 'COMPLETED', endTime: now, phases, stopRequested: true };
  });
  if (stopped) return stopped;
  opts.running?.stop(id);
  return waitForCompletion(deps, scope, id, opts.waitMs ?? 10_000);
}

async function waitForCompletion(deps: Pick<CodeBuildDeps, 'db'>, scope: CodeBuildScope, id: string, waitMs: number): Promise<Build> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const build = await findBuild(deps.db, scope, id);
    if (!build) throw buildNotFound(id);
    if (build.buildComplete || Date.now() >= deadline) return build;
    await new Promise((r) => setTimeout(r, 100));
  }
}
