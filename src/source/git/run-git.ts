/**
 * Runs `git` as a child process (no JS git library: the real git is the reference behaviour).
 * The environment is built here, never inherited: no system or global config can change what a
 * hosted repository does, and no prompt can ever block the server.
 */
import { execFile } from 'node:child_process';
import type { SourceDeps } from '../deps.js';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const MAX_OUTPUT = 256 * 1024 * 1024;

export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.filter((a) => !a.startsWith('--git-dir')).slice(0, 3).join(' ')} exited ${exitCode}: ${stderr.trim().split('\n').pop() ?? ''}`);
    this.name = 'GitCommandError';
  }
}

/** The environment every git child (plumbing and http-backend) starts from. */
export function gitEnv(deps: Pick<SourceDeps, 'hostPath' | 'dataDir'>): Record<string, string> {
  return {
    PATH: deps.hostPath || DEFAULT_PATH,
    HOME: deps.dataDir,
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    // Paths we pass after `--` are literal file names, never pathspec magic.
    GIT_LITERAL_PATHSPECS: '1',
  };
}

export interface RunGitOptions {
  cwd?: string;
  /** Extra environment on top of gitEnv. */
  env?: Record<string, string>;
}

/** Runs git and returns stdout as bytes (paths and messages are not necessarily UTF-8). */
export function runGitBuffer(deps: Pick<SourceDeps, 'hostPath' | 'dataDir'>, args: readonly string[], opts: RunGitOptions = {}): Promise<Buffer> {
  return new Promise((ok, fail) => {
    execFile(
      'git',
      args,
      { cwd: opts.cwd ?? deps.dataDir, env: { ...gitEnv(deps), ...opts.env }, encoding: 'buffer', maxBuffer: MAX_OUTPUT },
      (err, stdout, stderr) => {
        if (!err) return ok(stdout);
        const code = typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null;
        fail(new GitCommandError(args, code, stderr.toString('utf8')));
      },
    );
  });
}

export async function runGit(deps: Pick<SourceDeps, 'hostPath' | 'dataDir'>, args: readonly string[], opts: RunGitOptions = {}): Promise<string> {
  return (await runGitBuffer(deps, args, opts)).toString('utf8');
}
