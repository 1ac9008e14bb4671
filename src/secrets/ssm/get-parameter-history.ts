import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { parameterNotFound } from './errors.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { parseParameterRef } from './parameter-name.js';
import { findVersion, listVersions } from './parameter-repo.js';
import { toView } from './reveal.js';
import type { ParameterView } from './types.js';

export const HISTORY_DEFAULT_MAX = 50;

/**
 * GetParameterHistory: every kept version (at most 100), oldest first, each with its labels.
 * SecureString values are decrypted only WithDecryption.
 */
export async function getParameterHistory(
  deps: SecretsDeps,
  scope: Scope,
  input: { name: string; withDecryption?: boolean; maxResults?: number; nextToken?: string },
): Promise<{ versions: ParameterView[]; nextToken?: string }> {
  const ref = parseParameterRef(input.name, scope);
  if (!ref || ref.selector) throw parameterNotFound(input.name);
  const after = decodePageToken(input.nextToken);
  const afterVersion = after === undefined ? 0 : Number(after);
  const max = input.maxResults ?? HISTORY_DEFAULT_MAX;
  const rows = await listVersions(deps.db, scope, ref.key, Number.isFinite(afterVersion) ? afterVersion : 0, max + 1);
  if (rows.length === 0 && after === undefined && !(await findVersion(deps.db, scope, ref.key))) throw parameterNotFound(input.name);
  const page = rows.slice(0, max);
  const last = page[page.length - 1];
  return {
    versions: page.map((r) => toView(r, scope, deps.cipher, input.withDecryption ?? false)),
    nextToken: rows.length > max && last ? encodePageToken(String(last.version)) : undefined,
  };
}
