/** Job kinds of the pipeline engine (rows in the durable job queue, DESIGN.md §1). */
export { BUILD_DONE_JOB } from '../actions/build-codebuild.js';
/** Perform one action execution (payload: ActionJobPayload). */
export const RUN_ACTION_JOB = 'codepipeline.run-action';
/** A manual approval's wait ran out (a timer row due at the approval's expiry). */
export const APPROVAL_TIMEOUT_JOB = 'codepipeline.approval-timeout';

export interface ActionJobPayload {
  accountId: string;
  region: string;
  pipelineName: string;
  actionExecutionId: string;
}
