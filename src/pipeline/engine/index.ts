// The pipeline engine: durable application of machine events, and the job handlers that run actions.
export { pipelineLanes, type PipelineWorkerLane } from './lanes.js';
export { RUN_ACTION_JOB, APPROVAL_TIMEOUT_JOB, BUILD_DONE_JOB } from './job-kinds.js';
