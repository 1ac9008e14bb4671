import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { smError } from './errors.js';
import { resolveSecret } from './resolve-secret.js';
import { listVersions } from './secret-repo.js';
import type { SecretVersionRecord } from './types.js';

/**
 * ListSecretVersionIds: versions oldest first; versions without a staging label ("deprecated")
 * only with IncludeDeprecated. NextToken is the index of the next version, base64url-wrapped.
 */
export async function listSecretVersionIds(
  deps: SecretsDeps,
  scope: Scope,
  input: { secretId: string; maxResults?: number; nextToken?: string; includeDeprecated?: boolean },
): Promise<{ arn: string; name: string; versions: SecretVersionRecord[]; nextToken?: string }> {
  const secret = await resolveSecret(deps, deps.db, scope, input.secretId, { allowDeleted: true });
  const all = (await listVersions(deps.db, secret.id)).filter((v) => input.includeDeprecated || v.stages.length > 0);
  const start = decodeIndex(input.nextToken);
  const max = input.maxResults ?? 100;
  const page = all.slice(start, start + max);
  const next = start + max < all.length ? Buffer.from(String(start + max), 'utf8').toString('base64url') : undefined;
  return { arn: secret.arn, name: secret.name, versions: page, nextToken: next };
}

function decodeIndex(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  const n = Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(n) || n < 0) throw smError('InvalidNextTokenException', 'The NextToken value is invalid.');
  return n;
}
