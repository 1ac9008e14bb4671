import { isAppError } from '../../shared/index.js';
import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { smError } from './errors.js';
import { getSecretValue, type SecretValueView } from './get-secret-value.js';
import type { SecretFilter } from './list-filters.js';
import { listSecrets } from './list-secrets.js';

/**
 * BatchGetSecretValue: either a list of SecretIds (each failure reported in `errors`) or Filters
 * (the AWSCURRENT values of matching secrets, paged like ListSecrets).
 */
export async function batchGetSecretValue(
  deps: SecretsDeps,
  scope: Scope,
  input: { secretIds?: string[]; filters?: SecretFilter[]; maxResults?: number; nextToken?: string },
): Promise<{ values: SecretValueView[]; errors: { SecretId: string; ErrorCode: string; Message: string }[]; nextToken?: string }> {
  const ids = input.secretIds ?? [];
  if (ids.length > 0 && input.filters?.length) {
    throw smError('InvalidParameterException', "Either 'SecretIdList' or 'Filters' must be provided, but not both.");
  }
  if (input.maxResults !== undefined && !input.filters?.length) {
    throw smError('InvalidParameterException', "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
  }
  const values: SecretValueView[] = [];
  const errors: { SecretId: string; ErrorCode: string; Message: string }[] = [];
  if (ids.length > 0) {
    for (const secretId of ids) {
      try {
        values.push(await getSecretValue(deps, scope, { secretId }));
      } catch (err) {
        if (!isAppError(err) || err.fault !== 'user') throw err;
        errors.push({ SecretId: secretId, ErrorCode: err.code, Message: err.message });
      }
    }
    return { values, errors };
  }
  const page = await listSecrets(deps, scope, { filters: input.filters, maxResults: input.maxResults ?? 20, nextToken: input.nextToken });
  for (const s of page.secrets) {
    try {
      values.push(await getSecretValue(deps, scope, { secretId: s.arn }));
    } catch (err) {
      if (!isAppError(err) || err.fault !== 'user') throw err;
      errors.push({ SecretId: s.arn, ErrorCode: err.code, Message: err.message });
    }
  }
  return { values, errors, nextToken: page.nextToken };
}
