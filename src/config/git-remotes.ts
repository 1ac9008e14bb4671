/**
 * `--git-remotes`: where CodeStarSourceConnection and GitHub v1 sources read repositories that
 * nagare does not host. A comma-separated list of `PATTERN=URL`:
 *   me/app=/home/me/src/app                 one repository, from a local path
 *   acme/*=https://git.example.com/{id}.git every repository of an owner
 *   *=https://github.com/{id}.git           everything else
 * `{id}` is the whole FullRepositoryId (`owner/repo`), `{owner}` all but its last part, `{repo}`
 * the last part. Patterns match ignoring case; an exact id wins over `owner/*`, which wins over `*`.
 */
export interface GitRemoteRule {
  pattern: string;
  url: string;
}

const SEGMENT = /^[A-Za-z0-9_.-]+$/;

/** The rules, or the first problem (with the offending entry). */
export function parseGitRemotes(text: string | undefined): { rules: GitRemoteRule[] } | { problem: string } {
  const rules: GitRemoteRule[] = [];
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    if (eq <= 0 || eq === entry.length - 1) return { problem: `"${entry}" is not PATTERN=URL (e.g. owner/repo=https://github.com/owner/repo.git)` };
    const pattern = entry.slice(0, eq).trim();
    const url = entry.slice(eq + 1).trim();
    const parts = pattern.split('/');
    const wildcardOk = pattern === '*' || (parts.length >= 2 && parts[parts.length - 1] === '*' && parts.slice(0, -1).every(validSegment));
    if (!wildcardOk && !(parts.length >= 2 && parts.every(validSegment))) {
      return { problem: `"${pattern}" is not a repository pattern: use owner/repo, owner/* or *` };
    }
    const unknown = /\{(?!id\}|owner\}|repo\})[^}]*\}/.exec(url);
    if (unknown) return { problem: `"${url}" has an unknown placeholder ${unknown[0]}: use {id}, {owner} or {repo}` };
    rules.push({ pattern, url });
  }
  return { rules };
}

function validSegment(s: string): boolean {
  return SEGMENT.test(s) && s !== '.' && s !== '..';
}
