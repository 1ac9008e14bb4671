/** Temp trees for the artifact tests: `{ 'a/b.txt': 'text', 'link': { link: 'a' }, 'x.sh': { text, mode } }`. */
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

export type TreeSpec = Record<string, string | { link: string } | { text: string; mode: number }>;

export async function makeTree(spec: TreeSpec, root?: string): Promise<string> {
  const dir = root ?? (await mkdtemp(join(tmpdir(), 'nagare-artifacts-')));
  for (const [path, value] of Object.entries(spec)) {
    const abs = join(dir, path);
    await mkdir(dirname(abs), { recursive: true });
    if (typeof value === 'string') await writeFile(abs, value);
    else if ('link' in value) await symlink(value.link, abs);
    else {
      await writeFile(abs, value.text);
      await chmod(abs, value.mode);
    }
  }
  return dir;
}

export async function tempDir(prefix = 'nagare-artifacts-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeAll(...dirs: string[]): Promise<void> {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
}

export interface CraftedEntry {
  name: string;
  data?: string;
  /** Makes the entry a Unix symlink with this target. */
  link?: string;
  mode?: number;
}

/** A zip built with fflate, entry names taken verbatim (hostile names included). */
export function craftZip(entries: readonly CraftedEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) {
    const mode = e.link !== undefined ? 0o120777 : 0o100000 | (e.mode ?? 0o644);
    files[e.name] = [strToU8(e.link ?? e.data ?? ''), { os: 3, attrs: (mode << 16) >>> 0, mtime: new Date(2020, 0, 1) }];
  }
  return zipSync(files);
}
