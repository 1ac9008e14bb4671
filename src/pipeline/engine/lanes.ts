/**
 * The pipeline engine's worker lanes: actions (source zips, deploys, build starts — I/O bound, short)
 * and results/timers. Builds themselves run in CodeBuild's own lane.
 */
import type { JobHandler } from '../../engine/index.js';
import type { PipelineDeps } from '../deps.js';
import { approvalTimeoutJob } from './approval-timeout-job.js';
import { buildDoneJob } from './build-done-job.js';
import { APPROVAL_TIMEOUT_JOB, BUILD_DONE_JOB, RUN_ACTION_JOB } from './job-kinds.js';
import { runActionJob } from './run-action-job.js';

export interface PipelineWorkerLane {
  name: string;
  concurrency: number;
  handlers: Record<string, JobHandler>;
}

export function pipelineLanes(deps: PipelineDeps, actionConcurrency = 16): PipelineWorkerLane[] {
  return [
    { name: 'codepipeline-actions', concurrency: actionConcurrency, handlers: { [RUN_ACTION_JOB]: runActionJob(deps) } },
    { name: 'codepipeline-results', concurrency: 4, handlers: { [BUILD_DONE_JOB]: buildDoneJob(deps), [APPROVAL_TIMEOUT_JOB]: approvalTimeoutJob(deps) } },
  ];
}
