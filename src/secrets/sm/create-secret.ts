import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { writeTransaction } from '../write-transaction.js';
import { addVersion } from './add-version.js';
import { smError } from './errors.js';
import { newSecretArn, validateSecretName } from './secret-id.js';
import { findSecretByName, findVersion, insertSecret, purgeExpired, putTags } from './secret-repo.js';
import { decryptValue, sameValue, valueFromInput } from './secret-value.js';
import type { Tag } from './types.js';

export interface CreateSecretInput {
  name: string;
  token?: string;
  description?: string;
  kmsKeyId?: string;
  secretString?: string;
  secretBinary?: Uint8Array;
  tags?: Tag[];
}

/**
 * CreateSecret. A retry with the same ClientRequestToken and value answers the original result
 * (the SDKs and CLI always send a token); any other create of an existing name fails, and a name
 * still held by a secret scheduled for deletion is refused until it is restored or purged.
 */
export async function createSecret(deps: SecretsDeps, scope: Scope, input: CreateSecretInput): Promise<{ arn: string; name: string; versionId?: string }> {
  validateSecretName(input.name);
  const value = valueFromInput(input);
  const now = deps.clock.now();
  const result = await writeTransaction(deps.db, () => exists(input.name), async (tx) => {
    await purgeExpired(tx, scope, now, deps.clock.timeScale);
    const existing = await findSecretByName(tx, scope, input.name, true);
    if (existing) {
      if (existing.deletedAt !== null) {
        throw smError('InvalidRequestException', "You can't create this secret because a secret with this name is already scheduled for deletion.");
      }
      const same = input.token === undefined ? undefined : await findVersion(tx, existing.id, input.token);
      if (same && value && sameValue(decryptValue(deps.cipher, existing.arn, same), value)) {
        return { arn: existing.arn, name: existing.name, versionId: same.versionId, created: false };
      }
      if (same) {
        throw smError('ResourceExistsException', `You can't use ClientRequestToken ${same.versionId} because that value is already in use for a version of secret ${existing.arn}.`);
      }
      throw exists(input.name);
    }
    const arn = newSecretArn(scope, input.name);
    const id = await insertSecret(tx, scope, { name: input.name, arn, description: input.description ?? null, kmsKeyId: input.kmsKeyId ?? null, now });
    if (id === undefined) throw exists(input.name);
    const secret = { id, name: input.name, arn, description: null, kmsKeyId: null, createdAt: now, lastChangedAt: now, lastAccessedAt: null, deletedAt: null, recoveryWindowDays: null };
    if (input.tags?.length) await putTags(tx, id, input.tags);
    const version = value ? await addVersion(deps, tx, secret, { token: input.token, value }) : undefined;
    return { arn, name: input.name, versionId: version?.versionId, created: true };
  });
  if (result.created) deps.logger.info({ secret: result.arn, account: scope.accountId, region: scope.region }, 'secret created');
  return { arn: result.arn, name: result.name, ...(result.versionId ? { versionId: result.versionId } : {}) };
}

function exists(name: string): ReturnType<typeof smError> {
  return smError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`);
}
