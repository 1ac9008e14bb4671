import type { Queryable } from '../../store/index.js';
import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { markedForDeletion, secretNotFound } from './errors.js';
import { parseSecretId } from './secret-id.js';
import { findSecret, purgeExpired } from './secret-repo.js';
import type { SecretRecord } from './types.js';

/**
 * Finds the secret a SecretId names. Secrets whose recovery window has run out are purged first,
 * so they are gone for real from every read. A secret scheduled for deletion answers
 * InvalidRequestException unless the operation works on deleted secrets (`allowDeleted`).
 */
export async function resolveSecret(
  deps: SecretsDeps,
  q: Queryable,
  scope: Scope,
  secretId: string,
  opts: { forUpdate?: boolean; allowDeleted?: boolean } = {},
): Promise<SecretRecord> {
  const ref = parseSecretId(secretId, scope);
  await purgeExpired(q, scope, deps.clock.now(), deps.clock.timeScale);
  const secret = await findSecret(q, scope, ref, opts.forUpdate ?? false);
  if (!secret) throw secretNotFound();
  if (secret.deletedAt !== null && !opts.allowDeleted) throw markedForDeletion();
  return secret;
}
