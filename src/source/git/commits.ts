/** Reading commits: resolve a specifier to a commit id, parse a raw commit object. */
import type { SourceDeps } from '../deps.js';
import type { CommitInfo, GitPerson } from '../types.js';
import { GitCommandError, runGit, runGitBuffer } from './run-git.js';

type GitDeps = Pick<SourceDeps, 'hostPath' | 'dataDir'>;

/** The full id of the commit `spec` names (branch, tag, HEAD, id…), or undefined. Caller validates `spec`. */
export async function resolveCommit(deps: GitDeps, gitDir: string, spec: string): Promise<string | undefined> {
  try {
    const out = (await runGit(deps, [`--git-dir=${gitDir}`, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${spec}^{commit}`])).trim();
    return out === '' ? undefined : out;
  } catch (err) {
    if (err instanceof GitCommandError && (err.exitCode === 1 || err.exitCode === 128)) return undefined;
    throw err;
  }
}

/** The commit with this full id, or undefined when the object is missing or not a commit. */
export async function readCommit(deps: GitDeps, gitDir: string, commitId: string): Promise<CommitInfo | undefined> {
  let raw: Buffer;
  try {
    raw = await runGitBuffer(deps, [`--git-dir=${gitDir}`, 'cat-file', 'commit', commitId]);
  } catch (err) {
    if (err instanceof GitCommandError && err.exitCode === 128) return undefined;
    throw err;
  }
  return parseCommit(commitId, raw.toString('utf8'));
}

/** Parses `git cat-file commit` output: header lines (continuations start with a space), blank line, message. */
export function parseCommit(commitId: string, raw: string): CommitInfo {
  const split = raw.indexOf('\n\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const message = split < 0 ? '' : raw.slice(split + 2);
  let treeId = '';
  const parents: string[] = [];
  let author: GitPerson | undefined;
  let committer: GitPerson | undefined;
  for (const line of head.split('\n')) {
    if (line.startsWith(' ')) continue;
    const sp = line.indexOf(' ');
    const key = line.slice(0, sp);
    const value = line.slice(sp + 1);
    if (key === 'tree') treeId = value;
    else if (key === 'parent') parents.push(value);
    else if (key === 'author') author = parsePerson(value);
    else if (key === 'committer') committer = parsePerson(value);
  }
  const unknown: GitPerson = { name: '', email: '', date: new Date(0), rawDate: '0 +0000' };
  return { commitId, treeId, parents, message, author: author ?? unknown, committer: committer ?? author ?? unknown };
}

/** `Name <email> 1700000000 +0900` → its parts. */
export function parsePerson(value: string): GitPerson {
  const m = /^(.*?) ?<([^>]*)> (\d+) ([+-]\d{4})$/.exec(value);
  if (!m) return { name: value, email: '', date: new Date(0), rawDate: '0 +0000' };
  return { name: m[1]!, email: m[2]!, date: new Date(Number(m[3]) * 1000), rawDate: `${m[3]} ${m[4]}` };
}
