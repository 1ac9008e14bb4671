/**
 * Unpacks a zip (a CodePipeline input artifact, an S3 source) into destDir (spec A.12, C.10),
 * refusing zip-slip (entry-safety.ts) and keeping Unix modes. Order: directories, files, then
 * symlinks last, so no file is ever written through a link the archive created; every parent on
 * the way is lstat-checked so a link already in destDir is not followed either.
 */
import { constants as fsConstants } from 'node:fs';
import type { Stats } from 'node:fs';
import { chmod, lstat, mkdir, open, realpath, symlink, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/index.js';
import { readCentralDirectory } from './central-directory.js';
import { isInside } from './confine-path.js';
import { unsafe } from './entry-safety.js';
import { planExtraction } from './plan-extraction.js';
import type { PlannedEntry } from './plan-extraction.js';
import { writeEntryTo } from './read-entry-data.js';
import { openZipSource } from './zip-source.js';
import type { ZipSource } from './zip-source.js';

export interface ExtractOptions {
  /** Refuse archives whose declared uncompressed size exceeds this many bytes. */
  maxBytes?: number;
}

export async function extractZip(zip: string | Uint8Array, destDir: string, options: ExtractOptions = {}): Promise<{ files: number }> {
  const source = await openZipSource(zip);
  try {
    const plan = await planExtraction(source, await readCentralDirectory(source), options.maxBytes);
    await mkdir(destDir, { recursive: true });
    const dirs = new SafeDirs(await realpath(destDir));
    const byKind = (kind: PlannedEntry['kind']) => plan.filter((p) => p.kind === kind);
    for (const item of byKind('dir')) await dirs.ensure(item.segments);
    for (const item of byKind('file')) await writeFile(source, dirs, item);
    for (const item of byKind('symlink')) await writeLink(dirs, item);
    for (const item of byKind('dir')) await chmod(join(dirs.root, ...item.segments), item.mode);
    return { files: plan.filter((p) => p.kind !== 'dir').length };
  } finally {
    await source.close();
  }
}

/** Creates directories below root, refusing to pass through anything that is not a real directory. */
class SafeDirs {
  private readonly checked = new Set<string>();
  constructor(readonly root: string) {}

  async ensure(segments: readonly string[]): Promise<string> {
    let dir = this.root;
    for (const segment of segments) {
      dir = join(dir, segment);
      if (this.checked.has(dir)) continue;
      const info = await lstatOrUndefined(dir);
      if (info === undefined) await mkdir(dir).catch(ignoreExists);
      else if (info.isSymbolicLink()) throw unsafe(segments.join('/'), `${dir} is a symbolic link`);
      else if (!info.isDirectory()) throw conflict(segments.join('/'));
      this.checked.add(dir);
    }
    return dir;
  }
}

async function writeFile(source: ZipSource, dirs: SafeDirs, item: PlannedEntry): Promise<void> {
  const path = join(await dirs.ensure(item.segments.slice(0, -1)), item.segments.at(-1)!);
  await clearForFile(path, item);
  const flags = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_TRUNC | fsConstants.O_NOFOLLOW;
  const handle = await open(path, flags, 0o600);
  await handle.chmod(item.mode);
  const stream = handle.createWriteStream(); // owns the handle from here: closes it when done
  try {
    await writeEntryTo(source, item.entry, stream);
  } catch (err) {
    stream.destroy();
    throw err;
  }
}

async function writeLink(dirs: SafeDirs, item: PlannedEntry): Promise<void> {
  const path = join(await dirs.ensure(item.segments.slice(0, -1)), item.segments.at(-1)!);
  await clearForFile(path, item);
  await symlink(item.target!, path);
  // The archive's links were checked virtually; a link already in destDir could still redirect.
  const real = await realpath(path).catch(() => undefined);
  if (real !== undefined && !isInside(dirs.root, real)) {
    await unlink(path);
    throw unsafe(item.entry.name, `the symbolic link resolves to ${real}, outside the destination`);
  }
}

/** A later entry replaces an earlier file or link at the same path, never a directory. */
async function clearForFile(path: string, item: PlannedEntry): Promise<void> {
  const info = await lstatOrUndefined(path);
  if (info?.isDirectory()) throw conflict(item.entry.name);
  if (info) await unlink(path);
}

function conflict(name: string): AppError {
  return new AppError('ArchiveEntryConflict', `The zip entry ${JSON.stringify(name)} clashes with a file or directory of the same name`, { fault: 'user' });
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function ignoreExists(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EEXIST') throw err;
}
