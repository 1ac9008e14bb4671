import { summarize } from './stats.js';
import { cpuMs } from './proc.js';

export interface LoadOptions {
  /** Requests to complete (the run stops earlier at `capMs`). */
  count: number;
  concurrency: number;
  capMs: number;
  /** Unmeasured requests first, so the JIT and connection pools are warm. */
  warmup: number;
  /** One call; resolves to the HTTP status (non-2xx counts as an error) or throws (also an error). */
  call: (i: number) => Promise<number>;
  /** The server whose CPU time is charged to this run (for CPU per request). */
  serverPid?: number;
}

export interface LoadResult {
  completed: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  p50ms: number;
  p99ms: number;
  /** Server CPU (user+system) per request, microseconds. */
  serverCpuUs: number;
  /** This (client) process's CPU per request, microseconds. */
  clientCpuUs: number;
  cappedByTime: boolean;
}

/** Closed-loop load: `concurrency` workers each issue the next request as soon as theirs finishes. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const warm = async (): Promise<void> => {
    while (next < o.warmup) await o.call(next++).catch(() => 0);
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, Math.max(1, o.warmup)) }, warm));

  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let issued = 0;
  const note = (e: string): void => {
    errors++;
    firstError ??= e;
  };
  const t0 = performance.now();
  const deadline = t0 + o.capMs;
  const serverCpu0 = cpuMs(o.serverPid);
  const clientCpu0 = process.cpuUsage();
  const worker = async (): Promise<void> => {
    while (issued < o.count && performance.now() < deadline) {
      const i = o.warmup + issued++;
      const s = performance.now();
      try {
        const status = await o.call(i);
        if (status < 200 || status > 299) note(`HTTP ${status}`);
      } catch (err) {
        note(err instanceof Error ? err.message : String(err));
      }
      latencies.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const client = process.cpuUsage(clientCpu0);
  const n = latencies.length;
  const s = summarize(latencies);
  return {
    completed: n,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    seconds,
    rps: n / seconds,
    p50ms: s.p50,
    p99ms: s.p99,
    serverCpuUs: ((cpuMs(o.serverPid) - serverCpu0) * 1000) / n,
    clientCpuUs: (client.user + client.system) / n,
    cappedByTime: n < o.count,
  };
}
