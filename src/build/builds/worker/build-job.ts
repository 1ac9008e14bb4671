/**
 * The `codebuild.build` job handler (DESIGN.md §3): claim the build (claim-build.ts), run it
 * (run-build.ts), and report every outcome on the build row. A reclaimed job whose build had
 * started (attempt > 1 after a crash) fails the build with the interruption reason instead of
 * running user commands again; the reason also goes to the build's log. A reclaimed job whose build
 * had already ended (the server shut down mid-build) sweeps the build's leftovers on this host.
 */
import type { JobHandler } from '../../../engine/index.js';
import { formatAgentLine } from '../../executor/index.js';
import type { CodeBuildDeps } from '../deps.js';
import type { BuildJobPayload } from '../job-kinds.js';
import type { RunningBuilds } from '../running-builds.js';
import { buildLogAppender } from './append-log.js';
import { claimBuild } from './claim-build.js';
import { contextLine, INTERRUPTED_CONTEXT } from './interrupted.js';
import { runBuild } from './run-build.js';
import { sweepLeftovers } from './strays.js';
import { StopWatch } from './stop-watch.js';

export function buildJobHandler(deps: CodeBuildDeps, running: RunningBuilds): JobHandler {
  return async (job, ctx) => {
    const p = job.payload as BuildJobPayload;
    const scope = { accountId: p.accountId, region: p.region };
    const claim = await claimBuild(deps, scope, p.buildId, p.timerJobId);
    if (claim.kind === 'done') {
      if (claim.interrupted) {
        const left = await sweepLeftovers(deps, claim.interrupted.uuid);
        deps.logger.warn({ buildId: p.buildId, attempt: job.attempt, ...left }, 'build was interrupted by a restart; marked FAILED');
        const append = buildLogAppender(deps, scope, claim.interrupted);
        const at = deps.clock.now();
        const lines = [contextLine(INTERRUPTED_CONTEXT)];
        await append?.(lines.map((l) => ({ timestamp: at.getTime(), message: `${formatAgentLine(at, l)}\n` }))).catch(() => undefined);
      } else if (claim.ended && job.attempt > 1) {
        // An earlier attempt ended the build but not its job: the server shut down (or died right
        // after). Its teardown may have been cut short, so sweep what it could have left.
        const left = await sweepLeftovers(deps, claim.ended.uuid);
        if (left.killed + left.removedContainers > 0) deps.logger.warn({ buildId: p.buildId, attempt: job.attempt, ...left }, 'removed what an ended build left running');
      }
      return { buildId: p.buildId, ran: false };
    }
    const watch = new StopWatch(deps.db, scope, p.buildId, ctx.signal, running, deps.logger);
    try {
      await runBuild(deps, claim.build, watch);
    } finally {
      watch.dispose();
    }
    return { buildId: p.buildId, ran: true };
  };
}
