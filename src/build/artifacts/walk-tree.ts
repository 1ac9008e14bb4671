/**
 * Walks a directory for the entries a glob selects, without following symlinked directories
 * (like Go's filepath.Walk): a link is reported as a link and the caller decides (symlink-policy).
 * Listings are cached so several patterns over one tree read each directory once.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Glob } from './glob.js';

export type EntryKind = 'file' | 'dir' | 'symlink';

export interface TreeEntry {
  /** Segments below the walk's start directory. */
  segments: string[];
  /** Real path (the start directory is real and nothing below it is a followed link). */
  abs: string;
  kind: EntryKind;
}

export class DirLister {
  private readonly cache = new Map<string, Dirent[]>();

  async list(dir: string): Promise<Dirent[]> {
    const hit = this.cache.get(dir);
    if (hit) return hit;
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      entries = []; // unreadable or vanished: nothing to select here
    }
    // Code-unit order: the same tree always yields the same order (deterministic zips).
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.cache.set(dir, entries);
    return entries;
  }
}

/** Entries below `start` whose path matches `glob`; `want: 'dir'` selects directories instead of files. */
export async function findMatches(start: string, glob: Glob, want: 'file' | 'dir', lister: DirLister): Promise<TreeEntry[]> {
  const out: TreeEntry[] = [];
  await visit(start, [], glob, want, lister, out);
  return out;
}

async function visit(dir: string, prefix: string[], glob: Glob, want: 'file' | 'dir', lister: DirLister, out: TreeEntry[]): Promise<void> {
  for (const entry of await lister.list(dir)) {
    const segments = [...prefix, entry.name];
    const abs = join(dir, entry.name);
    const kind = kindOf(entry);
    if (kind === undefined) continue; // sockets, fifos, devices never go into an artifact
    if ((kind === 'symlink' || kind === want) && glob.matches(segments)) out.push({ segments, abs, kind });
    if (kind === 'dir' && glob.canDescend(segments)) await visit(abs, segments, glob, want, lister, out);
  }
}

function kindOf(entry: Dirent): EntryKind | undefined {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  return undefined;
}
