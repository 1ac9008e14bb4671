// The pipeline module's write-side use cases (the API's operations that change state).
export type * from './types.js';
export { createPipeline, updatePipeline, deletePipeline } from './pipeline-crud.js';
export { startPipelineExecution } from './start-execution.js';
export { stopPipelineExecution, retryStageExecution, rollbackStage, putApprovalResult, setStageTransition } from './execution-control.js';
export { onPush } from './on-push.js';
export { onS3Object } from './on-s3-object.js';
export { checkTags, MAX_TAGS } from './tags-check.js';
export { pollSourcesTask, pollSources, POLL_TASK } from './poll-sources.js';
