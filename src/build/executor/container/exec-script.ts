/**
 * Runs one command script inside the build container: `<shell> <script>` through the engine's exec,
 * no stdin, stdout and stderr streamed line by line (masked) into the build log — the container
 * counterpart of local/run-script.ts. A command cut short by the container being killed (timeout,
 * StopBuild) ends as `signal: killed`, like a killed local process group.
 */
import { EngineError } from '../../../runtime/index.js';
import type { ExecStream } from '../../../runtime/index.js';
import { MaskedLines } from '../masked-lines.js';
import type { ScriptResult } from '../local/run-script.js';
import type { ContainerContext } from './context.js';

export interface ExecRun {
  shell: string;
  /** The script's path inside the container. */
  scriptPath: string;
  cwd: string;
  env: Record<string, string>;
  user?: string;
}

export async function execScript(ctx: ContainerContext, run: ExecRun): Promise<ScriptResult> {
  if (ctx.interrupt.aborted || ctx.killed || !ctx.containerId) return { exitCode: null, signal: 'SIGKILL' };
  const lines: Record<ExecStream, MaskedLines> = { stdout: new MaskedLines(ctx.masker), stderr: new MaskedLines(ctx.masker) };
  const send = (out: string[]): Promise<void> | undefined => (out.length === 0 ? undefined : ctx.log.output(out));
  let result: ScriptResult;
  try {
    const { exitCode } = await ctx.runtime.exec(
      ctx.containerId,
      { cmd: [run.shell, run.scriptPath], env: run.env, workingDir: run.cwd, ...(run.user ? { user: run.user } : {}) },
      (stream, chunk) => send(lines[stream].push(chunk)),
    );
    result = ctx.killed || exitCode === null ? { exitCode: null, signal: 'SIGKILL' } : { exitCode, signal: null };
  } catch (err) {
    if (ctx.killed) result = { exitCode: null, signal: 'SIGKILL' };
    else if (err instanceof EngineError) result = { exitCode: null, signal: null, startError: err.message };
    else throw err;
  }
  await send(lines.stdout.end());
  await send(lines.stderr.end());
  await ctx.log.idle();
  return result;
}
