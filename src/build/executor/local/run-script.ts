/**
 * Runs one command script (spec A.9): `<shell> <script>` as the leader of a new process group, no
 * stdin, stdout and stderr streamed line by line (masked) into the build log. Resolves with the exit
 * status; a failing command is a result, not an exception (DESIGN.md §3). On interrupt (timeout,
 * StopBuild) the whole group gets SIGTERM, then SIGKILL after the grace period.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { MaskedLines } from '../masked-lines.js';
import type { Masker } from '../masker.js';
import type { BuildLog } from './build-log.js';
import type { ProcessGroups } from './process-groups.js';
import type { RunAsUser } from './run-as.js';
import { within } from './within.js';

export interface ScriptRun {
  shell: string;
  scriptPath: string;
  cwd: string;
  env: Record<string, string>;
  user?: RunAsUser;
  interrupt: AbortSignal;
  groups: ProcessGroups;
  graceMs: number;
  log: BuildLog;
  masker: Masker;
}

export interface ScriptResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The process could not start (e.g. the shell is not installed): Go's exec error text. */
  startError?: string;
}

/** After exit, how long to wait for the output pipes to close (a `&` job may keep them open). */
const DRAIN_MS = 200;

export async function runScript(run: ScriptRun): Promise<ScriptResult> {
  if (run.interrupt.aborted) return { exitCode: null, signal: 'SIGKILL' };
  const child = spawn(run.shell, [run.scriptPath], {
    cwd: run.cwd,
    env: run.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(run.user ? { uid: run.user.uid, gid: run.user.gid } : {}),
  });
  const started = new Promise<string | undefined>((ok) => {
    child.once('spawn', () => ok(undefined));
    child.once('error', (err: NodeJS.ErrnoException) => ok(err.code === 'ENOENT' ? `exec: "${run.shell}": executable file not found in $PATH` : err.message));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  const closed = Promise.all([pipe(child.stdout, run), pipe(child.stderr, run)]);
  const startError = await started;
  if (startError !== undefined) {
    await closed;
    return { exitCode: null, signal: null, startError };
  }
  const pgid = child.pid!;
  run.groups.track(pgid);
  const onAbort = (): void => void run.groups.terminate(pgid, run.graceMs);
  // An interrupt that came while the process was spawning fired before this listener existed.
  if (run.interrupt.aborted) onAbort();
  else run.interrupt.addEventListener('abort', onAbort, { once: true });
  try {
    const { code, signal } = await exited;
    await within(closed, DRAIN_MS);
    await run.log.idle();
    return { exitCode: code, signal };
  } finally {
    run.interrupt.removeEventListener('abort', onAbort);
  }
}

/** Streams one pipe into the log; pauses the pipe while the log applies backpressure. */
function pipe(stream: Readable, run: ScriptRun): Promise<void> {
  const lines = new MaskedLines(run.masker);
  const send = (out: string[]): void => {
    if (out.length === 0) return;
    const pending = run.log.output(out);
    if (pending) {
      stream.pause();
      void pending.then(() => stream.resume());
    }
  };
  return new Promise((ok) => {
    stream.on('data', (chunk: Buffer) => send(lines.push(chunk)));
    stream.once('close', () => {
      send(lines.end());
      ok();
    });
  });
}
