import { ssmError } from './errors.js';
import { validatePath } from './path.js';
import { PARAMETER_TIERS, PARAMETER_TYPES, type LegacyParameterFilter, type ParameterFilter } from './types.js';

/**
 * ParameterStringFilter rules (AWS API reference "ParameterStringFilter"):
 * - DescribeParameters accepts every key except Label; GetParametersByPath rejects tag:, DataType,
 *   Name, Path and Tier.
 * - Options: Equals | BeginsWith (Name also Contains); Path: OneLevel (default) | Recursive;
 *   Label (by path): Equals only.
 * Values of one filter are alternatives (OR); filters combine with AND.
 * Error texts are the service's (as recorded by moto).
 */
export type FilterMode = 'describe' | 'by-path';

const BY_PATH_KEYS = ['Type', 'KeyId', 'Label'];

export function validateParameterFilters(filters: readonly ParameterFilter[] | undefined, mode: FilterMode): void {
  const seen = new Set<string>();
  for (const f of filters ?? []) {
    const key = f.Key;
    const values = f.Values ?? [];
    const option = f.Option ?? defaultOption(key);
    if (mode === 'describe' && key === 'Label') {
      throw ssmError('InvalidFilterKey', 'The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].');
    }
    if (mode === 'by-path' && !BY_PATH_KEYS.includes(key)) {
      throw ssmError('InvalidFilterKey', `The following filter key is not valid: ${key}. Valid filter keys include: [${BY_PATH_KEYS.join(', ')}].`);
    }
    if (!key.startsWith('tag:') && values.length === 0) {
      throw ssmError('InvalidFilterValue', `The following filter values are missing : null for filter key ${key}.`);
    }
    if (seen.has(key)) {
      throw ssmError('InvalidFilterKey', `The following filter is duplicated in the request: ${key}. A request can contain only one occurrence of a specific filter.`);
    }
    seen.add(key);
    if (key === 'Path') {
      if (option !== 'Recursive' && option !== 'OneLevel') {
        throw ssmError('InvalidFilterOption', `The following filter option is not valid: ${option}. Valid options include: [Recursive, OneLevel].`);
      }
      for (const v of values) {
        if (/^\/(aws|ssm)/i.test(v)) {
          throw ssmError(
            'ValidationException',
            'Filters for common parameters can\'t be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.',
          );
        }
        validatePath(v);
      }
      continue;
    }
    if (key === 'Tier') assertEnum(values, PARAMETER_TIERS);
    if (key === 'Type') assertEnum(values, PARAMETER_TYPES);
    const options = key === 'Label' ? ['Equals'] : key === 'Name' ? ['BeginsWith', 'Equals', 'Contains'] : ['BeginsWith', 'Equals'];
    if (!options.includes(option)) {
      throw ssmError('InvalidFilterOption', `The following filter option is not valid: ${option}. Valid options include: [${options.join(', ')}].`);
    }
  }
}

function defaultOption(key: string): string {
  return key === 'Path' ? 'OneLevel' : 'Equals';
}

function assertEnum(values: readonly string[], allowed: readonly string[]): void {
  for (const v of values) {
    if (!allowed.includes(v)) {
      throw ssmError('InvalidFilterOption', `The following filter value is not valid: ${v}. Valid values include: [${allowed.join(', ')}].`);
    }
  }
}

/** What the filters look at (latest version's metadata plus the parameter's tags). */
export interface FilterSubject {
  name: string;
  type: string;
  keyId: string | null;
  tier: string;
  dataType: string;
  tags: ReadonlyMap<string, string>;
}

/** All filters except Label, which GetParametersByPath resolves against versions itself. */
export function matchesParameterFilters(s: FilterSubject, filters: readonly ParameterFilter[] | undefined): boolean {
  return (filters ?? []).every((f) => f.Key === 'Label' || matchesOne(s, f));
}

function matchesOne(s: FilterSubject, f: ParameterFilter): boolean {
  const option = f.Option ?? defaultOption(f.Key);
  const values = f.Values ?? [];
  // Names are compared in their fully qualified form: a top-level "a" is "/a" here.
  const qualified = `/${s.name.replace(/^\//, '')}`;
  if (f.Key === 'Path') return values.some((v) => matchesPath(qualified, v, option === 'Recursive'));
  if (f.Key === 'Name') {
    const vs = option === 'Contains' ? values : values.map((v) => `/${v.replace(/^\//, '')}`);
    return vs.some((v) => compare(qualified, v, option));
  }
  if (f.Key.startsWith('tag:')) {
    const tag = s.tags.get(f.Key.slice(4));
    if (tag === undefined) return false;
    return values.length === 0 || values.some((v) => compare(tag, v, option));
  }
  const field = f.Key === 'Type' ? s.type : f.Key === 'KeyId' ? s.keyId : f.Key === 'Tier' ? s.tier : f.Key === 'DataType' ? s.dataType : null;
  if (field === null) return false;
  return values.some((v) => compare(field, v, option));
}

function compare(actual: string, wanted: string, option: string): boolean {
  if (option === 'BeginsWith') return actual.startsWith(wanted);
  if (option === 'Contains') return actual.includes(wanted);
  return actual === wanted;
}

function matchesPath(qualified: string, path: string, recursive: boolean): boolean {
  const base = path.replace(/\/+$/, '');
  if (!qualified.startsWith(`${base}/`)) return false;
  return recursive || !qualified.slice(base.length + 1).includes('/');
}

/** The deprecated `Filters` of DescribeParameters: Name (prefix), Type, KeyId (exact); AND across keys. */
export function matchesLegacyFilters(s: FilterSubject, filters: readonly LegacyParameterFilter[] | undefined): boolean {
  return (filters ?? []).every((f) => {
    if (f.Key === 'Name') return f.Values.some((v) => s.name.startsWith(v));
    if (f.Key === 'Type') return f.Values.includes(s.type);
    if (f.Key === 'KeyId') return s.keyId !== null && f.Values.includes(s.keyId);
    return false;
  });
}
