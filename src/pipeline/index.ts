// Public API of the pipeline module (CodePipeline's domain); re-exports only.
export type { PipelineDeps } from './deps.js';
export type { PipelineScope, SourceOverride } from './actions/types.js';
export type { PipelineErrorCode } from './errors.js';
export { pipelineArn } from './errors.js';
export * from './use-cases/index.js';
export { pipelineLanes, type PipelineWorkerLane } from './engine/index.js';
export type { PipelineDeclaration, ActionTypeId, ActionType } from './declaration/index.js';
export { listActionTypes, findActionType } from './declaration/index.js';
export type { Tag } from './pipelines/pipeline-repo.js';
export * from './views/index.js';
export * from './webhooks/index.js';
export * from './tags/index.js';
