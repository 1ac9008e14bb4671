/**
 * The phases BatchGetBuilds shows while a worker runs a build (spec A.10). The stored record owns
 * SUBMITTED, QUEUED and PROVISIONING (times of the API and the claim); the executor owns the rest
 * from DOWNLOAD_SOURCE on. The worker fetches sources before the executor starts, so DOWNLOAD_SOURCE
 * begins when fetching began and its duration covers both.
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
  if (!executor || from < 0) return { currentPhase: 'DOWNLOAD_SOURCE', phases: [...prefix, { phaseType: 'DOWNLOAD_SOURCE', startTime: downloadStart }] };
  const own = executor.phases.slice(from).map((p, i) => (i === 0 ? rebased(p, downloadStart) : p));
  return { currentPhase: executor.currentPhase, phases: [...prefix, ...own] };
}

function rebased(p: BuildPhase, start: Date): BuildPhase {
  if (!p.endTime) return { ...p, startTime: start };
  return { ...p, startTime: start, durationInSeconds: durationSeconds(start, p.endTime) };
}
