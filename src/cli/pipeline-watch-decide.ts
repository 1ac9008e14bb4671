/**
 * The decisions of `nagare pipeline watch`, kept pure: which execution to follow, when it is over,
 * the exit code, and what an error means (stop now, or retry the poll).
 *
 * Exit codes (also in the --help text): 0 Succeeded; 1 Failed; 2 Stopped, Cancelled or Superseded;
 * 3 usage error, nagare unreachable, unknown pipeline/execution or an unexpected API error;
 * 130 the user stopped watching (Ctrl+C) — the pipeline itself is never touched.
 */
import { isAppError } from '../shared/index.js';
import type { ExecutionSummary } from './pipeline-types.js';

export const EXIT_SUCCEEDED = 0;
export const EXIT_FAILED = 1;
export const EXIT_STOPPED = 2;
export const EXIT_ERROR = 3;
export const EXIT_INTERRUPTED = 130;

/** PipelineExecutionStatus values after which nothing changes any more (spec C.9). */
const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded']);
/** An execution that is still moving: what the watch attaches to when no id is given. */
const ACTIVE = new Set(['InProgress', 'Stopping']);

export function isTerminalExecution(status: string): boolean {
  return TERMINAL.has(status);
}

export function exitCodeForStatus(status: string): number {
  switch (status) {
    case 'Succeeded':
      return EXIT_SUCCEEDED;
    case 'Failed':
      return EXIT_FAILED;
    case 'Stopped':
    case 'Cancelled':
    case 'Superseded':
      return EXIT_STOPPED;
    default:
      // Not terminal: callers only ask once the execution is over. A status we do not know is an error.
      return EXIT_ERROR;
  }
}

export type Target =
  | { kind: 'follow'; executionId: string; startTime?: number | string; lastUpdateTime?: number | string }
  /** Nothing to follow yet: wait for an execution that is not in `known`. */
  | { kind: 'wait'; known: string[] };

/**
 * At start: `--execution-id` if given, else the most recent InProgress/Stopping execution, else
 * wait for the next one. `summaries` are most recent first.
 */
export function initialTarget(summaries: readonly ExecutionSummary[], executionId?: string): Target {
  if (executionId !== undefined) {
    const hit = summaries.find((s) => s.pipelineExecutionId === executionId);
    return hit ? followOf(hit) : { kind: 'follow', executionId };
  }
  const active = summaries.find((s) => ACTIVE.has(s.status));
  if (active) return followOf(active);
  return { kind: 'wait', known: summaries.map((s) => s.pipelineExecutionId) };
}

/** While waiting: the oldest execution that was not there at start (the *next* one), if any. */
export function nextTarget(known: readonly string[], summaries: readonly ExecutionSummary[]): Target {
  const fresh = summaries.filter((s) => !known.includes(s.pipelineExecutionId));
  const next = fresh[fresh.length - 1];
  return next ? followOf(next) : { kind: 'wait', known: [...known] };
}

function followOf(s: ExecutionSummary): Target {
  return {
    kind: 'follow',
    executionId: s.pipelineExecutionId,
    ...(s.startTime !== undefined ? { startTime: s.startTime } : {}),
    ...(s.lastUpdateTime !== undefined ? { lastUpdateTime: s.lastUpdateTime } : {}),
  };
}

export type WatchFailure =
  | { kind: 'unreachable'; detail: string }
  | { kind: 'pipeline-not-found' }
  | { kind: 'execution-not-found' }
  | { kind: 'api'; code: string; message: string; retryable: boolean };

/** What a failed call means. Connection problems, throttling and 5xx may pass; the rest will not. */
export function classifyFailure(err: unknown): WatchFailure {
  if (isAppError(err)) {
    if (err.code === 'PipelineNotFoundException') return { kind: 'pipeline-not-found' };
    if (err.code === 'PipelineExecutionNotFoundException') return { kind: 'execution-not-found' };
    const status = typeof err.details.statusCode === 'number' ? err.details.statusCode : 0;
    const retryable = status >= 500 || /Throttl|TooManyRequests|RequestLimitExceeded/.test(err.code);
    return { kind: 'api', code: err.code, message: firstLine(err.message), retryable };
  }
  return { kind: 'unreachable', detail: causeText(err) };
}

/** Consecutive failed polls tolerated once following (a restarting server); none before the first answer. */
export const MAX_CONSECUTIVE_FAILURES = 5;

export function shouldGiveUp(failure: WatchFailure, consecutiveFailures: number, answeredBefore: boolean): boolean {
  const transient = failure.kind === 'unreachable' || (failure.kind === 'api' && failure.retryable);
  return !answeredBefore || !transient || consecutiveFailures >= MAX_CONSECUTIVE_FAILURES;
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** `fetch failed` says nothing; its cause (ECONNREFUSED 127.0.0.1:4566, a timeout) says what happened. */
function causeText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
  }
  if (err.name === 'TimeoutError') return 'no answer in time';
  return err.message;
}
