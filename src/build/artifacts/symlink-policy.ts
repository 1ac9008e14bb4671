/**
 * What a symlink selected by a glob becomes (spec A.12 `enable-symlinks`). With `yes`, internal
 * links are kept as links in the zip; without it the link is followed and its target's bytes are
 * stored. Either way a link whose real target is outside the allowed roots is skipped: following
 * it would copy host files into the artifact. Links to directories are not followed (a Go walk
 * does not descend into them either), but are kept as links with `enable-symlinks: yes`.
 */
import { lstat, stat } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { isInsideAny, realpathOrUndefined } from './confine-path.js';

export type SymlinkDecision =
  | { kind: 'file'; absPath: string }
  | { kind: 'link'; target: string }
  | { kind: 'skip'; reason: string };

export async function decideSymlink(linkAbs: string, roots: readonly string[], keepLinks: boolean): Promise<SymlinkDecision> {
  const target = await realpathOrUndefined(linkAbs);
  if (target === undefined) return { kind: 'skip', reason: 'its target does not exist' };
  if (!isInsideAny(roots, target)) return { kind: 'skip', reason: 'its target is outside the build directory' };
  if (keepLinks) {
    const parent = (await realpathOrUndefined(dirname(linkAbs))) ?? dirname(linkAbs);
    return { kind: 'link', target: relative(parent, target) || '.' };
  }
  const info = await stat(target);
  if (info.isFile()) return { kind: 'file', absPath: target };
  return { kind: 'skip', reason: 'it does not point to a regular file' };
}

/** Whether a path is itself a symlink (the walk reports links; a literal pattern may name one). */
export async function isSymlink(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isSymbolicLink();
  } catch {
    return false;
  }
}
