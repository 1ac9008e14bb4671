import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { matchesParameterFilters, validateParameterFilters } from './filters.js';
import { findVersionById, labelsOfParameters } from './parameter-repo.js';
import { isUnderPath, pathPrefix, validatePath } from './path.js';
import { toView } from './reveal.js';
import { scanPage } from './scan.js';
import type { ParameterFilter, ParameterRecord, ParameterView } from './types.js';

export interface GetParametersByPathInput {
  path: string;
  recursive?: boolean;
  filters?: ParameterFilter[];
  withDecryption?: boolean;
  maxResults?: number;
  nextToken?: string;
}

export const BY_PATH_DEFAULT_MAX = 10;

/**
 * GetParametersByPath: parameters below `path` (one level unless Recursive), filtered by Type,
 * KeyId and Label. Names without a leading slash are not in any hierarchy and never listed. With a
 * Label filter the labelled version is returned instead of the latest (our reading of the docs).
 */
export async function getParametersByPath(deps: SecretsDeps, scope: Scope, input: GetParametersByPathInput): Promise<{ parameters: ParameterView[]; nextToken?: string }> {
  validatePath(input.path);
  validateParameterFilters(input.filters, 'by-path');
  const recursive = input.recursive ?? false;
  const labelFilter = input.filters?.find((f) => f.Key === 'Label');
  const page = await scanPage(
    deps.db,
    scope,
    { prefix: pathPrefix(input.path), nextToken: input.nextToken, max: input.maxResults ?? BY_PATH_DEFAULT_MAX },
    async (batch) => {
      const inPath = batch.map((r) => (isUnderPath(r.name, input.path, recursive) ? r : undefined));
      const chosen = labelFilter ? await pickLabelled(deps, inPath, labelFilter.Values ?? []) : inPath;
      return chosen.map((r) => (r && matchesParameterFilters({ ...r, tags: new Map() }, input.filters) ? r : undefined));
    },
  );
  // Decrypt only what is returned.
  const parameters = page.items.map((r) => toView(r, scope, deps.cipher, input.withDecryption ?? false));
  return { parameters, nextToken: page.nextToken };
}

async function pickLabelled(deps: SecretsDeps, recs: (ParameterRecord | undefined)[], labels: readonly string[]): Promise<(ParameterRecord | undefined)[]> {
  const ids = recs.flatMap((r) => (r ? [r.parameterId] : []));
  const byParameter = await labelsOfParameters(deps.db, ids);
  const out: (ParameterRecord | undefined)[] = [];
  for (const r of recs) {
    const own = r ? byParameter.get(r.parameterId) : undefined;
    const version = own ? labels.map((l) => own.get(l)).find((v) => v !== undefined) : undefined;
    out.push(r && version !== undefined ? (version === r.version ? r : await findVersionById(deps.db, r.parameterId, version)) : undefined);
  }
  return out;
}
