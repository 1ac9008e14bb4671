/**
 * Git sources (CODECOMMIT, GITHUB, GITHUB_ENTERPRISE, BITBUCKET, GITLAB…): `git clone` of any URL
 * this host reaches, local paths included. `sourceVersion` (spec B.3) is a branch, a tag
 * (`refs/heads/x`, `refs/tags/x` or bare), a commit SHA, or `pr/<n>`; absent = the default branch.
 * `gitCloneDepth` 0 = full history. Credentials: what the URL carries; for nagare's own hosted
 * repositories (CODECOMMIT at a `cloneUrlHttp`), the build's key (git-auth.ts).
 */
import { execFile } from 'node:child_process';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gitAuthEnv, type HostedGitAuth } from './git-auth.js';
import { SourceError, type FetchedSource } from './types.js';

export interface GitFetch {
  location: string;
  version?: string;
  depth?: number;
  submodules?: boolean;
  insecureSsl?: boolean;
  dir: string;
  env: Record<string, string>;
  signal: AbortSignal;
  /** The build's key for nagare's own hosted repositories (sent to that origin only). */
  auth?: HostedGitAuth;
}

const SHA = /^[0-9a-f]{7,40}$/i;

export async function fetchGitSource(f: GitFetch): Promise<FetchedSource> {
  const git = (args: string[], cwd?: string): Promise<string> => run(['-c', 'advice.detachedHead=false', ...(f.insecureSsl ? ['-c', 'http.sslVerify=false'] : []), ...args], f, cwd);
  const version = f.version?.trim() || undefined;
  const depth = f.depth !== undefined && f.depth > 0 ? f.depth : undefined;
  // git ignores --depth for plain local paths; file:// makes it apply.
  const url = depth !== undefined && isAbsolute(f.location) ? pathToFileURL(f.location).href : f.location;
  const depthArgs = depth !== undefined ? ['--depth', String(depth)] : [];
  if (version === undefined) {
    await git(['clone', '--quiet', ...depthArgs, '--', url, f.dir]);
  } else if (/^pr\/\d+$/.test(version)) {
    await git(['clone', '--quiet', ...depthArgs, '--', url, f.dir]);
    await git(['fetch', '--quiet', 'origin', `pull/${version.slice(3)}/head`], f.dir);
    await git(['checkout', '--quiet', 'FETCH_HEAD'], f.dir);
  } else if (SHA.test(version)) {
    // A commit may be anywhere in history: clone fully, then check it out.
    await git(['clone', '--quiet', '--no-checkout', '--', f.location, f.dir]);
    await git(['checkout', '--quiet', version], f.dir);
  } else {
    const ref = version.replace(/^refs\/(heads|tags)\//, '');
    await git(['clone', '--quiet', ...depthArgs, '--branch', ref, '--', url, f.dir]);
  }
  if (f.submodules) await git(['submodule', 'update', '--init', '--recursive', '--quiet'], f.dir);
  const head = (await git(['rev-parse', 'HEAD'], f.dir)).trim();
  return { dir: f.dir, repoUrl: f.location, ...(version !== undefined ? { sourceVersion: version } : {}), resolvedSourceVersion: head };
}

function run(args: string[], f: GitFetch, cwd: string | undefined): Promise<string> {
  return runGitIn(args, { ...f.env, ...gitAuthEnv(f.location, f.auth) }, f.signal, cwd);
}

/** Runs the host's git for the worker; a failure is a SourceError naming the git command. */
export function runGitIn(args: string[], env: Record<string, string>, signal: AbortSignal, cwd: string | undefined): Promise<string> {
  return new Promise((ok, fail) => {
    execFile('git', args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, signal, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return ok(stdout);
      const detail = stderr.trim().split('\n').filter(Boolean).pop() ?? err.message;
      fail(new SourceError(`git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''} failed: ${detail}`));
    });
  });
}
