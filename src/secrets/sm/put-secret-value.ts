import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { writeTransaction } from '../write-transaction.js';
import { addVersion } from './add-version.js';
import { smError } from './errors.js';
import { resolveSecret } from './resolve-secret.js';
import { updateSecretMeta } from './secret-repo.js';
import { valueFromInput } from './secret-value.js';

/** PutSecretValue: a new version (AWSCURRENT unless VersionStages say otherwise). */
export async function putSecretValue(
  deps: SecretsDeps,
  scope: Scope,
  input: { secretId: string; token?: string; secretString?: string; secretBinary?: Uint8Array; versionStages?: string[] },
): Promise<{ arn: string; name: string; versionId: string; stages: string[] }> {
  const value = valueFromInput(input);
  if (!value) throw smError('InvalidRequestException', 'You must provide either SecretString or SecretBinary.');
  return writeTransaction(deps.db, () => smError('InvalidRequestException', 'A concurrent update of this secret is in progress; try again.'), async (tx) => {
    const secret = await resolveSecret(deps, tx, scope, input.secretId, { forUpdate: true });
    const v = await addVersion(deps, tx, secret, { token: input.token, value, stages: input.versionStages });
    if (v.created) await updateSecretMeta(tx, secret.id, { lastChangedAt: deps.clock.now() });
    return { arn: secret.arn, name: secret.name, versionId: v.versionId, stages: v.stages };
  });
}
