/**
 * Include/exclude criteria evaluation (spec C.6): a value passes when it matches some include (or
 * no includes are given) and no exclude — excludes win. Patterns are Java NIO globs, compiled once
 * per criteria and cached, because the same pipeline declaration is matched against every push.
 */
import { compileGlob, type Glob } from './glob.js';
import type { GitFilterCriteria } from './trigger-types.js';

export interface CompiledCriteria {
  includes: Glob[] | undefined;
  excludes: Glob[];
}

const cache = new WeakMap<GitFilterCriteria, CompiledCriteria>();

/** Throws GlobSyntaxError for an invalid pattern (validation should have caught it earlier). */
export function compileCriteria(criteria: GitFilterCriteria): CompiledCriteria {
  let c = cache.get(criteria);
  if (!c) {
    c = {
      includes: criteria.includes && criteria.includes.length > 0 ? criteria.includes.map(compileGlob) : undefined,
      excludes: (criteria.excludes ?? []).map(compileGlob),
    };
    cache.set(criteria, c);
  }
  return c;
}

export function criteriaAccepts(criteria: GitFilterCriteria, value: string): boolean {
  const c = compileCriteria(criteria);
  if (c.excludes.some((g) => g.matches(value))) return false;
  return c.includes === undefined || c.includes.some((g) => g.matches(value));
}

/**
 * File paths: the criteria passes when at least one changed file passes on its own (included and
 * not excluded). So `excludes: ['docs/**']` still fires when a push touches docs/ and src/.
 */
export function filePathsAccept(criteria: GitFilterCriteria, files: readonly string[]): boolean {
  return files.some((f) => criteriaAccepts(criteria, f));
}
