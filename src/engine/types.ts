/** A durable job row as workers see it. */
export interface Job<P = Record<string, unknown>> {
  id: number;
  kind: string;
  dedupeKey: string | null;
  payload: P;
  status: JobStatus;
  runAt: Date;
  attempt: number;
  maxAttempts: number;
  leasedBy: string | null;
  leaseExpiresAt: Date | null;
  lastError: string | null;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface EnqueueOptions {
  /** When the job becomes due (default: now). Timers are jobs due later. */
  runAt?: Date;
  /** At most one unfinished job per key; enqueueing a duplicate returns the existing id. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** What a handler may do while it runs. */
export interface JobContext {
  /** Aborted when the lease is lost (another worker took over) or the worker stops. */
  signal: AbortSignal;
  workerId: string;
}

/**
 * A handler's outcome. Throwing means an infrastructure fault: the job is retried (if attempts
 * remain and the error is retryable) — a failing *user* command is a result, not a throw.
 */
export type JobHandler<P = Record<string, unknown>> = (job: Job<P>, ctx: JobContext) => Promise<Record<string, unknown> | void>;
