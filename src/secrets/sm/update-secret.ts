import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { writeTransaction } from '../write-transaction.js';
import { addVersion } from './add-version.js';
import { smError } from './errors.js';
import { resolveSecret } from './resolve-secret.js';
import { updateSecretMeta } from './secret-repo.js';
import { valueFromInput } from './secret-value.js';

/** UpdateSecret: description and/or KMS key, and with a value a new AWSCURRENT version. */
export async function updateSecret(
  deps: SecretsDeps,
  scope: Scope,
  input: { secretId: string; token?: string; description?: string; kmsKeyId?: string; secretString?: string; secretBinary?: Uint8Array },
): Promise<{ arn: string; name: string; versionId?: string }> {
  const value = valueFromInput(input);
  return writeTransaction(deps.db, () => smError('InvalidRequestException', 'A concurrent update of this secret is in progress; try again.'), async (tx) => {
    const secret = await resolveSecret(deps, tx, scope, input.secretId, { forUpdate: true });
    const version = value ? await addVersion(deps, tx, secret, { token: input.token, value }) : undefined;
    await updateSecretMeta(tx, secret.id, { description: input.description, kmsKeyId: input.kmsKeyId, lastChangedAt: deps.clock.now() });
    return { arn: secret.arn, name: secret.name, ...(version ? { versionId: version.versionId } : {}) };
  });
}
