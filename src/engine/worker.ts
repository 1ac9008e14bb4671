import { errorMessage, isAppError, type Logger } from '../shared/index.js';
import type { Db } from '../store/index.js';
import type { JobQueue } from './job-queue.js';
import type { Job, JobHandler } from './types.js';

export interface WorkerOptions {
  db: Db;
  queue: JobQueue;
  /** Unique per process (and stable within it): shows in leased_by. */
  workerId: string;
  handlers: Readonly<Record<string, JobHandler>>;
  /** Jobs this worker runs at once. */
  concurrency: number;
  /** Lease length; renewed every leaseMs / 3 while the handler runs. */
  leaseMs?: number;
  /** How often to look for due jobs when idle. */
  pollMs?: number;
  logger: Logger;
}

/**
 * Claims due jobs and runs their handlers with leases (DESIGN.md §3). Nothing here is the source
 * of truth: if this process dies, its leases expire and any worker (here after a restart, or on
 * another replica) claims the jobs again with attempt + 1.
 */
export class Worker {
  private readonly running = new Map<number, { controller: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private polling = false;
  /** A wake arrived while a poll was running: poll again right after it. */
  private wakeRequested = false;
  private unsubscribe: (() => void) | undefined;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly kinds: string[];

  constructor(private readonly opts: WorkerOptions) {
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.pollMs = opts.pollMs ?? 250;
    this.kinds = Object.keys(opts.handlers);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // A job enqueued in this process wakes the worker at once (PGlite runs the claim after the
    // enqueueing transaction; on PostgreSQL a claim that ran before its commit is retried shortly).
    this.unsubscribe = this.opts.queue.onEnqueued((kind) => {
      if (!this.kinds.includes(kind)) return;
      this.wake();
      setTimeout(() => this.wake(), 25).unref();
    });
    this.schedule(0);
  }

  /** Look for work now (e.g. right after enqueueing in this process) instead of at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) this.wakeRequested = true;
    else this.schedule(0);
  }

  /** Stops claiming; aborts running handlers and waits for them to settle. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    for (const r of this.running.values()) r.controller.abort(new Error('worker stopping'));
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  get activeJobs(): number {
    return this.running.size;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), ms);
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    if (this.polling) {
      this.wakeRequested = true;
      return;
    }
    this.polling = true;
    this.wakeRequested = false;
    try {
      while (!this.stopped && this.running.size < this.opts.concurrency) {
        const job = await this.opts.queue.claim(this.opts.db, this.kinds, this.opts.workerId, this.leaseMs);
        if (!job) break;
        this.launch(job);
      }
    } catch (err) {
      this.opts.logger.error({ err: errorMessage(err) }, 'job claim failed');
    } finally {
      this.polling = false;
      if (!this.stopped) this.schedule(this.wakeRequested && this.running.size < this.opts.concurrency ? 0 : this.pollMs);
    }
  }

  private launch(job: Job): void {
    const controller = new AbortController();
    const { db, queue, workerId, logger } = this.opts;
    const heartbeat = setInterval(() => {
      queue
        .heartbeat(db, job.id, workerId, this.leaseMs)
        .then((ok) => {
          if (!ok) controller.abort(new Error('lease lost'));
        })
        .catch((err: unknown) => logger.warn({ jobId: job.id, err: errorMessage(err) }, 'heartbeat failed'));
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    const done = (async () => {
      try {
        const handler = this.opts.handlers[job.kind]!;
        const result = await handler(job, { signal: controller.signal, workerId });
        if (!controller.signal.aborted) await queue.complete(db, job.id, workerId, result ?? {});
      } catch (err) {
        if (controller.signal.aborted && this.stopped) return; // lease stays; a restart reclaims it
        const retryable = isAppError(err) ? err.retryable : true;
        const status = await queue.fail(db, job.id, workerId, errorMessage(err), retryable).catch(() => undefined);
        logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempt, status, err: errorMessage(err) }, 'job attempt failed');
      } finally {
        clearInterval(heartbeat);
        this.running.delete(job.id);
        if (!this.stopped) this.schedule(0);
      }
    })();
    this.running.set(job.id, { controller, done });
  }
}
