import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, trackChild } from './cleanup.js';
import { httpCall } from './http.js';
import { freePort } from './ports.js';

/** Repository root (this file runs as dist/bench/lib/nagare.js). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const NAGARE_BIN = join(REPO_ROOT, 'bin', 'nagare.js');

export interface ServerOptions {
  dataDir: string;
  databaseUrl?: string;
  /**
   * nagare's start-up snapshot cache (`--cache-dir`). Default: one temp dir per benchmark process,
   * so a benchmark neither reads nor fills the user's ~/.cache/nagare.
   */
  cacheDir?: string;
  /** How often to ask /_nagare/health while waiting; the startup figure's resolution. */
  pollMs?: number;
  timeoutMs?: number;
  /** More `nagare up` flags (e.g. --build-concurrency 50). */
  args?: readonly string[];
  /** More environment variables for the server (set after the caller's NAGARE_* are removed). */
  env?: Readonly<Record<string, string>>;
}

export interface Server {
  child: ChildProcess;
  pid: number;
  port: number;
  endpoint: string;
  /** Milliseconds from spawn() to the first 200 of GET /_nagare/health. */
  startMs: number;
  output(): string;
  /** SIGTERM and wait for exit (SIGKILL after 10 s); returns the milliseconds it took. */
  stop(): Promise<number>;
}

let sharedCache: Promise<string> | undefined;

/** Spawns `node bin/nagare.js up` on a free loopback port and waits until it is healthy. */
export async function startServer(opts: ServerOptions): Promise<Server> {
  const port = await freePort();
  const cacheDir = opts.cacheDir ?? (await (sharedCache ??= makeTempDir('cache')));
  const args = [NAGARE_BIN, 'up', '--port', String(port), '--host', '127.0.0.1', '--data-dir', opts.dataDir, '--cache-dir', cacheDir];
  if (opts.databaseUrl) args.push('--database-url', opts.databaseUrl);
  args.push(...(opts.args ?? []));
  const env: NodeJS.ProcessEnv = { ...process.env, NAGARE_LANG: 'en' };
  for (const k of Object.keys(env)) if (k.startsWith('NAGARE_') && k !== 'NAGARE_LANG') delete env[k];
  Object.assign(env, opts.env ?? {});
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const pollMs = opts.pollMs ?? 10;
  const deadline = t0 + (opts.timeoutMs ?? 60_000);
  let startMs = Number.NaN;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nagare exited (${child.exitCode ?? child.signalCode}) before becoming healthy:\n${out}`);
    }
    try {
      const r = await httpCall({ port, method: 'GET', path: '/_nagare/health', timeoutMs: 2000 });
      if (r.status === 200) {
        startMs = performance.now() - t0;
        break;
      }
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nagare did not become healthy within ${opts.timeoutMs ?? 60_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  if (child.pid === undefined) throw new Error('nagare has no pid');
  const pid = child.pid;
  return {
    child,
    pid,
    port,
    endpoint: `http://127.0.0.1:${port}`,
    startMs,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return 0;
      const t = performance.now();
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      return performance.now() - t;
    },
  };
}
