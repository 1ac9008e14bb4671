import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { smError } from './errors.js';
import { resolveSecret } from './resolve-secret.js';
import { findVersion, findVersionByStage, touchAccessed } from './secret-repo.js';
import { decryptValue } from './secret-value.js';
import { AWSCURRENT, type SecretValue, type SecretVersionRecord } from './types.js';

export interface SecretValueView {
  arn: string;
  name: string;
  versionId: string;
  value: SecretValue;
  stages: string[];
  createdAt: Date;
}

/** GetSecretValue: by VersionId, by VersionStage, or AWSCURRENT. Records the access (per day). */
export async function getSecretValue(
  deps: SecretsDeps,
  scope: Scope,
  input: { secretId: string; versionId?: string; versionStage?: string },
): Promise<SecretValueView> {
  const secret = await resolveSecret(deps, deps.db, scope, input.secretId);
  let version: SecretVersionRecord | undefined;
  if (input.versionId !== undefined) {
    version = await findVersion(deps.db, secret.id, input.versionId);
    if (!version) throw smError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for VersionId: ${input.versionId}`);
    if (input.versionStage !== undefined && !version.stages.includes(input.versionStage)) {
      throw smError('InvalidRequestException', 'You provided a VersionStage that is not associated to the provided VersionId.');
    }
  } else {
    const stage = input.versionStage ?? AWSCURRENT;
    version = await findVersionByStage(deps.db, secret.id, stage);
    if (!version) throw smError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${stage}`);
  }
  const value = decryptValue(deps.cipher, secret.arn, version);
  await touchAccessed(deps.db, secret.id, version.versionId, deps.clock.now());
  return { arn: secret.arn, name: secret.name, versionId: version.versionId, value, stages: version.stages, createdAt: version.createdAt };
}
