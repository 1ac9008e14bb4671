/**
 * Git repositories outside nagare (a configured remote URL or a local path), read through a bare
 * mirror under `<dataDir>/git-mirrors/`. The pipeline's CodeStarSourceConnection and GitHub v1
 * sources use it when the server maps their repository to such a URL; polling asks the remote for
 * one branch's tip with `ls-remote` without fetching anything.
 *
 * The URL comes from the server's own configuration, never from an API caller. Even so, only
 * file, http(s), ssh and git transports are allowed (no `ext::` command transports), and every
 * URL is passed after `--`.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceDeps } from '../deps.js';
import { sourceError } from '../errors.js';
import { readCommit, resolveCommit } from '../git/commits.js';
import { archiveZip, diffCommits } from '../git/diff.js';
import { readBranch } from '../git/refs.js';
import { GitCommandError, runGit } from '../git/run-git.js';
import { checkBranchName } from '../names.js';
import type { BranchHead, CommitInfo } from '../types.js';

type Deps = Pick<SourceDeps, 'dataDir' | 'hostPath'>;

export interface RemoteRepository {
  /** A git URL (https://, ssh://, file://, scp-like) or an absolute local path; credentials, if any, in it. */
  url: string;
}

const ALLOWED_PROTOCOLS = 'file:http:https:ssh:git';

/** The branch's tip on the remote, or undefined when the remote has no such branch. */
export async function remoteBranchTip(deps: Deps, remote: RemoteRepository, branchName: string): Promise<string | undefined> {
  const branch = checkBranchName(branchName);
  const out = await remoteGit(deps, remote, ['ls-remote', '--heads', '--', remote.url, `refs/heads/${branch}`]);
  const line = out.split('\n').find((l) => l.endsWith(`\trefs/heads/${branch}`));
  return line?.slice(0, 40);
}

/** Fetches every branch and tag into the mirror (created on first use); returns its git dir. */
export async function syncMirror(deps: Deps, remote: RemoteRepository): Promise<string> {
  const gitDir = mirrorDir(deps, remote.url);
  return serialised(gitDir, async () => {
    if (!(await exists(join(gitDir, 'HEAD')))) {
      await mkdir(gitDir, { recursive: true });
      await runGit(deps, ['init', '--quiet', '--bare', gitDir]);
    }
    await remoteGit(deps, remote, [`--git-dir=${gitDir}`, 'fetch', '--quiet', '--prune', '--force', '--', remote.url, '+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*']);
    return gitDir;
  });
}

/** The branch tip with its commit facts, after bringing the mirror up to date. */
export async function mirrorBranchHead(deps: Deps, remote: RemoteRepository, branchName: string): Promise<BranchHead> {
  const branch = checkBranchName(branchName);
  const gitDir = await syncMirror(deps, remote);
  const commitId = await readBranch(deps, gitDir, branch);
  if (commitId === undefined) throw sourceError('BranchNotFound', `Branch ${branch} does not exist in ${shownUrl(remote.url)}`, { branchName: branch });
  const commit = await mustReadCommit(deps, gitDir, commitId, remote);
  return { ...commit, branchName: branch, authorDate: commit.author.date, committerDate: commit.committer.date };
}

/** One commit of the remote (any branch), fetching first when the mirror does not have it yet. */
export async function mirrorCommit(deps: Deps, remote: RemoteRepository, commitId: string): Promise<CommitInfo> {
  let gitDir = mirrorDir(deps, remote.url);
  const known = (await exists(join(gitDir, 'HEAD'))) ? await resolveCommit(deps, gitDir, commitId) : undefined;
  if (known === undefined) gitDir = await syncMirror(deps, remote);
  return mustReadCommit(deps, gitDir, commitId, remote);
}

/** The tree of a commit as a zip (the CODE_ZIP artifact); the commit must be in the mirror. */
export async function archiveMirrorCommit(deps: Deps, remote: RemoteRepository, commitId: string, destZipPath: string): Promise<void> {
  const gitDir = mirrorDir(deps, remote.url);
  await mustReadCommit(deps, gitDir, commitId, remote);
  await archiveZip(deps, gitDir, commitId, destZipPath);
}

/** Paths touched between two commits of the mirror (null before: every file of `after`). */
export async function mirrorChangedFiles(deps: Deps, remote: RemoteRepository, before: string | null, after: string): Promise<string[]> {
  const gitDir = await syncMirror(deps, remote);
  const paths = new Set<string>();
  for (const d of await diffCommits(deps, gitDir, before ?? undefined, after)) {
    if (d.beforeBlob) paths.add(d.beforeBlob.path);
    if (d.afterBlob) paths.add(d.afterBlob.path);
  }
  return [...paths].sort();
}

/** A URL fit for messages and logs: no user or password. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

function mirrorDir(deps: Deps, url: string): string {
  return join(deps.dataDir, 'git-mirrors', `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.git`);
}

async function mustReadCommit(deps: Deps, gitDir: string, commitId: string, remote: RemoteRepository): Promise<CommitInfo> {
  const commit = /^[0-9a-f]{40}$/.test(commitId) ? await readCommit(deps, gitDir, commitId) : undefined;
  if (!commit) throw sourceError('CommitIdNotFound', `Could not find commit with ID ${commitId} in ${shownUrl(remote.url)}`, { commitId });
  return commit;
}

async function remoteGit(deps: Deps, remote: RemoteRepository, args: string[]): Promise<string> {
  try {
    return await runGit(deps, args, { env: { GIT_ALLOW_PROTOCOL: ALLOWED_PROTOCOLS } });
  } catch (err) {
    if (!(err instanceof GitCommandError)) throw err;
    const reason = err.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit ${err.exitCode}`;
    throw sourceError('RemoteUnavailable', `Could not read ${shownUrl(remote.url)}: ${reason}`);
  }
}

/** One fetch per mirror at a time in this process (git would refuse a second one's ref locks). */
const queues = new Map<string, Promise<unknown>>();
function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  queues.set(key, next);
  void next.finally(() => queues.get(key) === next && queues.delete(key)).catch(() => undefined);
  return next;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
