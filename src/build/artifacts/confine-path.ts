/**
 * Keeps artifact and report selection inside the build's own directories. AWS runs the build in
 * a disposable container, so `../x` or `/tmp/x` are harmless there; nagare's local executor runs
 * on the host, so a path may only resolve into rootDir or an explicitly allowed root, checked on
 * the *real* path (symlinks resolved). Anything else is treated as a path that matched nothing.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compileGlob, hasWildcard, splitPath } from './glob.js';
import type { Glob } from './glob.js';

/** True when `p` is `root` or below it (both absolute and normalised). */
export function isInside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export function isInsideAny(roots: readonly string[], p: string): boolean {
  return roots.some((root) => isInside(root, p));
}

/** Real paths of rootDir and the allowed roots; missing ones are dropped. */
export async function realRoots(rootDir: string, allowed: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const dir of [rootDir, ...allowed]) {
    const real = await realpathOrUndefined(resolve(dir));
    if (real !== undefined) out.push(real);
  }
  return out;
}

export async function realpathOrUndefined(p: string): Promise<string | undefined> {
  try {
    return await realpath(p);
  } catch {
    return undefined;
  }
}

/**
 * Where a pattern's walk starts: its leading wildcard-free segments resolved against `baseAbs`
 * (or `/` when absolute), and the glob for the rest. `lexical` is the path as written (for
 * archive names); `real` is what is read. Undefined when the start lies outside every root, does
 * not exist, or the wildcard part climbs with `..`.
 */
export interface Anchor {
  lexical: string;
  real: string;
  rest?: Glob;
}

export async function anchorPattern(pattern: string, baseAbs: string, roots: readonly string[]): Promise<Anchor | undefined> {
  const segments = splitPath(pattern);
  let i = 0;
  while (i < segments.length && !hasWildcard(segments[i]!)) i++;
  const rest = segments.slice(i);
  if (rest.includes('..')) return undefined;
  const lexical = resolve(pattern.startsWith('/') ? '/' : baseAbs, ...segments.slice(0, i));
  const real = await realpathOrUndefined(lexical);
  if (real === undefined || !isInsideAny(roots, real)) return undefined;
  return rest.length === 0 ? { lexical, real } : { lexical, real, rest: compileGlob(rest.join('/')) };
}
