/**
 * CodeStarSourceConnection (`FullRepositoryId`) and GitHub v1 (`Owner/Repo`) sources whose
 * repository the server maps to a git URL with `--git-remotes` (config/git-remotes.ts): they read
 * that remote through a mirror (source/mirrors) instead of a hosted repository, and polling
 * watches it (use-cases/poll-sources.ts). An exact id beats `owner/*`, which beats `*`.
 */
import { archiveMirrorCommit, mirrorBranchHead, mirrorCommit, type RemoteRepository } from '../../source/index.js';
import type { PipelineDeps } from '../deps.js';
import type { GitOrigin } from './git-source.js';

const SEGMENT = /^[A-Za-z0-9_.-]+$/;

/** The remote a repository id maps to, or undefined (no rule matches, or the id is not a plain path). */
export function remoteFor(rules: PipelineDeps['gitRemotes'], fullRepositoryId: string): RemoteRepository | undefined {
  const parts = fullRepositoryId.split('/');
  // The id lands in URLs and paths: only plain name segments, never `..` or an empty part.
  if (!rules?.length || parts.length < 2 || !parts.every((p) => SEGMENT.test(p) && p !== '.' && p !== '..')) return undefined;
  const id = fullRepositoryId.toLowerCase();
  const owner = parts.slice(0, -1).join('/');
  const rule =
    rules.find((r) => r.pattern.toLowerCase() === id) ??
    [...rules]
      .filter((r) => r.pattern.endsWith('/*') && id.startsWith(r.pattern.slice(0, -1).toLowerCase()) && r.pattern.split('/').length === parts.length)
      .sort((a, b) => b.pattern.length - a.pattern.length)[0] ??
    rules.find((r) => r.pattern === '*');
  if (!rule) return undefined;
  const url = rule.url.replaceAll('{id}', fullRepositoryId).replaceAll('{owner}', owner).replaceAll('{repo}', parts[parts.length - 1]!);
  return { url };
}

/** A remote as a git source's origin: fetched into its mirror, cloned by builds from its own URL. */
export function remoteOrigin(deps: Pick<PipelineDeps, 'source'>, remote: RemoteRepository): GitOrigin {
  return {
    branchHead: (branch) => mirrorBranchHead(deps.source, remote, branch),
    commit: async (commitId) => {
      const c = await mirrorCommit(deps.source, remote, commitId);
      return { commitId: c.commitId, message: c.message, authorDate: c.author.date, committerDate: c.committer.date };
    },
    archive: (commitId, zip) => archiveMirrorCommit(deps.source, remote, commitId, zip),
    cloneRef: (branch, commitId) => ({ url: remote.url, branch, commitId, hosted: false }),
  };
}
