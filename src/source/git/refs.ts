/** Ref plumbing on a bare repository: snapshot, read, create/delete atomically, HEAD. */
import type { SourceDeps } from '../deps.js';
import { ZERO_SHA, type RefUpdate } from '../types.js';
import { GitCommandError, runGit } from './run-git.js';

type GitDeps = Pick<SourceDeps, 'hostPath' | 'dataDir'>;

/** Every ref under refs/ → the object it names (tag objects for annotated tags, as git pushes them). */
export async function snapshotRefs(deps: GitDeps, gitDir: string): Promise<Map<string, string>> {
  const out = await runGit(deps, [`--git-dir=${gitDir}`, 'for-each-ref', '--format=%(objectname) %(refname)']);
  const refs = new Map<string, string>();
  for (const line of out.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) refs.set(line.slice(sp + 1), line.slice(0, sp));
  }
  return refs;
}

/** What changed between two snapshots, in ref order; all-zero ids for created and deleted refs. */
export function diffRefs(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): RefUpdate[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const updates: RefUpdate[] = [];
  for (const ref of [...names].sort()) {
    const b = before.get(ref) ?? ZERO_SHA;
    const a = after.get(ref) ?? ZERO_SHA;
    if (a !== b) updates.push({ ref, before: b, after: a });
  }
  return updates;
}

/** The commit a branch points to, or undefined when there is no such branch. */
export async function readBranch(deps: GitDeps, gitDir: string, branch: string): Promise<string | undefined> {
  try {
    return (await runGit(deps, [`--git-dir=${gitDir}`, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`])).trim() || undefined;
  } catch (err) {
    if (err instanceof GitCommandError && err.exitCode === 1) return undefined;
    throw err;
  }
}

export async function listBranches(deps: GitDeps, gitDir: string): Promise<string[]> {
  const out = await runGit(deps, [`--git-dir=${gitDir}`, 'for-each-ref', '--format=%(refname:lstrip=2)', 'refs/heads/']);
  return out.split('\n').filter((l) => l !== '');
}

/**
 * Moves a ref only if it still holds `expectedOld` (ZERO_SHA: must not exist), so API changes
 * and concurrent pushes never overwrite each other. False when the expectation failed.
 */
export async function compareAndSwapRef(deps: GitDeps, gitDir: string, ref: string, next: string, expectedOld: string): Promise<boolean> {
  const args = next === ZERO_SHA ? ['update-ref', '-d', ref, expectedOld] : ['update-ref', ref, next, expectedOld];
  try {
    await runGit(deps, [`--git-dir=${gitDir}`, ...args]);
    return true;
  } catch (err) {
    if (err instanceof GitCommandError && err.exitCode === 128) return false;
    throw err;
  }
}

/** Points HEAD (what `git clone` checks out) at a branch. */
export async function setHead(deps: GitDeps, gitDir: string, branch: string): Promise<void> {
  await runGit(deps, [`--git-dir=${gitDir}`, 'symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
}
