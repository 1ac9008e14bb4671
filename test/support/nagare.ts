import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (test files run from dist/test/…). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO_ROOT, 'bin', 'nagare.js');

export interface NagareOptions {
  /** Reuse a data dir (e.g. after kill9); default: a fresh temp dir removed by stop(). */
  dataDir?: string;
  databaseUrl?: string;
  timeScale?: number;
  env?: Record<string, string>;
  args?: string[];
}

export interface NagareHandle {
  endpoint: string;
  port: number;
  dataDir: string;
  /** SIGTERM and wait; removes the temp data dir unless `keepData`. */
  stop(opts?: { keepData?: boolean }): Promise<void>;
  /** SIGKILL — no chance to clean up; the data dir stays. */
  kill9(): Promise<void>;
  /** Starts a new server process on the same data dir and port. */
  restart(): Promise<NagareHandle>;
  /** What the process printed on stdout/stderr so far. */
  output(): string;
  /** The structured server log. */
  log(): Promise<string>;
  child: ChildProcess;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

/** Starts `node bin/nagare.js up` on a free port and waits until /_nagare/health answers. */
export async function startNagare(opts: NagareOptions = {}, fixedPort?: number): Promise<NagareHandle> {
  const ownsDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'nagare-test-')));
  const port = fixedPort ?? (await freePort());
  const args = [BIN, 'up', '--port', String(port), '--data-dir', dataDir, ...(opts.args ?? [])];
  if (opts.databaseUrl) args.push('--database-url', opts.databaseUrl);
  if (opts.timeScale) args.push('--time-scale', String(opts.timeScale));
  const env: Record<string, string | undefined> = { ...process.env, NAGARE_LANG: 'en', ...opts.env };
  for (const k of Object.keys(env)) if (k.startsWith('NAGARE_') && !(opts.env && k in opts.env) && k !== 'NAGARE_LANG') delete env[k];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nagare exited with ${child.exitCode} before becoming healthy:\n${out}`);
    try {
      const r = await fetch(`${endpoint}/_nagare/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nagare did not become healthy within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const handle: NagareHandle = {
    endpoint,
    port,
    dataDir,
    child,
    output: () => out,
    log: async () => readFile(join(dataDir, 'nagare.log'), 'utf8').catch(() => ''),
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      if (ownsDir && !keepData) await rm(dataDir, { recursive: true, force: true });
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
    async restart() {
      await handle.kill9();
      const next = await startNagare({ ...opts, dataDir }, port);
      if (ownsDir) {
        const stopNext = next.stop.bind(next);
        next.stop = async (o = {}) => {
          await stopNext({ keepData: true });
          if (!o.keepData) await rm(dataDir, { recursive: true, force: true });
        };
      }
      return next;
    },
  };
  return handle;
}
