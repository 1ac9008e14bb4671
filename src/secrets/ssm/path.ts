import { PATH_RULES_MESSAGE, ssmError } from './errors.js';

/**
 * Hierarchy paths for GetParametersByPath and the DescribeParameters `Path` filter. A path starts
 * with `/`, has no empty level, and may end with `/`. Matching is done against the level
 * boundary: `/a` covers `/a/x` but not `/ab/x`. Non-recursive means exactly one level below.
 */
const PATH = /^\/(?:[a-zA-Z0-9_.-]+(?:\/[a-zA-Z0-9_.-]+)*\/?)?$/;

export function validatePath(path: string): void {
  if (!PATH.test(path)) throw ssmError('ValidationException', PATH_RULES_MESSAGE, { path });
}

/** `/a` and `/a/` → `/a/`; `/` stays `/`. */
export function pathPrefix(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

export function isUnderPath(name: string, path: string, recursive: boolean): boolean {
  const prefix = pathPrefix(path);
  if (!name.startsWith(prefix) || name.length === prefix.length) return false;
  return recursive || !name.slice(prefix.length).includes('/');
}
