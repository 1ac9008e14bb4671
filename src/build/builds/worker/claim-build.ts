/**
 * What a worker does first with a build job, in one transaction on the locked build row:
 * a completed build needs nothing; a build that had started running under an earlier attempt was
 * interrupted (fail it, never re-run its commands); a stop request or an expired queued timeout
 * ends it in QUEUED; otherwise QUEUED ends and PROVISIONING begins (spec A.10).
 */
import { findBuild, saveProgress } from '../build-repo.js';
import { completeBuild } from '../complete-build.js';
import type { CodeBuildDeps } from '../deps.js';
import { claimedPhases, endedPhases, openPhaseType } from '../lifecycle.js';
import type { Build } from '../types.js';
import type { CodeBuildScope } from '../../projects/types.js';
import { INTERRUPTED_CONTEXT } from './interrupted.js';

/** `done`: nothing to run; `interrupted` when this claim failed a build that had been running, `ended` when the build had already ended. */
export type Claim = { kind: 'run'; build: Build } | { kind: 'done'; interrupted?: Build; ended?: Build };

export async function claimBuild(deps: Pick<CodeBuildDeps, 'db' | 'clock' | 'queue'>, scope: CodeBuildScope, buildId: string, timerJobId: number | undefined): Promise<Claim> {
  return deps.db.transaction(async (tx) => {
    const build = await findBuild(tx, scope, buildId, true);
    if (!build) return { kind: 'done' };
    if (build.buildComplete) return { kind: 'done', ended: build };
    if (timerJobId !== undefined) await deps.queue.cancel(tx, timerJobId);
    const now = deps.clock.now();
    const open = openPhaseType(build.phases);
    const end = async (status: 'FAILED' | 'STOPPED' | 'TIMED_OUT', context = INTERRUPTED_CONTEXT): Promise<Build> => {
      const phases = endedPhases(build.phases, status, now, status === 'FAILED' ? context : undefined);
      await completeBuild(tx, deps.queue, build, { buildStatus: status, endTime: now, phases, outcome: build.outcome });
      return { ...build, buildStatus: status, buildComplete: true, currentPhase: 'COMPLETED', endTime: now, phases };
    };
    if (open !== 'QUEUED') return { kind: 'done', interrupted: await end('FAILED') };
    if (build.stopRequested) {
      await end('STOPPED');
      return { kind: 'done' };
    }
    const queuedSince = build.phases[build.phases.length - 1]!.startTime;
    if (now.getTime() - queuedSince.getTime() >= deps.clock.scaledDelayMs(build.settings.queuedTimeoutInMinutes * 60_000)) {
      await end('TIMED_OUT');
      return { kind: 'done' };
    }
    const phases = claimedPhases(build.phases, now);
    await saveProgress(tx, scope, buildId, { currentPhase: 'PROVISIONING', phases });
    return { kind: 'run', build: { ...build, currentPhase: 'PROVISIONING', phases } };
  });
}
