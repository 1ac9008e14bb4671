/**
 * Where `nagare build` runs. AWS builds in a fresh copy of the source; for speed we copy the
 * directory into a temp workspace (`<tmp>/nagare-build-XXXX/src`) — everything, `.git` included so
 * `git rev-parse HEAD` works as in a CodeBuild clone, except nagare's own `.nagare/` data dir at the
 * top. `--in-place` skips the copy and builds in the directory itself. Secondary sources (`-s`) get
 * the same treatment next to it. The scratch dir holds the agent's scripts and env snapshots (secrets
 * included): mode 0700, removed afterwards.
 */
import { constants } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface Workspace {
  srcDir: string;
  secondaryDirs: Record<string, string>;
  scratchDir: string;
  cleanup(): Promise<void>;
}

export async function prepareWorkspace(dir: string, secondaries: Array<{ id: string; path: string }>, inPlace: boolean, tmpRoot: string): Promise<Workspace> {
  const root = await mkdtemp(join(tmpRoot, 'nagare-build-'));
  // Traversable (not listable) so a run-as user can reach the copy.
  await chmod(root, 0o711);
  const scratchDir = join(root, 'tmp');
  await mkdir(scratchDir, { mode: 0o700 });
  const srcDir = inPlace ? dir : await copyTree(dir, join(root, 'src'));
  const secondaryDirs: Record<string, string> = {};
  for (const s of secondaries) secondaryDirs[s.id] = inPlace ? s.path : await copyTree(s.path, join(root, `src_${s.id}`));
  return { srcDir, secondaryDirs, scratchDir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

async function copyTree(from: string, to: string): Promise<string> {
  const skip = join(from, '.nagare');
  await cp(from, to, {
    recursive: true,
    verbatimSymlinks: true,
    preserveTimestamps: true,
    // Copy-on-write clones where the filesystem supports them, plain copies elsewhere.
    mode: constants.COPYFILE_FICLONE,
    filter: (source) => source !== skip,
  });
  return to;
}
