/**
 * `packaging: NONE` (spec A.12, `[CBM ProjectArtifacts]`): the artifact is a folder of files
 * rather than one zip. Same order and same last-one-wins rule as writeZip; modes are kept; links
 * (enable-symlinks) stay links. Destination paths are re-checked with the zip-slip rules.
 */
import { constants as fsConstants } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, rm, stat, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { orderEntries } from './archive-order.js';
import { safeSegments } from './entry-safety.js';
import type { ArtifactFile } from './types.js';

export async function copyFiles(files: readonly ArtifactFile[], destDir: string): Promise<void> {
  await mkdir(destDir, { recursive: true });
  for (const file of orderEntries(files)) {
    const target = join(destDir, ...safeSegments(file.archivePath));
    await mkdir(dirname(target), { recursive: true });
    if ((await lstat(target).catch(() => undefined))?.isSymbolicLink()) await rm(target);
    if (file.symlink !== undefined) {
      await rm(target, { force: true });
      await symlink(file.symlink, target);
      continue;
    }
    await copyFile(file.absPath, target, fsConstants.COPYFILE_FICLONE);
    await chmod(target, (await stat(file.absPath)).mode & 0o777);
  }
}
