import type { Tag } from '../types.js';
import type { LifecycleFilter } from './types.js';

export const DAY_MS = 86_400_000;

/**
 * The latest instant an object may have been created (or become noncurrent, or its upload been
 * initiated) to be due for an action of `days` days at `now`.
 *
 * timeScale 1 follows S3: the due time is creation + days rounded up to the next midnight UTC, so
 * an object is due when creation + days <= the last midnight UTC before `now`.
 * Any other time scale uses the exact age in AWS time: (now - creation) × timeScale >= days, i.e.
 * creation <= now - days / timeScale; rounding to midnight would otherwise hide the speed-up (a
 * 1-day rule at scale 86400 expires after ~1 real second instead of at the next real midnight).
 */
export function dueCutoff(days: number, now: Date, timeScale: number): Date {
  if (timeScale === 1) {
    const midnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
    return new Date(midnight - days * DAY_MS);
  }
  return new Date(now.getTime() - (days * DAY_MS) / timeScale);
}

/** Expiration.Date applies from that instant on (S3 requires it to be midnight UTC). */
export function dateReached(date: string, now: Date): boolean {
  return now.getTime() >= Date.parse(date);
}

/** The key prefix a filter narrows to ('' when none); tags and sizes are checked by `filterMatches`. */
export function filterPrefix(f: LifecycleFilter): string {
  switch (f.kind) {
    case 'legacy-prefix':
    case 'prefix':
      return f.prefix;
    case 'and':
      return f.prefix ?? '';
    default:
      return '';
  }
}

export function filterUsesTags(f: LifecycleFilter): boolean {
  return f.kind === 'tag' || (f.kind === 'and' && f.tags.length > 0);
}

/** Whether an object (key, size, tags) is in scope of the filter. */
export function filterMatches(f: LifecycleFilter, obj: { key: string; size: number; tags: Tag[] }): boolean {
  if (!obj.key.startsWith(filterPrefix(f))) return false;
  const hasTag = (t: Tag): boolean => obj.tags.some((o) => o.Key === t.Key && o.Value === t.Value);
  const sizeOk = (gt?: number, lt?: number): boolean =>
    (gt === undefined || obj.size > gt) && (lt === undefined || obj.size < lt);
  switch (f.kind) {
    case 'tag':
      return hasTag(f.tag);
    case 'size':
      return sizeOk(f.greaterThan, f.lessThan);
    case 'and':
      return f.tags.every(hasTag) && sizeOk(f.greaterThan, f.lessThan);
    default:
      return true;
  }
}
