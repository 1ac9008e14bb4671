/**
 * The phases BatchGetBuilds shows while a worker runs a build (spec A.10). The stored record owns
 * SUBMITTED, QUEUED and PROVISIONING (times of the API and the claim); the executor owns the rest
 * from DOWNLOAD_SOURCE on. The worker fetches sources before the executor starts, so DOWNLOAD_SOURCE
 * begins when fetching began and its duration covers both. An executor that ends in its own
 * PROVISIONING (no container) ends the build's PROVISIONING instead.
 */
import type { BuildState } from '../../executor/index.js';
import { durationSeconds } from '../lifecycle.js';
import type { BuildPhase } from '../types.js';

export interface MergedProgress {
  currentPhase: string;
  phases: BuildPhase[];
}

export function mergePhases(prefix: readonly BuildPhase[], downloadStart: Date, executor: Pick<BuildState, 'phases' | 'currentPhase'> | undefined): MergedProgress {
  const from = executor ? executor.phases.findIndex((p) => p.phaseType === 'DOWNLOAD_SOURCE') : -1;
  if (executor && from < 0) {
    const ended = endedInProvisioning(prefix, executor.phases);
    if (ended) return { currentPhase: executor.currentPhase, phases: ended };
  }
  if (!executor || from < 0) return { currentPhase: 'DOWNLOAD_SOURCE', phases: [...prefix, { phaseType: 'DOWNLOAD_SOURCE', startTime: downloadStart }] };
  const own = executor.phases.slice(from).map((p, i) => (i === 0 ? rebased(p, downloadStart) : p));
  return { currentPhase: executor.currentPhase, phases: [...prefix, ...own] };
}

/**
 * The executor's own PROVISIONING (the container executor's image pull and container start) ended
 * the build — a pull that failed, or a timeout / StopBuild / shutdown meanwhile: the build's
 * PROVISIONING ends that way (from the claim, so it covers the source fetch too), followed by the
 * executor's remaining phases (FINALIZING, COMPLETED), as AWS shows a build whose container never started.
 */
function endedInProvisioning(prefix: readonly BuildPhase[], executor: readonly BuildPhase[]): BuildPhase[] | undefined {
  const at = executor.findIndex((p) => p.phaseType === 'PROVISIONING');
  const own = executor[at];
  const stored = prefix[prefix.length - 1];
  if (!own?.endTime || own.phaseStatus === 'SUCCEEDED' || stored?.phaseType !== 'PROVISIONING') return undefined;
  return [...prefix.slice(0, -1), rebased(own, stored.startTime), ...executor.slice(at + 1)];
}

function rebased(p: BuildPhase, start: Date): BuildPhase {
  if (!p.endTime) return { ...p, startTime: start };
  return { ...p, startTime: start, durationInSeconds: durationSeconds(start, p.endTime) };
}
