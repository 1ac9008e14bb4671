export { createLogsService } from './create-logs-service.js';
