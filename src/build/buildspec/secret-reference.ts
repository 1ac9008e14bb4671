/**
 * Secrets Manager references in `env/secrets-manager` (spec A.5):
 * `secret-id[:json-key[:version-stage[:version-id]]]`. The secret id may itself be an ARN
 * (`arn:aws:secretsmanager:<region>:<account>:secret:<name>`), whose seven colon-separated fields
 * are consumed first (spec Surprise 15).
 */
import type { SecretReference } from './types.js';

const ARN_FIELDS = 7;

export function parseSecretReference(raw: string): SecretReference | { problem: string } {
  const parts = raw.split(':');
  const idFields = raw.startsWith('arn:') ? ARN_FIELDS : 1;
  if (parts.length < idFields) return { problem: `'${raw}' is not a complete secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)` };
  const secretId = parts.slice(0, idFields).join(':');
  const rest = parts.slice(idFields);
  if (secretId === '' || secretId.endsWith(':')) return { problem: `'${raw}' does not name a secret` };
  if (rest.length > 3) return { problem: `'${raw}' has more than secret-id:json-key:version-stage:version-id` };
  const [jsonKey, versionStage, versionId] = rest;
  return {
    raw,
    secretId,
    ...(jsonKey ? { jsonKey } : {}),
    ...(versionStage ? { versionStage } : {}),
    ...(versionId ? { versionId } : {}),
  };
}
