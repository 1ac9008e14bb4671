import { AppError, type Clock } from '../shared/index.js';
import type { Queryable } from '../store/index.js';
import type { EnqueueOptions, Job, JobStatus } from './types.js';

interface JobRow {
  id: number;
  kind: string;
  dedupe_key: string | null;
  payload: Record<string, unknown>;
  status: JobStatus;
  run_at: Date;
  attempt: number;
  max_attempts: number;
  leased_by: string | null;
  lease_expires_at: Date | null;
  last_error: string | null;
}

const toJob = (r: JobRow): Job => ({
  id: r.id,
  kind: r.kind,
  dedupeKey: r.dedupe_key,
  payload: r.payload,
  status: r.status,
  runAt: r.run_at,
  attempt: r.attempt,
  maxAttempts: r.max_attempts,
  leasedBy: r.leased_by,
  leaseExpiresAt: r.lease_expires_at,
  lastError: r.last_error,
});

/**
 * SQL for the jobs table. Every method takes the Queryable to run on, so callers can enqueue
 * inside the same transaction that records the state change that needs the job (DESIGN.md §3:
 * "write the new state and its outgoing commands in one transaction"). Times come from the Clock,
 * never from the database's now(), so tests with a FakeClock see due times move.
 */
export class JobQueue {
  private readonly listeners = new Set<(kind: string) => void>();

  constructor(private readonly clock: Clock) {}

  /**
   * Told (after the INSERT, before the caller's transaction commits) about every job enqueued in
   * this process that is due now: workers of this process use it to claim at once instead of at
   * their next poll. Returns the unsubscribe function.
   */
  onEnqueued(listener: (kind: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async enqueue(q: Queryable, kind: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<number> {
    const now = this.clock.now();
    if (opts.dedupeKey !== undefined) {
      const existing = await q.query<{ id: number }>(
        `SELECT id FROM jobs WHERE dedupe_key = $1 AND status IN ('queued','running')`,
        [opts.dedupeKey],
      );
      if (existing.rows[0]) return existing.rows[0].id;
    }
    const r = await q.query<{ id: number }>(
      `INSERT INTO jobs (kind, dedupe_key, payload, run_at, max_attempts, created_at, updated_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $6) RETURNING id`,
      [kind, opts.dedupeKey ?? null, JSON.stringify(payload), opts.runAt ?? now, opts.maxAttempts ?? 3, now],
    );
    if (opts.runAt === undefined || opts.runAt.getTime() <= now.getTime()) for (const listener of this.listeners) listener(kind);
    return r.rows[0]!.id;
  }

  /**
   * Claims one due job of the given kinds: a queued job whose run_at has come, or a running job
   * whose lease expired (its worker died). SKIP LOCKED lets many workers claim concurrently.
   */
  async claim(q: Queryable, kinds: readonly string[], workerId: string, leaseMs: number): Promise<Job | undefined> {
    const now = this.clock.now();
    const r = await q.query<JobRow>(
      `UPDATE jobs SET status = 'running', leased_by = $3, lease_expires_at = $4, attempt = attempt + 1, updated_at = $2
       WHERE id = (
         SELECT id FROM jobs
         WHERE kind = ANY($1::text[])
           AND ((status = 'queued' AND run_at <= $2) OR (status = 'running' AND lease_expires_at < $2))
         ORDER BY run_at, id
         FOR UPDATE SKIP LOCKED
         LIMIT 1)
       RETURNING *`,
      [kinds, now, workerId, new Date(now.getTime() + leaseMs)],
    );
    return r.rows[0] ? toJob(r.rows[0]) : undefined;
  }

  /** Extends the lease; false means the lease was lost (expired and taken, or the job ended). */
  async heartbeat(q: Queryable, id: number, workerId: string, leaseMs: number): Promise<boolean> {
    const now = this.clock.now();
    const r = await q.query(
      `UPDATE jobs SET lease_expires_at = $3, updated_at = $4 WHERE id = $1 AND leased_by = $2 AND status = 'running'`,
      [id, workerId, new Date(now.getTime() + leaseMs), now],
    );
    return r.rowCount === 1;
  }

  async complete(q: Queryable, id: number, workerId: string, result: Record<string, unknown> = {}): Promise<boolean> {
    const r = await q.query(
      `UPDATE jobs SET status = 'succeeded', result = $3::jsonb, lease_expires_at = NULL, updated_at = $4
       WHERE id = $1 AND leased_by = $2 AND status = 'running'`,
      [id, workerId, JSON.stringify(result), this.clock.now()],
    );
    return r.rowCount === 1;
  }

  /**
   * Records a failed attempt: requeued after `retryDelayMs` while attempts remain and the error is
   * retryable, otherwise failed for good. Returns the job's new status (undefined if the lease was lost).
   */
  async fail(q: Queryable, id: number, workerId: string, error: string, retryable: boolean, retryDelayMs = 1000): Promise<JobStatus | undefined> {
    const now = this.clock.now();
    const r = await q.query<{ status: JobStatus }>(
      `UPDATE jobs SET
         status = CASE WHEN $4 AND attempt < max_attempts THEN 'queued' ELSE 'failed' END,
         run_at = $5, last_error = $3, leased_by = NULL, lease_expires_at = NULL, updated_at = $6
       WHERE id = $1 AND leased_by = $2 AND status = 'running'
       RETURNING status`,
      [id, workerId, error.slice(0, 4000), retryable, new Date(now.getTime() + retryDelayMs), now],
    );
    return r.rows[0]?.status;
  }

  /**
   * Expires every running job's lease now, so the next claim takes it over. Only for a store no
   * other live process can hold leases in (embedded PGlite, whose data dir is locked to one process):
   * after a crash, jobs are retried at once instead of after a full lease.
   */
  async expireAllLeases(q: Queryable): Promise<number> {
    const now = this.clock.now();
    const r = await q.query(`UPDATE jobs SET lease_expires_at = $1, updated_at = $2 WHERE status = 'running'`, [new Date(now.getTime() - 1), now]);
    return r.rowCount;
  }

  /** Cancels an unfinished job (e.g. a timer that no longer matters). */
  async cancel(q: Queryable, id: number): Promise<boolean> {
    const r = await q.query(
      `UPDATE jobs SET status = 'cancelled', leased_by = NULL, lease_expires_at = NULL, updated_at = $2
       WHERE id = $1 AND status IN ('queued','running')`,
      [id, this.clock.now()],
    );
    return r.rowCount === 1;
  }

  async get(q: Queryable, id: number): Promise<Job> {
    const r = await q.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
    if (!r.rows[0]) throw new AppError('JobNotFound', `job ${id} does not exist`, { fault: 'system' });
    return toJob(r.rows[0]);
  }

  /** Jobs that exhausted their attempts: surfaced so a build/execution can be failed with a reason. */
  async countByStatus(q: Queryable, kind: string): Promise<Record<JobStatus, number>> {
    const r = await q.query<{ status: JobStatus; n: number }>('SELECT status, count(*)::int AS n FROM jobs WHERE kind = $1 GROUP BY status', [kind]);
    const out: Record<JobStatus, number> = { queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 };
    for (const row of r.rows) out[row.status] = row.n;
    return out;
  }
}
