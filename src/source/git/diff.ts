/** Tree differences between two commits (`git diff-tree`, no rename detection: A/M/D like CodeCommit). */
import type { SourceDeps } from '../deps.js';
import type { ChangeType, FileDifference } from '../types.js';
import { GitCommandError, runGitBuffer } from './run-git.js';

type GitDeps = Pick<SourceDeps, 'hostPath' | 'dataDir'>;

/** git's well-known empty tree: diffing against it lists every file of a commit as added. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Differences from `before` (undefined: nothing) to `after`, limited to `paths` (files or folders) when given. */
export async function diffCommits(deps: GitDeps, gitDir: string, before: string | undefined, after: string, paths: readonly string[] = []): Promise<FileDifference[]> {
  const args = [`--git-dir=${gitDir}`, 'diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', '--full-index', before ?? EMPTY_TREE, after];
  if (paths.length > 0) args.push('--', ...paths);
  return parseRawDiff(await runGitBuffer(deps, args));
}

/**
 * Parses `diff-tree -z` raw output: `:<mode> <mode> <sha> <sha> <status>\0<path>\0` per file.
 * Type changes (T) count as modifications.
 */
export function parseRawDiff(out: Buffer): FileDifference[] {
  const fields = out.toString('utf8').split('\0');
  const diffs: FileDifference[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = fields[i]!;
    const path = fields[i + 1]!;
    const m = /^:(\d{6}) (\d{6}) ([0-9a-f]{40}) ([0-9a-f]{40}) ([AMDT])/.exec(meta);
    if (!m) continue;
    const changeType: ChangeType = m[5] === 'A' ? 'A' : m[5] === 'D' ? 'D' : 'M';
    diffs.push({
      ...(changeType !== 'A' ? { beforeBlob: { blobId: m[3]!, path, mode: m[1]! } } : {}),
      ...(changeType !== 'D' ? { afterBlob: { blobId: m[4]!, path, mode: m[2]! } } : {}),
      changeType,
    });
  }
  return diffs;
}

/** Whether `path` (file or folder) exists in the tree of `commit`. */
export async function pathExists(deps: GitDeps, gitDir: string, commit: string, path: string): Promise<boolean> {
  try {
    await runGitBuffer(deps, [`--git-dir=${gitDir}`, 'cat-file', '-e', `${commit}:${path}`]);
    return true;
  } catch (err) {
    if (err instanceof GitCommandError) return false;
    throw err;
  }
}

/** A zip of the tree at `commit` (no .git), written to `dest`. */
export async function archiveZip(deps: GitDeps, gitDir: string, commit: string, dest: string): Promise<void> {
  await runGitBuffer(deps, [`--git-dir=${gitDir}`, 'archive', '--format=zip', `--output=${dest}`, commit]);
}
