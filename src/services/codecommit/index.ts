export { createCodeCommitService, type CodeCommitServiceDeps } from './create-codecommit-service.js';
