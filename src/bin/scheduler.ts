import type { BackgroundTask, Logger } from '../shared/index.js';
import { errorMessage } from '../shared/index.js';

/** Runs background tasks on their intervals, never two runs of one task at once. */
export function startTasks(tasks: readonly BackgroundTask[], logger: Logger): { stop(): Promise<void> } {
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  const fire = (task: BackgroundTask): void => {
    if (stopped || running.has(task.name)) return;
    const p = task
      .run()
      .catch((err: unknown) => logger.error({ task: task.name, err: errorMessage(err) }, 'background task failed'))
      .finally(() => running.delete(task.name));
    running.set(task.name, p);
  };
  for (const task of tasks) {
    const every = Math.max(50, task.intervalMs);
    // First run soon after start (work may have come due while the server was down), then on interval.
    timers.push(setTimeout(() => fire(task), Math.min(every, 5000)));
    timers.push(setInterval(() => fire(task), every));
  }
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.all(running.values());
    },
  };
}
