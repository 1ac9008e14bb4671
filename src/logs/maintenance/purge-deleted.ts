import { forgetPurge, purgeStreamEvents, queuedPurges } from '../store/purge-repo.js';
import type { LogsDeps } from '../types.js';

const BATCH = 5_000;
/** Upper bound of events one run deletes, so a huge deleted stream is purged over several runs. */
const MAX_PER_RUN = 200_000;

/**
 * Deletes the events of deleted streams and groups (queued in log_purges) in bounded batches and
 * drops a queue entry once its stream has no events left. Returns how many events went.
 */
export async function purgeDeleted(deps: LogsDeps): Promise<number> {
  let total = 0;
  for (const streamId of await queuedPurges(deps.db, 100)) {
    for (;;) {
      const n = await purgeStreamEvents(deps.db, streamId, BATCH);
      total += n;
      if (n < BATCH) {
        await forgetPurge(deps.db, streamId);
        break;
      }
      if (total >= MAX_PER_RUN) return total;
    }
  }
  return total;
}
