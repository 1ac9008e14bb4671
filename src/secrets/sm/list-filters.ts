import { smError } from './errors.js';
import type { SecretDescription } from './describe-secret.js';

/**
 * ListSecrets / BatchGetSecretValue filters, with the semantics moto recorded against AWS:
 * `name`, `tag-key`, `tag-value` match by case-sensitive prefix; `description` and `all` split
 * text into words and match word prefixes case-insensitively (`all` looks at name, description,
 * tag keys and values). A value starting with `!` negates. Values of one filter are alternatives;
 * filters combine with AND. `primary-region` and `owning-service` never match: nagare neither
 * replicates secrets nor has service-owned ones.
 */
export interface SecretFilter {
  Key?: string;
  Values?: string[];
}

export function validateSecretFilters(filters: readonly SecretFilter[] | undefined): void {
  for (const f of filters ?? []) {
    if (f.Key === undefined) throw smError('InvalidParameterException', 'Invalid filter key');
    if (f.Values === undefined) throw smError('InvalidParameterException', `Invalid filter values for key: ${f.Key}`);
  }
}

export function matchesSecretFilters(s: SecretDescription, filters: readonly SecretFilter[] | undefined): boolean {
  return (filters ?? []).every((f) => matchesOne(s, f.Key ?? '', f.Values ?? []));
}

function matchesOne(s: SecretDescription, key: string, values: readonly string[]): boolean {
  const keys = s.tags.map((t) => t.Key);
  const tagValues = s.tags.map((t) => t.Value);
  switch (key) {
    case 'name':
      return matcher(values, [s.name], true);
    case 'description':
      return matcher(values, s.description ? [s.description] : [], false);
    case 'tag-key':
      return matcher(values, keys, true);
    case 'tag-value':
      return matcher(values, tagValues, true);
    case 'all':
      return matcher(values, [s.name, ...(s.description ? [s.description] : []), ...keys, ...tagValues], false);
    default:
      return false;
  }
}

function matcher(patterns: readonly string[], strings: readonly string[], prefix: boolean): boolean {
  for (const p of patterns.filter((x) => x.startsWith('!'))) {
    if (strings.some((s) => !matchPattern(p.slice(1), s, prefix))) return true;
  }
  return patterns.filter((x) => !x.startsWith('!')).some((p) => strings.some((s) => matchPattern(p, s, prefix)));
}

function matchPattern(pattern: string, value: string, prefix: boolean): boolean {
  if (prefix) return value.startsWith(pattern);
  const wanted = splitWords(pattern).map((w) => w.toLowerCase());
  if (wanted.length === 0) return false;
  const have = splitWords(value).map((w) => w.toLowerCase());
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

/** Words: split on one kind of separator (/ - _ + = . @) or a space, then at lower→upper case changes. */
export function splitWords(s: string): string[] {
  const parts = s.split(/[\s/_+=.@-]+/).filter((p) => p.length > 0);
  return parts.flatMap((p) => p.split(/(?<=[a-z0-9])(?=[A-Z])/)).filter((p) => p.length > 0);
}
