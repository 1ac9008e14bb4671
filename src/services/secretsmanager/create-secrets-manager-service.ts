import { models, type JsonService } from '../../aws/index.js';
import type { SecretsDeps } from '../../secrets/index.js';
import { secretOperations } from './secret-operations.js';

/**
 * The Secrets Manager provider. Rotation, resource policies and replication answer the gateway's
 * not-implemented error (docs/compatibility-secrets.md).
 */
export function createSecretsManagerService(deps: SecretsDeps): { service: JsonService } {
  return { service: { family: 'json', model: models.secretsmanagerModel, operations: secretOperations(deps) } };
}
