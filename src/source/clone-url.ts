/**
 * Where a hosted repository is served: `<endpoint>/git/<region>/<accountId>/v1/repos/<name>`.
 * The tail mirrors AWS's `https://git-codecommit.<region>.amazonaws.com/v1/repos/<name>`; region
 * and account sit in the path because one nagare port serves every region, and a URL alone then
 * names its repository (CodeBuild sources and pipelines map it back with repositoryByCloneUrl).
 */
import { repositoryNameProblem } from './names.js';
import type { SourceScope } from './types.js';

export const GIT_ROUTE_PREFIX = '/git/';

const REGION = /^[a-z0-9-]{1,32}$/;
const ACCOUNT = /^\d{12}$/;

export function cloneUrlHttp(endpoint: string, scope: SourceScope, name: string): string {
  return `${endpoint.replace(/\/+$/, '')}/git/${scope.region}/${scope.accountId}/v1/repos/${name}`;
}

/** nagare serves no SSH; the URL keeps AWS's shape so tools that print it still work. */
export function cloneUrlSsh(endpoint: string, scope: SourceScope, name: string): string {
  const host = new URL(endpoint).hostname;
  return `ssh://${host}/git/${scope.region}/${scope.accountId}/v1/repos/${name}`;
}

export interface GitPath {
  scope: SourceScope;
  name: string;
  /** What follows the repository: `info/refs`, `git-upload-pack`, `git-receive-pack`, … ('' for none). */
  rest: string;
}

/**
 * Splits a request path (percent-encoded, without query) under /git/. Undefined unless every part
 * is well-formed: region, 12-digit account, a valid repository name. Percent-escapes are refused
 * outright — no valid name needs one, and refusing them keeps `..` and `/` out in every spelling.
 */
export function parseGitPath(rawPath: string): GitPath | undefined {
  if (!rawPath.startsWith(GIT_ROUTE_PREFIX) || rawPath.includes('%')) return undefined;
  const parts = rawPath.slice(GIT_ROUTE_PREFIX.length).split('/');
  const [region, accountId, v1, repos, name, ...rest] = parts;
  if (region === undefined || accountId === undefined || name === undefined) return undefined;
  if (!REGION.test(region) || !ACCOUNT.test(accountId) || v1 !== 'v1' || repos !== 'repos') return undefined;
  if (repositoryNameProblem(name) !== undefined) return undefined;
  if (rest.some((p) => p === '' || p === '.' || p === '..') && !(rest.length === 1 && rest[0] === '')) return undefined;
  return { scope: { region, accountId }, name, rest: rest.join('/') };
}

/**
 * Maps a clone URL back to its repository: nagare's own form on any host, or AWS's
 * `https://git-codecommit.<region>.amazonaws.com/v1/repos/<name>` when the caller says which
 * account it acts in (a CodeBuild project copied from AWS keeps that location).
 */
export function repositoryByCloneUrl(url: string, opts: { accountId?: string } = {}): { scope: SourceScope; name: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const path = u.pathname.replace(/\/+$/, '');
  const own = parseGitPath(path);
  if (own && own.rest === '') return { scope: own.scope, name: own.name };
  const aws = /^git-codecommit\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(u.hostname);
  const m = /^\/v1\/repos\/([^/]+)$/.exec(path);
  if (aws && m && opts.accountId !== undefined && repositoryNameProblem(m[1]!) === undefined) {
    return { scope: { accountId: opts.accountId, region: aws[1]! }, name: m[1]! };
  }
  return undefined;
}
