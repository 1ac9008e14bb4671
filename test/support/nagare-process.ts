import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './nagare.js';

/**
 * `node bin/nagare.js <args…>` as a child process with full control over argv and environment —
 * for tests of the command itself (flags, env, exit codes, banner, signals). Servers for API tests
 * use startNagare() instead.
 */

export interface NagareProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits until stdout+stderr matches `re`; rejects on exit or timeout, showing the output. */
  waitForOutput(re: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGKILL if still running (cleanup). */
  kill(): Promise<void>;
}

const BIN = join(REPO_ROOT, 'bin', 'nagare.js');

/** Environment without any NAGARE_* from the caller's shell; English unless `env` says otherwise. */
function childEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('NAGARE_') || k === 'LANG' || k === 'LC_ALL' || k === 'LC_MESSAGES') continue;
    out[k] = v;
  }
  for (const [k, v] of Object.entries({ NAGARE_LANG: 'en', NO_COLOR: '1', ...env })) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** `env` adds to a clean environment; a key set to undefined is removed (e.g. NAGARE_LANG). */
export function spawnNagare(args: readonly string[], env: Record<string, string | undefined> = {}): NagareProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.once('exit', (code, signal) => ok({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitForOutput(re, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (re.test(out + err)) return;
        if (done) {
          // Output may still be buffered in the pipes right after exit.
          await new Promise((r) => setTimeout(r, 50));
          if (re.test(out + err)) return;
          throw new Error(`nagare exited (${child.exitCode ?? child.signalCode}) before printing ${re}:\nstdout: ${out}\nstderr: ${err}`);
        }
        if (Date.now() > deadline) throw new Error(`nagare did not print ${re} within ${timeoutMs} ms:\nstdout: ${out}\nstderr: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Runs a short-lived nagare command to completion (e.g. --help, a refused start). */
export async function runNagare(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  timeoutMs = 120_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = spawnNagare(args, env);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
  const { code } = await p.exited;
  clearTimeout(timer);
  // Let the pipes drain.
  await new Promise((r) => setTimeout(r, 20));
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

/** Polls GET <endpoint>/_nagare/health until it answers 200; returns the parsed body. */
export async function waitForHealth(endpoint: string, proc?: NagareProcess, timeoutMs = 120_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) {
      throw new Error(`nagare exited (${proc.child.exitCode ?? proc.child.signalCode}) before becoming healthy:\n${proc.stdout()}\n${proc.stderr()}`);
    }
    try {
      const r = await fetch(`${endpoint}/_nagare/health`);
      if (r.status === 200) return (await r.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${endpoint} did not become healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
