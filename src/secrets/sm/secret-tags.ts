import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { writeTransaction } from '../write-transaction.js';
import { smError } from './errors.js';
import { resolveSecret } from './resolve-secret.js';
import { putTags, removeTags } from './secret-repo.js';
import type { Tag } from './types.js';

const contention = (): ReturnType<typeof smError> => smError('InvalidRequestException', 'A concurrent update of this secret is in progress; try again.');

/** TagResource: adds tags or replaces the value of existing keys. */
export async function tagSecret(deps: SecretsDeps, scope: Scope, secretId: string, tags: readonly Tag[]): Promise<void> {
  await writeTransaction(deps.db, contention, async (tx) => {
    const secret = await resolveSecret(deps, tx, scope, secretId, { forUpdate: true });
    await putTags(tx, secret.id, tags);
  });
}

/** UntagResource: keys that are not present are ignored. */
export async function untagSecret(deps: SecretsDeps, scope: Scope, secretId: string, keys: readonly string[]): Promise<void> {
  await writeTransaction(deps.db, contention, async (tx) => {
    const secret = await resolveSecret(deps, tx, scope, secretId, { forUpdate: true });
    await removeTags(tx, secret.id, keys);
  });
}
