export { createCodePipelineService } from './create-codepipeline-service.js';
