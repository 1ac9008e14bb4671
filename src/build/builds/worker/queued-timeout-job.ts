/**
 * The `codebuild.queued-timeout` timer (spec A.10, B.4 `queuedTimeoutInMinutes`, divided by the time
 * scale): due when the build has waited too long for a worker. A build still QUEUED ends
 * TIMED_OUT and its build job is cancelled; otherwise there is nothing to do.
 */
import type { JobHandler } from '../../../engine/index.js';
import { findBuild, findJobId } from '../build-repo.js';
import { completeBuild } from '../complete-build.js';
import type { CodeBuildDeps } from '../deps.js';
import type { BuildJobPayload } from '../job-kinds.js';
import { endedPhases, openPhaseType } from '../lifecycle.js';

export function queuedTimeoutHandler(deps: Pick<CodeBuildDeps, 'db' | 'clock' | 'queue'>): JobHandler {
  return async (job) => {
    const p = job.payload as BuildJobPayload;
    const scope = { accountId: p.accountId, region: p.region };
    const timedOut = await deps.db.transaction(async (tx) => {
      const build = await findBuild(tx, scope, p.buildId, true);
      if (!build || build.buildComplete || openPhaseType(build.phases) !== 'QUEUED') return false;
      const now = deps.clock.now();
      await completeBuild(tx, deps.queue, build, { buildStatus: 'TIMED_OUT', endTime: now, phases: endedPhases(build.phases, 'TIMED_OUT', now), outcome: build.outcome });
      const jobId = await findJobId(tx, scope, build.id);
      if (jobId !== undefined) await deps.queue.cancel(tx, jobId);
      return true;
    });
    return { buildId: p.buildId, timedOut };
  };
}
