/**
 * APPROVAL_TIMEOUT_JOB: the timer row due when a manual approval expires (7 days by default, scaled
 * by --time-scale). An unanswered approval fails its action (spec C.7 Approval).
 */
import type { Job } from '../../engine/index.js';
import type { PipelineScope } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import type { ActionJobPayload } from './job-kinds.js';
import { finishWaitingAction } from './record-outcome.js';

export function approvalTimeoutJob(deps: PipelineDeps) {
  return async (job: Job): Promise<void> => {
    const p = job.payload as unknown as ActionJobPayload;
    const scope: PipelineScope = { accountId: p.accountId, region: p.region };
    await finishWaitingAction(deps, scope, p.pipelineName, p.actionExecutionId, {
      kind: 'failed',
      summary: 'Approval timed out',
      error: { code: 'JobFailed', message: 'The approval request timed out before it was approved or rejected' },
    });
  };
}
