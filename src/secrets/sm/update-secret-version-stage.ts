import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { writeTransaction } from '../write-transaction.js';
import { smError } from './errors.js';
import { resolveSecret } from './resolve-secret.js';
import { findVersion, findVersionByStage, moveStage, removeStage, updateSecretMeta } from './secret-repo.js';
import { AWSCURRENT, AWSPREVIOUS } from './types.js';

/**
 * UpdateSecretVersionStage: moves a staging label to MoveToVersionId and/or removes it from
 * RemoveFromVersionId. A label attached elsewhere can only be moved when that version is named in
 * RemoveFromVersionId. Moving AWSCURRENT gives AWSPREVIOUS to the version it came from.
 */
export async function updateSecretVersionStage(
  deps: SecretsDeps,
  scope: Scope,
  input: { secretId: string; versionStage: string; removeFromVersionId?: string; moveToVersionId?: string },
): Promise<{ arn: string; name: string }> {
  const { versionStage: stage, removeFromVersionId: from, moveToVersionId: to } = input;
  return writeTransaction(deps.db, () => smError('InvalidRequestException', 'A concurrent update of this secret is in progress; try again.'), async (tx) => {
    const secret = await resolveSecret(deps, tx, scope, input.secretId, { forUpdate: true });
    for (const id of [from, to]) {
      if (id !== undefined && !(await findVersion(tx, secret.id, id))) throw smError('InvalidParameterException', `Not a valid version: ${id}`);
    }
    const holder = (await findVersionByStage(tx, secret.id, stage))?.versionId;
    if (from !== undefined && holder !== from) {
      throw smError('InvalidParameterException', `The staging label ${stage} is not attached to version ${from}.`);
    }
    if (to !== undefined) {
      if (holder !== undefined && holder !== to && from === undefined) {
        throw smError(
          'InvalidParameterException',
          `The parameter RemoveFromVersionId can't be empty. Staging label ${stage} is currently attached to version ${holder}, so you must explicitly reference that version in RemoveFromVersionId.`,
        );
      }
      await moveStage(tx, secret.id, stage, to);
      if (stage === AWSCURRENT && holder !== undefined && holder !== to) await moveStage(tx, secret.id, AWSPREVIOUS, holder);
    } else if (from !== undefined) {
      if (stage === AWSCURRENT) {
        throw smError('InvalidParameterException', 'You can only move staging label AWSCURRENT to a different secret version. It can\'t be completely removed.');
      }
      await removeStage(tx, secret.id, stage);
    }
    await updateSecretMeta(tx, secret.id, { lastChangedAt: deps.clock.now() });
    return { arn: secret.arn, name: secret.name };
  });
}
