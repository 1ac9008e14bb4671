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
const interruptHooks = new Set<() => Promise<unknown>>();
let installed = false;
/** How long SIGINT/SIGTERM waits for the async hooks (the runner's watchdog SIGKILLs 15 s after SIGTERM). */
const INTERRUPT_GRACE_MS = 12_000;

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
      // Async hooks first (a graceful server stop removes its build containers; a database drop),
      // then the synchronous exit handler kills what is left and removes the temp dirs.
      setTimeout(() => process.exit(130), INTERRUPT_GRACE_MS).unref();
      void Promise.allSettled([...interruptHooks].map((f) => f())).then(() => process.exit(130));
    });
  }
}

/**
 * Runs `fn` (async) on SIGINT/SIGTERM before the process exits, for cleanup that needs more than
 * a SIGKILL: a graceful server stop, dropping a database. Returns a function that unregisters it.
 */
export function onInterrupt(fn: () => Promise<unknown>): () => void {
  install();
  interruptHooks.add(fn);
  return () => interruptHooks.delete(fn);
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
