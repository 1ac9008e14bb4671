/**
 * Status vocabulary and predicates of the build state machine (DESIGN.md §3: one file per machine).
 * Names and order are AWS's (spec A.10, `[CBM BuildPhaseType]`, `[CBM StatusType]`).
 */

/** `[CBM StatusType]`: used for `buildStatus` and `phaseStatus`. FAULT = service side, FAILED = user side. */
export type StatusType = 'SUCCEEDED' | 'FAILED' | 'FAULT' | 'TIMED_OUT' | 'IN_PROGRESS' | 'STOPPED';
export type TerminalStatus = Exclude<StatusType, 'IN_PROGRESS'>;

/** `[CBM BuildPhaseType]`, in the order a build walks them (spec A.10). */
export const BUILD_PHASE_ORDER = [
  'SUBMITTED',
  'QUEUED',
  'PROVISIONING',
  'DOWNLOAD_SOURCE',
  'INSTALL',
  'PRE_BUILD',
  'BUILD',
  'POST_BUILD',
  'UPLOAD_ARTIFACTS',
  'FINALIZING',
  'COMPLETED',
] as const;
export type BuildPhaseType = (typeof BUILD_PHASE_ORDER)[number];

/** The four phases that run buildspec commands (spec A.8). */
export type BuildspecPhaseType = 'INSTALL' | 'PRE_BUILD' | 'BUILD' | 'POST_BUILD';
const BUILDSPEC_PHASES: readonly BuildPhaseType[] = ['INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD'];

export function isTerminal(status: StatusType | undefined): status is TerminalStatus {
  return status !== undefined && status !== 'IN_PROGRESS';
}

/** A completed build can be retried (RetryBuild) whatever its outcome; a running one cannot. */
export function canRetry(status: StatusType): boolean {
  return isTerminal(status);
}

export function isBuildspecPhase(phase: BuildPhaseType): phase is BuildspecPhaseType {
  return BUILDSPEC_PHASES.includes(phase);
}

/**
 * Phases whose `Phase complete: X State: S` lines come from the in-container agent (spec A.10 log
 * format). PROVISIONING and FINALIZING happen outside the container, SUBMITTED/QUEUED before it.
 */
export function isAgentLoggedPhase(phase: BuildPhaseType): boolean {
  return phase === 'DOWNLOAD_SOURCE' || phase === 'UPLOAD_ARTIFACTS' || isBuildspecPhase(phase);
}

/** SUBMITTED and QUEUED never carry `contexts` (spec A.10, Surprise 12). */
export function hasContexts(phase: BuildPhaseType): boolean {
  return phase !== 'SUBMITTED' && phase !== 'QUEUED' && phase !== 'COMPLETED';
}

export function nextInOrder(phase: BuildPhaseType): BuildPhaseType {
  const i = BUILD_PHASE_ORDER.indexOf(phase);
  return BUILD_PHASE_ORDER[Math.min(i + 1, BUILD_PHASE_ORDER.length - 1)]!;
}

