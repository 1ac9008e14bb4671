export { createSecretsManagerService } from './create-secrets-manager-service.js';
