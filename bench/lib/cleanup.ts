import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Last-resort cleanup: whatever a benchmark started (server processes, temp dirs) is killed and
 * removed when the process exits — normally, on an uncaught error, or on SIGINT/SIGTERM (the
 * runner's watchdog). Benchmarks still clean up in `finally`; this catches what they could not.
 */
const children = new Set<ChildProcess>();
const dirs = new Set<string>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      process.stderr.write(`\n${sig}: stopping servers and removing temp files\n`);
      process.exit(130);
    });
  }
}

export function trackChild(c: ChildProcess): void {
  install();
  children.add(c);
  c.once('exit', () => children.delete(c));
}

/** A fresh directory under the OS temp dir, removed on exit unless removed earlier with `removeTempDir`. */
export async function makeTempDir(prefix: string): Promise<string> {
  install();
  const d = await mkdtemp(join(tmpdir(), `nagare-bench-${prefix}-`));
  dirs.add(d);
  return d;
}

export async function removeTempDir(d: string): Promise<void> {
  await rm(d, { recursive: true, force: true });
  dirs.delete(d);
}
