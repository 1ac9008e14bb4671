import type { models } from '../../aws/index.js';
import type { secretsManager } from '../../secrets/index.js';
import { compact } from './operation.js';

/** Domain views → Secrets Manager output shapes. */

export function valueMembers(v: secretsManager.SecretValue): { SecretString?: string; SecretBinary?: Uint8Array } {
  return v.kind === 'string' ? { SecretString: v.text } : { SecretBinary: v.bytes };
}

export function toSecretValue(v: secretsManager.SecretValueView): models.secretsmanager.GetSecretValueResponse {
  return {
    ARN: v.arn,
    Name: v.name,
    VersionId: v.versionId,
    ...valueMembers(v.value),
    VersionStages: v.stages,
    CreatedDate: v.createdAt,
  };
}

function common(d: secretsManager.SecretDescription): models.secretsmanager.DescribeSecretResponse {
  return compact({
    ARN: d.arn,
    Name: d.name,
    Description: d.description ?? undefined,
    KmsKeyId: d.kmsKeyId ?? undefined,
    LastChangedDate: d.lastChangedAt,
    LastAccessedDate: d.lastAccessedAt ?? undefined,
    DeletedDate: d.deletedAt ?? undefined,
    Tags: d.tags.length > 0 ? d.tags : undefined,
    CreatedDate: d.createdAt,
  });
}

export function toDescribeSecret(d: secretsManager.SecretDescription): models.secretsmanager.DescribeSecretResponse {
  return compact({ ...common(d), VersionIdsToStages: nonEmpty(d.versionIdsToStages) });
}

export function toListEntry(d: secretsManager.SecretDescription): models.secretsmanager.SecretListEntry {
  return compact({ ...common(d), SecretVersionsToStages: nonEmpty(d.versionIdsToStages) });
}

/** A secret created without a value has no versions: the map is then absent, not `{}`. */
function nonEmpty(m: Record<string, string[]>): Record<string, string[]> | undefined {
  return Object.keys(m).length > 0 ? m : undefined;
}
