/**
 * INSTALL, PRE_BUILD, BUILD, POST_BUILD (spec A.8). `commands` run in order until one fails; the
 * rest are skipped; `finally` runs either way (Surprise 4). The phase succeeds only if every command
 * it ran succeeded; its context is the first failure. An undeclared phase still runs, empty (Surprise 5).
 */
import type { PlannedPhase } from '../../buildspec/index.js';
import type { PhaseOutcome } from '../hooks.js';
import type { PhaseContext } from '../types.js';
import type { RunContext } from './context.js';
import { resolveRunAs } from './run-as.js';
import { runCommand } from './run-command.js';

export async function runBuildspecPhase(ctx: RunContext, phase: PlannedPhase, succeeding: boolean): Promise<PhaseOutcome> {
  if (phase.runtimeVersions) {
    // What the agent says on images without runtime selection (spec A.8); the host's tools are used.
    ctx.log.agent('Skipping install of runtimes. Runtime version selection is not supported by this build image');
  }
  if (phase.commands.length === 0 && phase.finally.length === 0) return { ok: true };
  const runAs = await resolveRunAs(phase.runAs);
  if ('problem' in runAs) {
    const first = phase.commands[0] ?? phase.finally[0] ?? '';
    return { ok: false, context: { statusCode: 'COMMAND_EXECUTION_ERROR', message: `Error while executing command: ${first}. Reason: ${runAs.problem}` } };
  }
  let failure: PhaseContext | undefined;
  for (const block of [phase.commands, phase.finally]) {
    for (const command of block) {
      if (ctx.interrupt.aborted) return { ok: false, context: failure ?? { statusCode: '', message: '' } };
      const outcome = await runCommand(ctx, command, succeeding, runAs.user);
      if (!outcome.ok) {
        failure ??= outcome.context;
        break;
      }
    }
  }
  return failure ? { ok: false, context: failure } : { ok: true };
}
