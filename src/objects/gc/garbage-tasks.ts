import type { BackgroundTask } from '../../shared/index.js';
import { dueGarbage, forgetGarbage, referencedBlobs } from '../store/garbage-repo.js';
import type { ObjectsDeps } from '../types.js';

/** A released blob stays this long, so a GET that resolved its row just before can still open it. */
export const GARBAGE_GRACE_MS = 60_000;
/** A blob no row references is an orphan (crash between blob write and commit) after this long. */
export const ORPHAN_AGE_MS = 60 * 60_000;

/** Deletes released blobs whose grace period is over; returns how many. */
export async function collectGarbage(deps: ObjectsDeps, batch = 1000): Promise<number> {
  const due = await dueGarbage(deps.db, new Date(deps.clock.now().getTime() - GARBAGE_GRACE_MS), batch);
  for (const id of due) {
    await deps.blobs.delete(id);
    await forgetGarbage(deps.db, id);
  }
  return due.length;
}

/**
 * Deletes blobs that nothing references and that are older than ORPHAN_AGE_MS: left by a crash
 * after the blob was written and before its row was committed. Assumes S3 owns the blob store.
 */
export async function sweepOrphans(deps: ObjectsDeps, olderThan?: Date): Promise<number> {
  return deps.blobs.sweep((ids) => referencedBlobs(deps.db, ids), olderThan ?? new Date(Date.now() - ORPHAN_AGE_MS));
}

export function createGarbageTasks(deps: ObjectsDeps): BackgroundTask[] {
  return [
    { name: 's3-garbage', intervalMs: 30_000, run: async () => void (await collectGarbage(deps)) },
    {
      name: 's3-orphan-sweep',
      intervalMs: 15 * 60_000,
      run: async () => {
        const n = await sweepOrphans(deps);
        if (n > 0) deps.logger.info({ removed: n }, 's3 orphan blobs removed');
      },
    },
  ];
}
