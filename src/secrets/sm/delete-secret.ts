import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { writeTransaction } from '../write-transaction.js';
import { markedForDeletion, smError } from './errors.js';
import { resolveSecret } from './resolve-secret.js';
import { cancelDeletion, deleteSecretRow, scheduleDeletion } from './secret-repo.js';
import { DAY_MS, DEFAULT_RECOVERY_WINDOW_DAYS } from './types.js';

/**
 * DeleteSecret: schedules deletion after a 7–30 day recovery window (default 30), or deletes at
 * once with ForceDeleteWithoutRecovery (also for a secret already scheduled). DeletionDate is when
 * the secret will really be gone: the window is AWS time, so under a time scale it ends after
 * window / scale of real time (the purge itself happens on the next read, see resolve-secret.ts).
 */
export async function deleteSecret(
  deps: SecretsDeps,
  scope: Scope,
  input: { secretId: string; recoveryWindowInDays?: number; forceDeleteWithoutRecovery?: boolean },
): Promise<{ arn: string; name: string; deletionDate: Date }> {
  const force = input.forceDeleteWithoutRecovery === true;
  if (force && input.recoveryWindowInDays !== undefined) {
    throw smError('InvalidParameterException', "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
  }
  const days = input.recoveryWindowInDays ?? DEFAULT_RECOVERY_WINDOW_DAYS;
  if (!Number.isInteger(days) || days < 7 || days > 30) {
    throw smError('InvalidParameterException', 'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).');
  }
  const now = deps.clock.now();
  const out = await writeTransaction(deps.db, () => smError('InvalidRequestException', 'A concurrent update of this secret is in progress; try again.'), async (tx) => {
    const secret = await resolveSecret(deps, tx, scope, input.secretId, { forUpdate: true, allowDeleted: true });
    if (force) {
      await deleteSecretRow(tx, secret.id);
      return { arn: secret.arn, name: secret.name, deletionDate: now };
    }
    if (secret.deletedAt !== null) throw markedForDeletion();
    await scheduleDeletion(tx, secret.id, now, days);
    // The wall-clock moment the purge happens: the window is AWS time, so it passes timeScale times faster.
    return { arn: secret.arn, name: secret.name, deletionDate: new Date(now.getTime() + (days * DAY_MS) / deps.clock.timeScale) };
  });
  deps.logger.info({ secret: out.arn, force, account: scope.accountId, region: scope.region }, force ? 'secret deleted' : 'secret scheduled for deletion');
  return out;
}

/** RestoreSecret: cancels a scheduled deletion (a no-op for a secret that is not scheduled). */
export async function restoreSecret(deps: SecretsDeps, scope: Scope, secretId: string): Promise<{ arn: string; name: string }> {
  return writeTransaction(deps.db, () => smError('InvalidRequestException', 'A concurrent update of this secret is in progress; try again.'), async (tx) => {
    const secret = await resolveSecret(deps, tx, scope, secretId, { forUpdate: true, allowDeleted: true });
    if (secret.deletedAt !== null) await cancelDeletion(tx, secret.id, deps.clock.now());
    return { arn: secret.arn, name: secret.name };
  });
}
