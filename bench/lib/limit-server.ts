import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { trackChild } from './cleanup.js';

export interface LimitServer {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

/** Starts bench/lib/limit-server-main.ts in its own process and waits for its port. */
export async function startLimitServer(): Promise<LimitServer> {
  const main = fileURLToPath(new URL('./limit-server-main.js', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [main], { stdio: ['ignore', 'pipe', 'inherit'] });
  trackChild(child);
  const port = await new Promise<number>((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) ok(Number(out.trim()));
    });
    child.once('exit', (code) => fail(new Error(`limit server exited with ${code}`)));
  });
  if (child.pid === undefined) throw new Error('limit server has no pid');
  return {
    pid: child.pid,
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
