export { createSsmService } from './create-ssm-service.js';
