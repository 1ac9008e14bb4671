import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { parameterNotFound } from './errors.js';
import { parseParameterRef } from './parameter-name.js';
import { deleteParameter as deleteRow } from './parameter-repo.js';

/** DeleteParameter: the parameter with all its versions, labels and tags. */
export async function deleteParameter(deps: SecretsDeps, scope: Scope, name: string): Promise<void> {
  const ref = parseParameterRef(name, scope);
  if (!ref || ref.selector || !(await deleteRow(deps.db, scope, ref.key))) throw parameterNotFound(name);
  deps.logger.info({ name, account: scope.accountId, region: scope.region }, 'ssm parameter deleted');
}

/** DeleteParameters: names that did not exist are reported, not an error. */
export async function deleteParameters(deps: SecretsDeps, scope: Scope, names: readonly string[]): Promise<{ deleted: string[]; invalid: string[] }> {
  const deleted: string[] = [];
  const invalid: string[] = [];
  for (const name of new Set(names)) {
    const ref = parseParameterRef(name, scope);
    if (ref && !ref.selector && (await deleteRow(deps.db, scope, ref.key))) deleted.push(name);
    else invalid.push(name);
  }
  if (deleted.length > 0) deps.logger.info({ names: deleted, account: scope.accountId, region: scope.region }, 'ssm parameters deleted');
  return { deleted, invalid };
}
