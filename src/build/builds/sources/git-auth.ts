/**
 * How the worker's git authenticates to nagare's own hosted repositories (spec B.3: on AWS the
 * build's service role pulls from CodeCommit): HTTP Basic with the build's key, as an extra header
 * scoped by git to that one origin, passed in the environment — never on the command line, never
 * written into the clone's config.
 */
import type { BuildCredentials } from '../deps.js';

export interface HostedGitAuth {
  /** Origin of the nagare endpoint (`http://127.0.0.1:4566`). */
  origin: string;
  credentials: BuildCredentials;
}

/** The auth for builds started through `endpoint` (undefined without a key or an endpoint). */
export function hostedGitAuth(deps: { credentials?: BuildCredentials }, endpoint: string | undefined): HostedGitAuth | undefined {
  const origin = endpoint !== undefined ? originOf(endpoint) : undefined;
  return deps.credentials && origin ? { origin, credentials: deps.credentials } : undefined;
}

/** Environment making git send the key to `auth.origin` (and nowhere else) when `url` is there. */
export function gitAuthEnv(url: string, auth: HostedGitAuth | undefined): Record<string, string> {
  if (!auth || originOf(url) !== auth.origin) return {};
  const basic = Buffer.from(`${auth.credentials.accessKeyId}:${auth.credentials.secretAccessKey}`, 'utf8').toString('base64');
  return { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `http.${auth.origin}/.extraHeader`, GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` };
}

export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** A URL as it may be shown (CODEBUILD_SOURCE_REPO_URL, logs): without user and password. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}
