/**
 * Selects the files of one artifact the way CodeBuild's UPLOAD_ARTIFACTS phase does (spec A.12):
 * expand `base-directory` (itself a glob; several matches are merged and each contributes only its
 * contents), expand every `files` glob inside each base, drop `exclude-paths` (relative to the
 * base), flatten with `discard-paths` (a later file with the same name replaces an earlier one,
 * spec "Surprises" 9). No match at all is AppError 'ArtifactsNoMatch' carrying AWS's message.
 *
 * Logs the agent's lines (`Expanding base directory path: .`, `Assembling file list`,
 * `Expanding <pattern>`, `Skipping invalid file path <pattern>`, `Found N file(s)`).
 */
import { basename, resolve } from 'node:path';
import { compareArchivePaths } from './archive-order.js';
import { artifactsNoMatch, NO_MATCHING_ARTIFACT_PATHS, noMatchingBaseDirectory } from './artifact-messages.js';
import { realRoots } from './confine-path.js';
import { expandBaseDirectory, expandFilePattern } from './expand-pattern.js';
import type { ExpandContext } from './expand-pattern.js';
import { compileGlob, splitPath } from './glob.js';
import type { Glob } from './glob.js';
import type { ArtifactFile, ArtifactSelection, ResolveOptions } from './types.js';
import { DirLister } from './walk-tree.js';

export async function resolveArtifactFiles(spec: ArtifactSelection, rootDir: string, options: ResolveOptions = {}): Promise<ArtifactFile[]> {
  const log = options.onLog ?? (() => undefined);
  const root = resolve(rootDir);
  const ctx: ExpandContext = {
    root,
    roots: await realRoots(root, options.allowedRoots ?? []),
    lister: new DirLister(),
    keepLinks: spec.enableSymlinks ?? false,
    log,
  };
  const baseText = spec.baseDirectory?.trim() || '.';
  log(`Expanding base directory path: ${baseText}`);
  log('Assembling file list');
  log(`Expanding ${baseText}`);
  const bases = await expandBaseDirectory(baseText, ctx);
  if (bases.length === 0) {
    log(`Skipping invalid file path ${baseText}`);
    throw artifactsNoMatch(noMatchingBaseDirectory(baseText), { baseDirectory: baseText });
  }
  const excludes = (spec.excludePaths ?? []).map(compileGlob);
  const selected = new Map<string, ArtifactFile>();
  for (const base of bases) {
    log(`Expanding file paths for base directory ${base.label}`);
    log('Assembling file list');
    for (const pattern of spec.files) {
      log(`Expanding ${pattern}`);
      const found = await expandFilePattern(pattern, base.lexical, ctx);
      if (found.length === 0) log(`Skipping invalid file path ${pattern}`);
      for (const file of found) {
        if (isExcluded(file.archivePath, excludes)) continue;
        const archivePath = spec.discardPaths ? basename(file.archivePath) : file.archivePath;
        selected.delete(archivePath); // last one wins, like a flattened copy overwriting
        selected.set(archivePath, { ...file, archivePath });
      }
    }
  }
  const files = [...selected.values()].sort((a, b) => compareArchivePaths(a.archivePath, b.archivePath));
  if (files.length === 0) throw artifactsNoMatch(NO_MATCHING_ARTIFACT_PATHS, { files: spec.files });
  log(`Found ${files.length} file(s)`);
  return files;
}

/** An exclude glob drops a file when it matches the file or any directory above it. */
function isExcluded(archivePath: string, excludes: readonly Glob[]): boolean {
  if (excludes.length === 0) return false;
  const segments = splitPath(archivePath);
  for (let n = 1; n <= segments.length; n++) {
    const prefix = segments.slice(0, n);
    if (excludes.some((glob) => glob.matches(prefix))) return true;
  }
  return false;
}
