/**
 * Expands one `base-directory` or `files` entry to paths (spec A.12). Patterns select files;
 * a directory matched by a pattern contributes nothing by itself: the documented way to take a
 * whole directory is a `**` glob below it, and whether AWS expands a bare `- dist` is unverified
 * (spec A.12), so we keep to what the documentation promises.
 */
import { lstat, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { anchorPattern, isInside, isInsideAny, realpathOrUndefined } from './confine-path.js';
import { decideSymlink } from './symlink-policy.js';
import type { ArtifactFile } from './types.js';
import { findMatches } from './walk-tree.js';
import type { DirLister, EntryKind } from './walk-tree.js';

export interface ExpandContext {
  root: string;
  roots: string[];
  lister: DirLister;
  keepLinks: boolean;
  log: (line: string) => void;
}

export interface BaseDirectory {
  /** Lexical absolute path (as written, resolved against rootDir). */
  lexical: string;
  /** How the log names it: relative to rootDir, like the agent's `Expanding file paths for base directory X`. */
  label: string;
}

export async function expandBaseDirectory(pattern: string, ctx: ExpandContext): Promise<BaseDirectory[]> {
  const anchor = await anchorPattern(pattern, ctx.root, ctx.roots);
  if (!anchor) return [];
  if (!anchor.rest) return (await isDirectory(anchor.real)) ? [{ lexical: anchor.lexical, label: pattern }] : [];
  const out: BaseDirectory[] = [];
  for (const entry of await findMatches(anchor.real, anchor.rest, 'dir', ctx.lister)) {
    if (entry.kind === 'symlink') {
      const real = await realpathOrUndefined(entry.abs);
      if (real === undefined || !isInsideAny(ctx.roots, real) || !(await isDirectory(real))) continue;
    }
    const lexical = join(anchor.lexical, ...entry.segments);
    out.push({ lexical, label: displayPath(lexical, ctx.root) });
  }
  return out;
}

/** The files one `files` entry selects below `base`; archivePath is before discard-paths. */
export async function expandFilePattern(pattern: string, base: string, ctx: ExpandContext): Promise<ArtifactFile[]> {
  const anchor = await anchorPattern(pattern, base, ctx.roots);
  if (!anchor) return [];
  if (!anchor.rest) {
    const kind = await kindOf(anchor.lexical);
    const file = kind && (await toArtifactFile(kind, kind === 'symlink' ? anchor.lexical : anchor.real, anchor.lexical, base, ctx));
    return file ? [file] : [];
  }
  const out: ArtifactFile[] = [];
  for (const entry of await findMatches(anchor.real, anchor.rest, 'file', ctx.lister)) {
    const file = await toArtifactFile(entry.kind, entry.abs, join(anchor.lexical, ...entry.segments), base, ctx);
    if (file) out.push(file);
  }
  return out;
}

async function toArtifactFile(kind: EntryKind, abs: string, lexical: string, base: string, ctx: ExpandContext): Promise<ArtifactFile | undefined> {
  const archivePath = displayPath(lexical, base);
  if (kind === 'file') return { absPath: abs, archivePath };
  if (kind === 'dir') return undefined;
  const decision = await decideSymlink(abs, ctx.roots, ctx.keepLinks);
  if (decision.kind === 'file') return { absPath: decision.absPath, archivePath };
  if (decision.kind === 'link') return { absPath: abs, archivePath, symlink: decision.target };
  ctx.log(`Skipping symbolic link ${archivePath}: ${decision.reason}`);
  return undefined;
}

/**
 * POSIX path of `lexical` relative to `from`; a path outside `from` (an absolute pattern into an
 * allowed root) keeps its absolute path without the leading `/`, as `zip` names such entries.
 */
function displayPath(lexical: string, from: string): string {
  const rel = isInside(from, lexical) ? relative(from, lexical) : lexical.replace(/^[/\\]+/u, '');
  return rel.split(sep).join('/') || '.';
}

async function kindOf(p: string): Promise<EntryKind | undefined> {
  try {
    const info = await lstat(p);
    return info.isSymbolicLink() ? 'symlink' : info.isFile() ? 'file' : info.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
