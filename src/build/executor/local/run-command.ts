/**
 * One buildspec command: echo `Running command <cmd>`, write its script (carry-over for 0.2,
 * isolated for 0.1 — spec A.3, A.9), run it as the phase's user, end its output with the blank line
 * the agent prints, and turn a non-zero exit into the agent's failure line and phase context.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandFailure, exitReason, runningCommand } from '../log-format.js';
import type { PhaseContext } from '../types.js';
import type { RunContext } from './context.js';
import { grantReadAndRun, handOver } from './run-as.js';
import type { RunAsUser } from './run-as.js';
import { runScript } from './run-script.js';
import { carryOverScript, isolatedScript } from './shell-script.js';

export type CommandOutcome = { ok: true } | { ok: false; context: PhaseContext };

export async function runCommand(ctx: RunContext, command: string, succeeding: boolean, user: RunAsUser | undefined): Promise<CommandOutcome> {
  const { input, log } = ctx;
  log.agent(runningCommand(command));
  const dir = join(input.scratchDir, `cmd-${++ctx.commandCount}`);
  const scriptPath = join(dir, 'script.sh');
  const options = { succeeding, ...(user ? { identity: { home: user.home, user: user.name } } : {}) };
  const isolated = ctx.plan?.isolatedCommands === true;
  await mkdir(dir, { mode: 0o700 });
  await writeFile(scriptPath, isolated ? isolatedScript(command, options) : carryOverScript(command, ctx.files, options), { mode: 0o600 });
  if (user) await prepareForUser(ctx, [dir, scriptPath], user);
  const env = { ...ctx.env, CODEBUILD_BUILD_SUCCEEDING: succeeding ? '1' : '0' };
  const result = await runScript({
    shell: ctx.shell,
    scriptPath,
    cwd: input.srcDir,
    env,
    ...(user ? { user } : {}),
    interrupt: ctx.interrupt,
    groups: ctx.groups,
    graceMs: ctx.graceMs,
    log,
    masker: ctx.masker,
  });
  await log.output(['']);
  if (result.exitCode === 0) return { ok: true };
  const reason = result.startError ?? exitReason(result.exitCode, result.signal);
  const failure = commandFailure(command, reason);
  log.agent(failure.line);
  return { ok: false, context: { statusCode: 'COMMAND_EXECUTION_ERROR', message: ctx.masker.mask(failure.message) } };
}

/** The run-as user must read its script and own the snapshot files; the source is opened once. */
async function prepareForUser(ctx: RunContext, own: string[], user: RunAsUser): Promise<void> {
  await handOver([ctx.input.scratchDir, ctx.files.envFile, ctx.files.dirFile, ...own], user);
  if (!ctx.sourceGranted) {
    await grantReadAndRun(ctx.input.srcDir);
    ctx.sourceGranted = true;
  }
}
