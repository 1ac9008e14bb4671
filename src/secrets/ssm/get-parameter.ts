import type { AppError } from '../../shared/index.js';
import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { parameterNotFound, versionNotFound } from './errors.js';
import { parseParameterRef } from './parameter-name.js';
import { findLabelledVersion, findVersion } from './parameter-repo.js';
import { toView } from './reveal.js';
import type { ParameterRecord, ParameterView } from './types.js';

/**
 * GetParameter: a name or ARN, optionally with `:<version>` or `:<label>`; the answer then carries
 * that selector. WithDecryption only matters for SecureString.
 */
export async function getParameter(deps: SecretsDeps, scope: Scope, ref: string, withDecryption: boolean): Promise<ParameterView> {
  const { record, selector } = await resolve(deps, scope, ref);
  return toView(record, scope, deps.cipher, withDecryption, selector);
}

/**
 * GetParameters: like GetParameter for up to 10 references; any that cannot be found (or whose
 * version is missing) are listed in `invalid` instead of failing the call. Each distinct
 * reference is answered once, in request order.
 */
export async function getParameters(
  deps: SecretsDeps,
  scope: Scope,
  refs: readonly string[],
  withDecryption: boolean,
): Promise<{ parameters: ParameterView[]; invalid: string[] }> {
  const parameters: ParameterView[] = [];
  const invalid: string[] = [];
  for (const ref of new Set(refs)) {
    try {
      parameters.push(await getParameter(deps, scope, ref, withDecryption));
    } catch (err) {
      if (isLookupMiss(err)) invalid.push(ref);
      else throw err;
    }
  }
  return { parameters, invalid };
}

async function resolve(deps: SecretsDeps, scope: Scope, raw: string): Promise<{ record: ParameterRecord; selector?: string }> {
  const ref = parseParameterRef(raw, scope);
  if (!ref) throw parameterNotFound(raw);
  if (!ref.selector) {
    const record = await findVersion(deps.db, scope, ref.key);
    if (!record) throw parameterNotFound(raw);
    return { record };
  }
  if (ref.selector.kind === 'version') {
    const record = await findVersion(deps.db, scope, ref.key, ref.selector.version);
    if (record) return { record, selector: ref.selector.text };
    const latest = await findVersion(deps.db, scope, ref.key);
    if (!latest) throw parameterNotFound(raw);
    throw versionNotFound(latest.name, ref.selector.version);
  }
  const record = await findLabelledVersion(deps.db, scope, ref.key, ref.selector.label);
  if (!record) throw parameterNotFound(raw);
  return { record, selector: ref.selector.text };
}

function isLookupMiss(err: unknown): boolean {
  const code = (err as Partial<AppError> | null)?.code;
  return code === 'ParameterNotFound' || code === 'ParameterVersionNotFound';
}
