/** Entry order shared by writeZip and copyFiles, so both packagings see the same files. */
import type { ArtifactFile } from './types.js';

/** Code-unit order: stable across platforms and locales, so zips are byte-for-byte repeatable. */
export function compareArchivePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted by archive path; a repeated path keeps the last file, as copying in order would. */
export function orderEntries(files: readonly ArtifactFile[]): ArtifactFile[] {
  const byPath = new Map<string, ArtifactFile>();
  for (const file of files) byPath.set(file.archivePath, file);
  return [...byPath.values()].sort((a, b) => compareArchivePaths(a.archivePath, b.archivePath));
}
