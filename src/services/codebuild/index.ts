export { createCodeBuildService } from './create-codebuild-service.js';
