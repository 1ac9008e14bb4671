/**
 * One buildspec command in the container: the same `Running command`, script (carry-over for 0.2,
 * isolated for 0.1 — spec A.3, A.9), blank line and failure wording as local/run-command.ts; only the
 * process runs through the engine's exec. The script is written to the host scratch directory and
 * named by its path under /codebuild/output/tmp, where that directory is mounted.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandFailure, exitReason, runningCommand } from '../log-format.js';
import type { CommandOutcome } from '../local/run-command.js';
import { carryOverScript, isolatedScript } from '../local/shell-script.js';
import type { ContainerContext } from './context.js';
import { execScript } from './exec-script.js';
import { inContainerScratch } from './paths.js';

export async function runContainerCommand(ctx: ContainerContext, command: string, succeeding: boolean, user: string | undefined): Promise<CommandOutcome> {
  const { log } = ctx;
  log.agent(runningCommand(command));
  const name = `cmd-${++ctx.commandCount}`;
  const dir = join(ctx.hostInput.scratchDir, name);
  const options = { succeeding };
  const isolated = ctx.plan?.isolatedCommands === true;
  await mkdir(dir, { mode: 0o700 });
  await writeFile(join(dir, 'script.sh'), isolated ? isolatedScript(command, options) : carryOverScript(command, ctx.containerFiles, options), { mode: 0o600 });
  const result = await execScript(ctx, {
    shell: ctx.shell,
    scriptPath: inContainerScratch(`${name}/script.sh`),
    cwd: ctx.input.srcDir,
    env: { ...ctx.env, CODEBUILD_BUILD_SUCCEEDING: succeeding ? '1' : '0' },
    ...(user ? { user } : {}),
  });
  await log.output(['']);
  if (result.exitCode === 0) return { ok: true };
  const reason = result.startError ?? exitReason(result.exitCode, result.signal);
  const failure = commandFailure(command, reason);
  log.agent(failure.line);
  return { ok: false, context: { statusCode: 'COMMAND_EXECUTION_ERROR', message: ctx.masker.mask(failure.message) } };
}
