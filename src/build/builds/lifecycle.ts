/**
 * The transitions of a build that happen outside the executor, as pure functions of the phase list
 * (DESIGN.md §3): StartBuild (SUBMITTED done, QUEUED open — `[CLI-EX:codebuild/retry-build]`), a
 * worker claiming it, StopBuild or the queue timeout while QUEUED, and an interrupted run (server
 * restart). Phase records follow spec A.10: SUBMITTED/QUEUED/COMPLETED carry no contexts, the open
 * phase has only a start time, COMPLETED only type and start time.
 */
import { hasContexts } from '../executor/index.js';
import type { BuildPhaseType, PhaseContext, StatusType, TerminalStatus } from '../executor/index.js';
import type { BuildPhase } from './types.js';

export const EMPTY_CONTEXT: PhaseContext = { statusCode: '', message: '' };

export function submittedPhases(at: Date): BuildPhase[] {
  return closeOpen([{ phaseType: 'SUBMITTED', startTime: at }], 'SUCCEEDED', at).concat({ phaseType: 'QUEUED', startTime: at });
}

/** Closes the open (last) phase; contexts only where AWS shows them. */
export function closeOpen(phases: readonly BuildPhase[], status: StatusType, at: Date, context?: PhaseContext): BuildPhase[] {
  const copy = phases.slice();
  const last = copy[copy.length - 1];
  if (!last || last.endTime) return copy;
  copy[copy.length - 1] = {
    phaseType: last.phaseType,
    phaseStatus: status,
    startTime: last.startTime,
    endTime: at,
    durationInSeconds: durationSeconds(last.startTime, at),
    ...(hasContexts(last.phaseType) ? { contexts: [context ?? EMPTY_CONTEXT] } : {}),
  };
  return copy;
}

export function openPhase(phases: readonly BuildPhase[], phaseType: BuildPhaseType, at: Date): BuildPhase[] {
  return [...phases, { phaseType, startTime: at }];
}

/** Whole seconds, truncated (AWS: 4.452 s → 4). */
export function durationSeconds(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}

/** A worker took the build: QUEUED ends, PROVISIONING begins. */
export function claimedPhases(phases: readonly BuildPhase[], at: Date): BuildPhase[] {
  return openPhase(closeOpen(phases, 'SUCCEEDED', at), 'PROVISIONING', at);
}

/** Ends the build where it stands: the open phase gets `status`, then COMPLETED (spec A.10 StopBuild). */
export function endedPhases(phases: readonly BuildPhase[], status: TerminalStatus, at: Date, context?: PhaseContext): BuildPhase[] {
  return openPhase(closeOpen(phases, status, at, context), 'COMPLETED', at);
}

/** The phase that is running (the last one without an end), if any. */
export function openPhaseType(phases: readonly BuildPhase[]): BuildPhaseType | undefined {
  const last = phases[phases.length - 1];
  return last && !last.endTime ? last.phaseType : undefined;
}

/** DOWNLOAD_SOURCE failed before the buildspec ran: FINALIZING follows, then COMPLETED (spec A.10). */
export function sourceFailedPhases(phases: readonly BuildPhase[], at: Date, context: PhaseContext): BuildPhase[] {
  const failed = closeOpen(phases, 'FAILED', at, context);
  return openPhase(closeOpen(openPhase(failed, 'FINALIZING', at), 'SUCCEEDED', at), 'COMPLETED', at);
}

/** An executor result interrupted by the server (not by StopBuild): the stopped phase becomes FAILED with `context`. */
export function interruptedPhases(phases: readonly BuildPhase[], context: PhaseContext): BuildPhase[] {
  return phases.map((p) =>
    p.phaseStatus === 'STOPPED' ? { ...p, phaseStatus: 'FAILED' as const, ...(hasContexts(p.phaseType) ? { contexts: [context] } : {}) } : p,
  );
}
