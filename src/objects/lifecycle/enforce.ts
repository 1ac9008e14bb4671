import type { BackgroundTask } from '../../shared/index.js';
import { errorMessage } from '../../shared/index.js';
import { deleteLocked } from '../objects/delete-object.js';
import { findBucket, bucketsWithLifecycle } from '../store/bucket-repo.js';
import { releaseBlobs } from '../store/garbage-repo.js';
import {
  currentObjectsBefore, loneDeleteMarkers, noncurrentVersionsBefore, uploadsInitiatedBefore,
} from '../store/lifecycle-repo.js';
import { deleteUpload, findUpload } from '../store/upload-repo.js';
import { countVersionsOfKey, findVersion, lockKey } from '../store/version-repo.js';
import { s3Now, type ObjectVersion, type ObjectsDeps } from '../types.js';
import { dateReached, dueCutoff, filterMatches, filterPrefix } from './decide.js';
import type { LifecycleRule } from './types.js';

const BATCH = 500;

export interface EnforcementReport {
  expired: number;
  noncurrentRemoved: number;
  deleteMarkersRemoved: number;
  uploadsAborted: number;
}

/**
 * Applies every enabled rule of every bucket once. Candidates come from one query per action;
 * each is then acted on in its own transaction under the bucket and key locks after re-reading
 * the row, so concurrent runs (several replicas, a slow previous run) and concurrent writes are safe.
 */
export async function enforceLifecycle(deps: ObjectsDeps): Promise<EnforcementReport> {
  const report: EnforcementReport = { expired: 0, noncurrentRemoved: 0, deleteMarkersRemoved: 0, uploadsAborted: 0 };
  for (const b of await bucketsWithLifecycle(deps.db)) {
    for (const rule of b.rules) {
      if (rule.status !== 'Enabled') continue;
      try {
        await applyRule(deps, b.name, rule, report);
      } catch (err) {
        deps.logger.warn({ bucket: b.name, rule: rule.id, err: errorMessage(err) }, 'lifecycle rule failed; retried next run');
      }
    }
  }
  return report;
}

async function applyRule(deps: ObjectsDeps, bucket: string, rule: LifecycleRule, report: EnforcementReport): Promise<void> {
  const now = deps.clock.now();
  const scale = deps.clock.timeScale;
  const prefix = filterPrefix(rule.filter);
  const inScope = (v: ObjectVersion): boolean => filterMatches(rule.filter, v);
  const e = rule.expiration;
  if (e && (e.days !== undefined || (e.date !== undefined && dateReached(e.date, now)))) {
    const cutoff = e.days !== undefined ? dueCutoff(e.days, now, scale) : null;
    for (const v of (await currentObjectsBefore(deps.db, bucket, prefix, cutoff, BATCH)).filter(inScope)) {
      if (await expireCurrent(deps, bucket, v)) report.expired++;
    }
  }
  const nve = rule.noncurrentVersionExpiration;
  if (nve?.noncurrentDays !== undefined) {
    const cutoff = dueCutoff(nve.noncurrentDays, now, scale);
    const rows = await noncurrentVersionsBefore(deps.db, bucket, prefix, cutoff, nve.newerNoncurrentVersions ?? 0, BATCH);
    for (const v of rows.filter(inScope)) {
      if (await removeVersion(deps, bucket, v, (cur) => !cur.isLatest)) report.noncurrentRemoved++;
    }
  }
  if (e?.expiredObjectDeleteMarker) {
    for (const v of (await loneDeleteMarkers(deps.db, bucket, prefix, BATCH)).filter(inScope)) {
      if (await removeVersion(deps, bucket, v, (cur, count) => cur.isLatest && cur.isDeleteMarker && count === 1)) report.deleteMarkersRemoved++;
    }
  }
  const abort = rule.abortIncompleteMultipartUpload;
  if (abort) {
    const cutoff = dueCutoff(abort.daysAfterInitiation, now, scale);
    for (const u of await uploadsInitiatedBefore(deps.db, bucket, prefix, cutoff, BATCH)) {
      const done = await deps.db.transaction(async (tx) => {
        const locked = await findUpload(tx, bucket, u.key, u.uploadId, 'update');
        if (!locked) return false;
        await releaseBlobs(tx, await deleteUpload(tx, u.uploadId), deps.clock.now());
        return true;
      });
      if (done) report.uploadsAborted++;
    }
  }
}

/** Expires the current version if it is still the one we saw: removal, or a delete marker if versioned. */
async function expireCurrent(deps: ObjectsDeps, bucketName: string, seen: ObjectVersion): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const bucket = await findBucket(tx, bucketName, 'share');
    if (!bucket) return false;
    await lockKey(tx, bucketName, seen.key);
    const cur = await findVersion(tx, bucketName, seen.key, seen.versionId);
    if (!cur || cur.seq !== seen.seq || !cur.isLatest || cur.isDeleteMarker) return false;
    await deleteLocked(tx, bucket, seen.key, undefined, s3Now(deps.clock));
    return true;
  });
}

/** Removes one version for good if `stillDue` holds for it under the locks. */
async function removeVersion(
  deps: ObjectsDeps, bucketName: string, seen: ObjectVersion, stillDue: (cur: ObjectVersion, versionsOfKey: number) => boolean,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const bucket = await findBucket(tx, bucketName, 'share');
    if (!bucket) return false;
    await lockKey(tx, bucketName, seen.key);
    const cur = await findVersion(tx, bucketName, seen.key, seen.versionId);
    if (!cur || cur.seq !== seen.seq || !stillDue(cur, await countVersionsOfKey(tx, bucketName, seen.key))) return false;
    await deleteLocked(tx, bucket, seen.key, seen.versionId, s3Now(deps.clock));
    return true;
  });
}

/**
 * The background task. S3 evaluates lifecycle about once a day; we run every AWS hour, but at
 * least every second and at most every minute of real time, so scaled rules fire promptly.
 */
export function createLifecycleTask(deps: ObjectsDeps): BackgroundTask {
  const intervalMs = Math.min(60_000, Math.max(1_000, deps.clock.scaledDelayMs(3_600_000)));
  return {
    name: 's3-lifecycle',
    intervalMs,
    async run() {
      const r = await enforceLifecycle(deps);
      if (r.expired + r.noncurrentRemoved + r.deleteMarkersRemoved + r.uploadsAborted > 0) {
        deps.logger.info({ ...r }, 's3 lifecycle applied');
      }
    },
  };
}
