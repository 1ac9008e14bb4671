import type { BackgroundTask, Logger } from '../shared/index.js';
import { errorMessage } from '../shared/index.js';

/** Runs background tasks on their intervals, never two runs of one task at once. */
export function startTasks(tasks: readonly BackgroundTask[], logger: Logger): { stop(): Promise<void> } {
  const running = new Map<string, Promise<void>>();
  const timers = tasks.map((task) =>
    setInterval(() => {
      if (running.has(task.name)) return;
      const p = task
        .run()
        .catch((err: unknown) => logger.error({ task: task.name, err: errorMessage(err) }, 'background task failed'))
        .finally(() => running.delete(task.name));
      running.set(task.name, p);
    }, Math.max(50, task.intervalMs)),
  );
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(running.values());
    },
  };
}
