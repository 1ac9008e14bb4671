/**
 * Where a build goes after a phase fails (spec A.10 "Transition table", Surprise 3), and how a
 * buildspec phase's `on-failure` changes that (spec A.8). Pure data + one function.
 */
import type { OnFailure } from '../buildspec/index.js';
import { isBuildspecPhase, nextInOrder } from './status.js';
import type { BuildPhaseType } from './status.js';

/**
 * Default next phase after a failure. BUILD is the odd one: POST_BUILD and UPLOAD_ARTIFACTS still
 * run ("UPLOAD_ARTIFACTS is always attempted, even if BUILD fails"); INSTALL and PRE_BUILD skip
 * straight to FINALIZING. SUBMITTED/QUEUED failures (a queue timeout) never reach a container, so
 * they complete directly (inferred: the table has no row for them).
 */
export const FAILURE_NEXT: Readonly<Record<BuildPhaseType, BuildPhaseType>> = {
  SUBMITTED: 'COMPLETED',
  QUEUED: 'COMPLETED',
  PROVISIONING: 'FINALIZING',
  DOWNLOAD_SOURCE: 'FINALIZING',
  INSTALL: 'FINALIZING',
  PRE_BUILD: 'FINALIZING',
  BUILD: 'POST_BUILD',
  POST_BUILD: 'UPLOAD_ARTIFACTS',
  UPLOAD_ARTIFACTS: 'FINALIZING',
  FINALIZING: 'COMPLETED',
  COMPLETED: 'COMPLETED',
};

/**
 * Next phase after `phase` failed for good (retries, if any, exhausted).
 * `CONTINUE` runs the next phase as if nothing happened (the build still ends FAILED); `ABORT`
 * skips every remaining buildspec phase and, by our reading, UPLOAD_ARTIFACTS too (spec A.10 marks
 * that as unverified) — straight to FINALIZING.
 */
export function nextAfterFailure(phase: BuildPhaseType, onFailure: OnFailure | undefined): BuildPhaseType {
  if (isBuildspecPhase(phase) && onFailure?.kind === 'CONTINUE') return nextInOrder(phase);
  if (isBuildspecPhase(phase) && onFailure?.kind === 'ABORT') return 'FINALIZING';
  return FAILURE_NEXT[phase];
}

/**
 * `RETRY`, `RETRY-<count>`, `RETRY-<regex>`, `RETRY-<count>-<regex>` (spec A.8): retry the phase
 * while retries remain and the failure message matches the pattern (any message when absent).
 * Retrying the phase (not the whole build) is our reading; the spec leaves the unit open.
 */
export function shouldRetry(onFailure: OnFailure | undefined, retriesDone: number, message: string): boolean {
  if (onFailure?.kind !== 'RETRY' || retriesDone >= onFailure.count) return false;
  if (onFailure.pattern === undefined) return true;
  try {
    return new RegExp(onFailure.pattern).test(message);
  } catch {
    return false;
  }
}
