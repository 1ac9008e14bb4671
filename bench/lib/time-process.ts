import { spawn } from 'node:child_process';
import { trackChild } from './cleanup.js';

/** Milliseconds from spawn() to exit of `cmd args` (stdout/stderr discarded); throws on non-zero exit. */
export async function timeProcess(cmd: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(env ? { env } : {}) });
  trackChild(child);
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((ok) => child.once('close', (c) => ok(c)));
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${err}`);
  return ms;
}
