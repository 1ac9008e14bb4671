import { models, type JsonService } from '../../aws/index.js';
import type { SecretsDeps } from '../../secrets/index.js';
import { parameterOperations } from './parameter-operations.js';

/**
 * The SSM provider: Parameter Store only. Every other SSM operation (documents, Run Command,
 * patching, …) answers the gateway's not-implemented error (docs/compatibility-secrets.md).
 */
export function createSsmService(deps: SecretsDeps): { service: JsonService } {
  return { service: { family: 'json', model: models.ssmModel, operations: parameterOperations(deps) } };
}
