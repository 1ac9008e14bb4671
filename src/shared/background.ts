/**
 * Periodic, idempotent work a domain module asks the process to run (e.g. S3 lifecycle expiry).
 * Any replica may run it at any time, so `run` must be safe to run concurrently and repeatedly;
 * durable "when is this due" facts live in the database, not in the timer.
 */
export interface BackgroundTask {
  name: string;
  /** Real-time interval between runs (already divided by the time scale where that applies). */
  intervalMs: number;
  run(): Promise<void>;
}
