/** Job kinds of the build worker lanes (DESIGN.md §3: the API writes a job row, a worker runs it). */
export const BUILD_JOB = 'codebuild.build';
/** Due when the queued timeout (spec A.10) expires; ends the build TIMED_OUT if still QUEUED. */
export const QUEUED_TIMEOUT_JOB = 'codebuild.queued-timeout';

/** Payload of both kinds: which build. */
export interface BuildJobPayload {
  accountId: string;
  region: string;
  buildId: string;
  /** The queued-timeout timer to cancel once a worker claims the build. */
  timerJobId?: number;
  [key: string]: unknown;
}
