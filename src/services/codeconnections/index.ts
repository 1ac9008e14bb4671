export { createCodeConnectionsService, type CodeConnectionsServiceDeps } from './create-codeconnections-service.js';
