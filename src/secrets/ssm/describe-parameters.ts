import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { ssmError } from './errors.js';
import { matchesLegacyFilters, matchesParameterFilters, validateParameterFilters } from './filters.js';
import { parameterArn } from './parameter-name.js';
import { tagsOfParameters } from './parameter-repo.js';
import { scanPage } from './scan.js';
import type { LegacyParameterFilter, ParameterFilter, ParameterRecord } from './types.js';

export interface DescribeParametersInput {
  filters?: LegacyParameterFilter[];
  parameterFilters?: ParameterFilter[];
  maxResults?: number;
  nextToken?: string;
  /** Parameters shared with this account through AWS RAM: nagare has none. */
  shared?: boolean;
}

/** Metadata of the latest version; never the value. */
export type ParameterMetadata = Omit<ParameterRecord, 'valueText' | 'valueCipher' | 'labels'> & { arn: string };

export const DESCRIBE_DEFAULT_MAX = 50;

export async function describeParameters(deps: SecretsDeps, scope: Scope, input: DescribeParametersInput): Promise<{ parameters: ParameterMetadata[]; nextToken?: string }> {
  if (input.filters?.length && input.parameterFilters?.length) {
    throw ssmError('ValidationException', 'You can use either Filters or ParameterFilters in a single request.');
  }
  validateParameterFilters(input.parameterFilters, 'describe');
  if (input.shared) return { parameters: [] };
  const wantsTags = (input.parameterFilters ?? []).some((f) => f.Key.startsWith('tag:'));
  const page = await scanPage(deps.db, scope, { nextToken: input.nextToken, max: input.maxResults ?? DESCRIBE_DEFAULT_MAX }, async (batch) => {
    const tags = wantsTags ? await tagsOfParameters(deps.db, batch.map((r) => r.parameterId)) : new Map<number, Map<string, string>>();
    return batch.map((r) => {
      const subject = { ...r, tags: tags.get(r.parameterId) ?? new Map<string, string>() };
      if (!matchesParameterFilters(subject, input.parameterFilters) || !matchesLegacyFilters(subject, input.filters)) return undefined;
      const { valueText: _t, valueCipher: _c, labels: _l, ...meta } = r;
      return { ...meta, arn: parameterArn(scope, r.name) };
    });
  });
  return { parameters: page.items, nextToken: page.nextToken };
}
