/**
 * The local executor: walks the build state machine (decide.ts) and does each phase's work on this
 * host (spec A.8–A.10). Timeout and StopBuild kill the whole process tree and end the running phase
 * TIMED_OUT / STOPPED. Every outcome — including a broken buildspec or a failing command — is a
 * result; only bugs and broken hosts throw.
 */
import { decide, startBuild } from '../decide.js';
import type { BuildCommand } from '../decide.js';
import { completedResult, eventFor, onFailureOf, phaseFault } from '../build-loop-steps.js';
import type { PhaseOutcome } from '../hooks.js';
import { Masker } from '../masker.js';
import { BuildLog } from './build-log.js';
import { stateFiles } from './context.js';
import type { RunContext } from './context.js';
import { ProcessGroups } from './process-groups.js';
import { runPhase } from './run-phase.js';
import { within } from './within.js';
import type { LocalBuildInput, LocalBuildResult } from './types.js';

const DEFAULT_GRACE_MS = 3000;
/** How long to let an interrupted phase settle before returning (its processes are being killed). */
const SETTLE_MS = 5000;

export async function runLocalBuild(input: LocalBuildInput): Promise<LocalBuildResult> {
  const interrupt = new AbortController();
  let reason: 'TIMED_OUT' | 'STOPPED' | undefined;
  const stop = (why: 'TIMED_OUT' | 'STOPPED'): void => {
    reason ??= why;
    interrupt.abort();
  };
  const masker = new Masker(input.maskValues ?? []);
  const ctx: RunContext = {
    input,
    log: new BuildLog(input.clock, masker, (lines) => input.onLog(lines)),
    masker,
    groups: new ProcessGroups(),
    interrupt: interrupt.signal,
    graceMs: input.killGraceMs ?? DEFAULT_GRACE_MS,
    files: stateFiles(input.scratchDir),
    diagnostics: [],
    projectSecretNames: [],
    shell: 'sh',
    commandCount: 0,
    sourceGranted: false,
  };
  const timer = setTimeout(() => stop('TIMED_OUT'), Math.max(0, input.timeoutMinutes * 60_000));
  const onStop = (): void => stop('STOPPED');
  if (input.signal?.aborted) onStop();
  input.signal?.addEventListener('abort', onStop, { once: true });
  const interrupted = new Promise<undefined>((ok) => interrupt.signal.addEventListener('abort', () => ok(undefined), { once: true }));
  let inFlight: Promise<PhaseOutcome> | undefined;
  let { next: state, commands } = startBuild(input.clock.now());
  try {
    for (;;) {
      await perform(ctx, commands);
      input.onProgress?.(state);
      const run = commands.find((c): c is Extract<BuildCommand, { type: 'RUN_PHASE' }> => c.type === 'RUN_PHASE');
      if (state.buildComplete || !run) break;
      inFlight = reason ? undefined : runPhase(ctx, run.phaseType, run.succeeding).catch((err: unknown) => phaseFault(err));
      const outcome = inFlight ? await Promise.race([inFlight, interrupted]) : undefined;
      if (run.phaseType === 'DOWNLOAD_SOURCE' && ctx.plan) {
        state = decide(state, { type: 'PLAN_LOADED', onFailure: onFailureOf(ctx.plan) }).next;
      }
      ({ next: state, commands } = decide(state, eventFor(reason, outcome, input.clock.now())));
    }
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', onStop);
    if (inFlight) await within(inFlight, SETTLE_MS);
    await ctx.groups.terminateAll(ctx.graceMs);
    await ctx.log.idle();
  }
  return completedResult(state, ctx);
}

async function perform(ctx: RunContext, commands: BuildCommand[]): Promise<void> {
  for (const c of commands) {
    if (c.type === 'LOG') ctx.log.agent(c.message);
    else if (c.type === 'TERMINATE') await ctx.groups.terminateAll(ctx.graceMs);
  }
}




