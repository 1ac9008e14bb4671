/**
 * The build state machine: a pure `decide(state, event) → { next, commands }` (DESIGN.md §3).
 * The executor (local shell today, a container or a remote worker later) performs the commands and
 * feeds back what happened; nothing here does I/O or reads a clock — every event carries its time.
 *
 * Walk (spec A.10): SUBMITTED → QUEUED → PROVISIONING → DOWNLOAD_SOURCE → INSTALL → PRE_BUILD →
 * BUILD → POST_BUILD → UPLOAD_ARTIFACTS → FINALIZING → COMPLETED, with the failure transitions of
 * transitions.ts. A failing user command arrives as PHASE_FAILED — a recorded result, not an error.
 */
import type { OnFailure } from '../buildspec/index.js';
import { hasContexts, isAgentLoggedPhase, isBuildspecPhase, nextInOrder } from './status.js';
import type { BuildPhaseType, BuildspecPhaseType, StatusType, TerminalStatus } from './status.js';
import { nextAfterFailure, shouldRetry } from './transitions.js';
import type { BuildPhase, PhaseContext } from './types.js';

export interface BuildState {
  buildStatus: StatusType;
  currentPhase: BuildPhaseType;
  buildComplete: boolean;
  startTime: Date;
  endTime?: Date;
  phases: BuildPhase[];
  /** `CODEBUILD_BUILD_SUCCEEDING`: true until a phase fails for good (spec A.10, A.14). */
  succeeding: boolean;
  /** Status of the first failure; the build ends with it unless stopped or timed out. */
  failure?: 'FAILED' | 'FAULT';
  /** Retries already used by the current phase (`on-failure: RETRY…`). */
  retries: number;
  /** Per buildspec phase, known once DOWNLOAD_SOURCE has read the buildspec. */
  onFailure: Partial<Record<BuildspecPhaseType, OnFailure>>;
}

export type BuildEvent =
  /** DOWNLOAD_SOURCE read the buildspec: its `on-failure` settings now apply. No transition. */
  | { type: 'PLAN_LOADED'; onFailure: Partial<Record<BuildspecPhaseType, OnFailure>> }
  | { type: 'PHASE_SUCCEEDED'; at: Date }
  /** `fault` marks a service-side problem (FAULT) rather than the user's (FAILED). */
  | { type: 'PHASE_FAILED'; at: Date; context: PhaseContext; fault?: boolean }
  | { type: 'TIMED_OUT'; at: Date }
  | { type: 'STOPPED'; at: Date };

export type BuildCommand =
  /** Do the work of this phase, then report PHASE_SUCCEEDED or PHASE_FAILED. */
  | { type: 'RUN_PHASE'; phaseType: BuildPhaseType; attempt: number; succeeding: boolean }
  /** An agent log line (without the `[Container] <time> ` prefix, which the executor adds). */
  | { type: 'LOG'; message: string }
  /** Kill every process the build started (timeout, StopBuild). */
  | { type: 'TERMINATE' }
  | { type: 'COMPLETE'; buildStatus: TerminalStatus };

export interface Decision {
  next: BuildState;
  commands: BuildCommand[];
}

/** Spec A.10 (`[CBUG:sandbox]` example): the context a timed-out phase carries. */
export const TIMED_OUT_CONTEXT: PhaseContext = { statusCode: 'BUILD_TIMED_OUT', message: 'Build has timed out. ' };
const EMPTY_CONTEXT: PhaseContext = { statusCode: '', message: '' };

export function startBuild(at: Date): Decision {
  const next: BuildState = {
    buildStatus: 'IN_PROGRESS',
    currentPhase: 'SUBMITTED',
    buildComplete: false,
    startTime: at,
    phases: [{ phaseType: 'SUBMITTED', startTime: at }],
    succeeding: true,
    retries: 0,
    onFailure: {},
  };
  return { next, commands: [runPhase(next, 'SUBMITTED')] };
}

export function decide(state: BuildState, event: BuildEvent): Decision {
  if (state.buildComplete) return { next: state, commands: [] };
  switch (event.type) {
    case 'PLAN_LOADED':
      return { next: { ...state, onFailure: event.onFailure }, commands: [] };
    case 'PHASE_SUCCEEDED':
      return advance(closePhase(state, 'SUCCEEDED', event.at, EMPTY_CONTEXT), 'SUCCEEDED', EMPTY_CONTEXT, nextInOrder(state.currentPhase), event.at);
    case 'PHASE_FAILED':
      return failed(state, event.at, event.context, event.fault === true ? 'FAULT' : 'FAILED');
    case 'TIMED_OUT':
      return interrupted(state, 'TIMED_OUT', event.at);
    case 'STOPPED':
      return interrupted(state, 'STOPPED', event.at);
  }
}

function failed(state: BuildState, at: Date, context: PhaseContext, status: 'FAILED' | 'FAULT'): Decision {
  const phase = state.currentPhase;
  const onFailure = isBuildspecPhase(phase) ? state.onFailure[phase] : undefined;
  const closed = closePhase(state, status, at, context);
  if (shouldRetry(onFailure, state.retries, context.message)) {
    const retries = state.retries + 1;
    const reopened = { ...closed, retries, phases: reopen(closed.phases) };
    const note: BuildCommand = { type: 'LOG', message: `Retrying phase ${phase} (retry ${retries} of ${onFailure?.kind === 'RETRY' ? onFailure.count : 0})` };
    return { next: reopened, commands: [...phaseCompleteLogs(phase, status, context), note, runPhase(reopened, phase)] };
  }
  const next = { ...closed, succeeding: false, failure: state.failure ?? status };
  return advance(next, status, context, nextAfterFailure(phase, onFailure), at);
}

/** Timeout and StopBuild end the running phase with that status and complete at once (spec A.10). */
function interrupted(state: BuildState, status: 'TIMED_OUT' | 'STOPPED', at: Date): Decision {
  // The StopBuild sample shows the stopped phase without contexts; a timed-out one carries BUILD_TIMED_OUT.
  const context = status === 'TIMED_OUT' ? TIMED_OUT_CONTEXT : undefined;
  const closed = closePhase(state, status, at, context);
  const done = complete({ ...closed, succeeding: false }, status, at);
  return { next: done.next, commands: [{ type: 'TERMINATE' }, ...done.commands] };
}

function advance(state: BuildState, status: StatusType, context: PhaseContext, to: BuildPhaseType, at: Date): Decision {
  const logs = phaseCompleteLogs(state.currentPhase, status, context);
  if (to === 'COMPLETED') {
    const done = complete(state, state.failure ?? 'SUCCEEDED', at);
    return { next: done.next, commands: [...logs, ...done.commands] };
  }
  const next: BuildState = { ...state, currentPhase: to, retries: 0, phases: [...state.phases, { phaseType: to, startTime: at }] };
  const enter: BuildCommand[] = isBuildspecPhase(to) ? [{ type: 'LOG', message: `Entering phase ${to}` }] : [];
  return { next, commands: [...logs, ...enter, runPhase(next, to)] };
}

function complete(state: BuildState, buildStatus: TerminalStatus, at: Date): Decision {
  const next: BuildState = {
    ...state,
    buildStatus,
    currentPhase: 'COMPLETED',
    buildComplete: true,
    endTime: at,
    phases: [...state.phases, { phaseType: 'COMPLETED', startTime: at }],
  };
  return { next, commands: [{ type: 'COMPLETE', buildStatus }] };
}

/** Ends the last phase record: status, end time, truncated duration, and contexts where AWS has them. */
function closePhase(state: BuildState, status: StatusType, at: Date, context: PhaseContext | undefined): BuildState {
  const phases = state.phases.slice();
  const last = phases[phases.length - 1]!;
  const durationInSeconds = Math.max(0, Math.floor((at.getTime() - last.startTime.getTime()) / 1000));
  phases[phases.length - 1] = {
    phaseType: last.phaseType,
    phaseStatus: status,
    startTime: last.startTime,
    endTime: at,
    durationInSeconds,
    ...(context && hasContexts(last.phaseType) ? { contexts: [context] } : {}),
  };
  return { ...state, phases };
}

/** A retried phase keeps one record (first start time) and runs again; retry records are unverified. */
function reopen(phases: BuildPhase[]): BuildPhase[] {
  const copy = phases.slice();
  const last = copy[copy.length - 1]!;
  copy[copy.length - 1] = { phaseType: last.phaseType, startTime: last.startTime };
  return copy;
}

function phaseCompleteLogs(phase: BuildPhaseType, status: StatusType, context: PhaseContext): BuildCommand[] {
  if (!isAgentLoggedPhase(phase)) return [];
  return [
    { type: 'LOG', message: `Phase complete: ${phase} State: ${status}` },
    { type: 'LOG', message: `Phase context status code: ${context.statusCode} Message: ${context.message}` },
  ];
}

function runPhase(state: BuildState, phaseType: BuildPhaseType): BuildCommand {
  return { type: 'RUN_PHASE', phaseType, attempt: state.retries + 1, succeeding: state.succeeding };
}
