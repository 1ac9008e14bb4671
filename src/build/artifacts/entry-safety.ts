/**
 * Zip-slip defence for extractZip: every entry name and symlink target is checked before anything
 * is written. Refused (AppError 'ArchiveEntryUnsafe'): absolute names, drive letters, UNC paths,
 * any `..` segment, NUL bytes; symlinks whose target — resolved through the archive's own links,
 * the way the kernel would — leaves the destination; and entries that would be written through
 * a symlink entry. `\` counts as a separator (Windows-made zips), which is the safe reading.
 */
import { AppError } from '../../shared/index.js';

const MAX_LINK_HOPS = 40; // Linux MAXSYMLINKS

export function unsafe(name: string, why: string): AppError {
  return new AppError('ArchiveEntryUnsafe', `The zip entry ${JSON.stringify(name)} is unsafe: ${why}`, { fault: 'user', details: { entry: name } });
}

/** The entry's path as safe POSIX segments (empty for a root entry like `./`). */
export function safeSegments(name: string): string[] {
  if (name.includes('\0')) throw unsafe(name, 'the name contains a NUL byte');
  const text = name.replace(/\\/gu, '/');
  if (text.startsWith('/')) throw unsafe(name, 'the path is absolute');
  if (/^[A-Za-z]:/u.test(text)) throw unsafe(name, 'the path starts with a drive letter');
  const segments = text.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw unsafe(name, 'the path contains ".."');
  return segments;
}

/** Refuses an entry whose parent path is a symlink entry: writing it would go through the link. */
export function checkNotThroughLink(name: string, segments: readonly string[], links: ReadonlyMap<string, string>): void {
  for (let n = 1; n < segments.length; n++) {
    const parent = segments.slice(0, n).join('/');
    if (links.has(parent)) throw unsafe(name, `it would be written through the symbolic link ${parent}`);
  }
}

/**
 * Resolves a link target inside the archive's virtual tree, following the other link entries,
 * and refuses it when a `..` would climb above the destination or the target is absolute.
 */
export function checkLinkTarget(name: string, linkPath: string, target: string, links: ReadonlyMap<string, string>): void {
  if (target === '' || target.includes('\0')) throw unsafe(name, 'the symbolic link target is empty or contains a NUL byte');
  const text = target.replace(/\\/gu, '/');
  if (text.startsWith('/') || /^[A-Za-z]:/u.test(text)) throw unsafe(name, `the symbolic link points to the absolute path ${target}`);
  const parent = linkPath.split('/').slice(0, -1);
  const result = resolveVirtual(parent, text, links, 0);
  if (result === 'loop') throw unsafe(name, `the symbolic link target ${target} loops through other links`);
  if (result === 'escape') throw unsafe(name, `the symbolic link target ${target} leaves the destination`);
}

function resolveVirtual(dir: string[], target: string, links: ReadonlyMap<string, string>, hops: number): string[] | 'escape' | 'loop' {
  if (hops > MAX_LINK_HOPS) return 'loop';
  let stack = [...dir];
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (stack.length === 0) return 'escape';
      stack.pop();
      continue;
    }
    stack.push(part);
    const link = links.get(stack.join('/'));
    if (link === undefined) continue;
    if (link.startsWith('/') || /^[A-Za-z]:/u.test(link)) return 'escape';
    const resolved = resolveVirtual(stack.slice(0, -1), link.replace(/\\/gu, '/'), links, hops + 1);
    if (typeof resolved === 'string') return resolved;
    stack = resolved;
  }
  return stack;
}
