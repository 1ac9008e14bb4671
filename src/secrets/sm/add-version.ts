import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../store/index.js';
import type { SecretsDeps } from '../deps.js';
import { smError } from './errors.js';
import { findVersion, findVersionByStage, insertVersion, listVersions, moveStage, pruneUnstagedVersions } from './secret-repo.js';
import { decryptValue, encryptValue, sameValue } from './secret-value.js';
import { AWSCURRENT, AWSPREVIOUS, MAX_VERSIONS, type SecretRecord, type SecretValue } from './types.js';

/**
 * Adds a version to a locked secret (CreateSecret, PutSecretValue, UpdateSecret). Contracts:
 * - ClientRequestToken is the version id. Reusing a token with the same value is a no-op that
 *   answers the existing version; with a different value it is ResourceExistsException.
 * - Staging labels (default AWSCURRENT) move to the new version; when AWSCURRENT moves, the
 *   version that had it gets AWSPREVIOUS. The first version of a secret always gets AWSCURRENT.
 * - At most 100 versions are kept: the oldest ones without a staging label go first.
 */
export async function addVersion(
  deps: SecretsDeps,
  tx: Queryable,
  secret: SecretRecord,
  input: { token?: string; value: SecretValue; stages?: readonly string[] },
): Promise<{ versionId: string; stages: string[]; created: boolean }> {
  const versionId = input.token ?? randomUUID();
  const existing = await findVersion(tx, secret.id, versionId);
  if (existing) {
    if (sameValue(decryptValue(deps.cipher, secret.arn, existing), input.value)) return { versionId, stages: existing.stages, created: false };
    throw smError(
      'ResourceExistsException',
      `You can't use ClientRequestToken ${versionId} because that value is already in use for a version of secret ${secret.arn}.`,
    );
  }
  const stages = [...new Set(input.stages ?? [AWSCURRENT])];
  if (!stages.includes(AWSCURRENT) && (await listVersions(tx, secret.id)).length === 0) stages.push(AWSCURRENT);
  const now = deps.clock.now();
  await insertVersion(tx, secret.id, { versionId, ...encryptValue(deps.cipher, secret.arn, versionId, input.value), createdAt: now });
  if (stages.includes(AWSCURRENT)) {
    const current = await findVersionByStage(tx, secret.id, AWSCURRENT);
    if (current && !stages.includes(AWSPREVIOUS)) await moveStage(tx, secret.id, AWSPREVIOUS, current.versionId);
  }
  for (const stage of stages) await moveStage(tx, secret.id, stage, versionId);
  await pruneUnstagedVersions(tx, secret.id, MAX_VERSIONS);
  return { versionId, stages: [...stages].sort(), created: true };
}
