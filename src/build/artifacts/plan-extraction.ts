/**
 * Decides, before a single byte is written, what each zip entry becomes and whether it is safe
 * (entry-safety.ts). Reading every symlink target up front means a malicious archive is refused
 * as a whole instead of half-extracted.
 */
import { AppError } from '../../shared/index.js';
import type { ZipEntry } from './central-directory.js';
import { checkLinkTarget, checkNotThroughLink, safeSegments, unsafe } from './entry-safety.js';
import { readEntryBytes } from './read-entry-data.js';
import type { ZipSource } from './zip-source.js';

export interface PlannedEntry {
  entry: ZipEntry;
  segments: string[];
  kind: 'file' | 'dir' | 'symlink';
  /** Permission bits to apply (setuid/setgid/sticky dropped). */
  mode: number;
  target?: string;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const MAX_LINK_BYTES = 4096; // PATH_MAX

export async function planExtraction(source: ZipSource, entries: readonly ZipEntry[], maxBytes: number | undefined): Promise<PlannedEntry[]> {
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (maxBytes !== undefined && declared > maxBytes) {
    throw new AppError('ArchiveTooLarge', `The zip archive expands to ${declared} bytes, more than the limit of ${maxBytes}`, { fault: 'user' });
  }
  const planned: PlannedEntry[] = [];
  const links = new Map<string, string>();
  for (const entry of entries) {
    const segments = safeSegments(entry.name);
    const kind = kindOf(entry);
    if (segments.length === 0) {
      if (kind === 'dir') continue; // `./`: the destination itself
      throw unsafe(entry.name, 'the name is empty');
    }
    const item: PlannedEntry = { entry, segments, kind, mode: modeOf(entry, kind) };
    if (kind === 'symlink') {
      item.target = new TextDecoder().decode(await readEntryBytes(source, entry, MAX_LINK_BYTES));
      links.set(segments.join('/'), item.target);
    }
    planned.push(item);
  }
  for (const item of planned) {
    checkNotThroughLink(item.entry.name, item.segments, links);
    if (item.target !== undefined) checkLinkTarget(item.entry.name, item.segments.join('/'), item.target, links);
  }
  return planned;
}

function kindOf(entry: ZipEntry): PlannedEntry['kind'] {
  if (entry.name.endsWith('/') || entry.name.endsWith('\\')) return 'dir';
  const type = (entry.unixMode ?? 0) & S_IFMT;
  if (type === S_IFLNK) return 'symlink';
  if (type === S_IFDIR) return 'dir';
  return 'file';
}

/** Unix bits when the zip has them (executables stay executable), else 0644 / 0755. */
function modeOf(entry: ZipEntry, kind: PlannedEntry['kind']): number {
  const bits = (entry.unixMode ?? 0) & 0o777;
  if (kind === 'dir') return bits === 0 ? 0o755 : bits | 0o700; // we must be able to write into it
  return bits === 0 ? 0o644 : bits;
}
