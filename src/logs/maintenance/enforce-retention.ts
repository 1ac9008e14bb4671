import { expireEvents } from '../store/event-repo.js';
import { groupsWithRetention } from '../store/group-repo.js';
import { DAY_MS, type LogsDeps } from '../types.js';

const BATCH = 5_000;

/**
 * Deletes events older than their group's retention. Age is AWS time: an event expires when
 * (now − timestamp) × timeScale exceeds the retention, i.e. timestamp < now − retention / scale.
 * Deletes in batches of BATCH, each its own statement, so no run holds locks for long; safe to run
 * on several replicas at once (each batch deletes what is still there). Returns how many went.
 */
export async function enforceRetention(deps: LogsDeps): Promise<number> {
  const now = deps.clock.now().getTime();
  let total = 0;
  for (const g of await groupsWithRetention(deps.db)) {
    const before = now - deps.clock.scaledDelayMs(g.retentionDays * DAY_MS);
    for (;;) {
      const n = await expireEvents(deps.db, g.id, before, BATCH);
      total += n;
      if (n < BATCH) break;
    }
  }
  if (total > 0) deps.logger.info({ expired: total }, 'log events expired by retention');
  return total;
}
