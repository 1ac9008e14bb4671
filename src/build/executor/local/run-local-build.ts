/**
 * The local executor: walks the build state machine (decide.ts) and does each phase's work on this
 * host (spec A.8–A.10). Timeout and StopBuild kill the whole process tree and end the running phase
 * TIMED_OUT / STOPPED. Every outcome — including a broken buildspec or a failing command — is a
 * result; only bugs and broken hosts throw.
 */
import { decide, startBuild } from '../decide.js';
import type { BuildCommand, BuildEvent, BuildState } from '../decide.js';
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
      inFlight = reason ? undefined : runPhase(ctx, run.phaseType, run.succeeding).catch((err: unknown) => fault(err));
      const outcome = inFlight ? await Promise.race([inFlight, interrupted]) : undefined;
      if (run.phaseType === 'DOWNLOAD_SOURCE' && ctx.plan) {
        state = decide(state, { type: 'PLAN_LOADED', onFailure: onFailureOf(ctx) }).next;
      }
      ({ next: state, commands } = decide(state, eventFor(reason, outcome, input)));
    }
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', onStop);
    if (inFlight) await within(inFlight, SETTLE_MS);
    await ctx.groups.terminateAll(ctx.graceMs);
    await ctx.log.idle();
  }
  return resultOf(state, ctx);
}

async function perform(ctx: RunContext, commands: BuildCommand[]): Promise<void> {
  for (const c of commands) {
    if (c.type === 'LOG') ctx.log.agent(c.message);
    else if (c.type === 'TERMINATE') await ctx.groups.terminateAll(ctx.graceMs);
  }
}

function eventFor(reason: 'TIMED_OUT' | 'STOPPED' | undefined, outcome: PhaseOutcome | undefined, input: LocalBuildInput): BuildEvent {
  const at = input.clock.now();
  if (reason) return { type: reason, at };
  if (!outcome || outcome.ok) return { type: 'PHASE_SUCCEEDED', at };
  return { type: 'PHASE_FAILED', at, context: outcome.context, ...(outcome.fault ? { fault: true } : {}) };
}

/** A bug or a broken host inside a phase: the build records a FAULT instead of crashing. */
function fault(err: unknown): PhaseOutcome {
  return { ok: false, fault: true, context: { statusCode: 'INTERNAL_ERROR', message: err instanceof Error ? err.message : String(err) } };
}

function onFailureOf(ctx: RunContext): BuildState['onFailure'] {
  const out: BuildState['onFailure'] = {};
  for (const p of ctx.plan?.phases ?? []) if (p.onFailure) out[p.phaseType] = p.onFailure;
  return out;
}

function resultOf(state: BuildState, ctx: RunContext): LocalBuildResult {
  if (!state.buildComplete || state.buildStatus === 'IN_PROGRESS' || !state.endTime) throw new Error('build ended without completing');
  return {
    buildStatus: state.buildStatus,
    currentPhase: 'COMPLETED',
    buildComplete: true,
    startTime: state.startTime,
    endTime: state.endTime,
    phases: state.phases,
    ...(ctx.exported ? { exportedEnvironmentVariables: ctx.exported } : {}),
    ...(ctx.buildspec ? { buildspec: ctx.buildspec } : {}),
    diagnostics: ctx.diagnostics,
  };
}
