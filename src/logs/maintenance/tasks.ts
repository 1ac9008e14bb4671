import type { BackgroundTask } from '../../shared/index.js';
import { HOUR_MS, type LogsDeps } from '../types.js';
import { enforceRetention } from './enforce-retention.js';
import { purgeDeleted } from './purge-deleted.js';

/**
 * The Logs background work. Retention runs every (scaled) hour of AWS time, clamped to 1 s–5 min of
 * real time: AWS itself deletes within days, so this is prompt, and a time scale makes it
 * proportionally more frequent.
 */
export function createLogsTasks(deps: LogsDeps): BackgroundTask[] {
  const retentionEvery = Math.min(5 * 60_000, Math.max(1_000, deps.clock.scaledDelayMs(HOUR_MS)));
  return [
    { name: 'logs-retention', intervalMs: retentionEvery, run: async () => void (await enforceRetention(deps)) },
    { name: 'logs-purge', intervalMs: 5_000, run: async () => void (await purgeDeleted(deps)) },
  ];
}
