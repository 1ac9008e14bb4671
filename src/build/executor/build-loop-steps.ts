/**
 * The pieces of the build loop that do not depend on where commands run, shared by the local and
 * the container runners: which state-machine event a phase's outcome becomes, how a crash inside a
 * phase is recorded, the buildspec's on-failure settings, and the final result.
 */
import type { BuildPlan, Buildspec, Diagnostic } from '../buildspec/index.js';
import type { BuildEvent, BuildState } from './decide.js';
import type { PhaseOutcome } from './hooks.js';
import type { ExportedEnvironmentVariable } from './types.js';
import type { LocalBuildResult } from './local/types.js';

export type Interruption = 'TIMED_OUT' | 'STOPPED';

export function eventFor(reason: Interruption | undefined, outcome: PhaseOutcome | undefined, at: Date): BuildEvent {
  if (reason) return { type: reason, at };
  if (!outcome || outcome.ok) return { type: 'PHASE_SUCCEEDED', at };
  return { type: 'PHASE_FAILED', at, context: outcome.context, ...(outcome.fault ? { fault: true } : {}) };
}

/** A bug or a broken host/engine inside a phase: the build records a FAULT instead of crashing. */
export function phaseFault(err: unknown): PhaseOutcome {
  return { ok: false, fault: true, context: { statusCode: 'INTERNAL_ERROR', message: err instanceof Error ? err.message : String(err) } };
}

export function onFailureOf(plan: BuildPlan | undefined): BuildState['onFailure'] {
  const out: BuildState['onFailure'] = {};
  for (const p of plan?.phases ?? []) if (p.onFailure) out[p.phaseType] = p.onFailure;
  return out;
}

export interface FinishedContext {
  exported?: ExportedEnvironmentVariable[];
  buildspec?: Buildspec;
  diagnostics: Diagnostic[];
}

export function completedResult(state: BuildState, ctx: FinishedContext): LocalBuildResult {
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
