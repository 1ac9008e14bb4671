import { randomToken } from '../../shared/index.js';
import type { Queryable } from '../../store/index.js';
import { releaseBlobs } from '../store/garbage-repo.js';
import { clearLatest, deleteVersionRow, findVersion, insertLatest, type NewVersion } from '../store/version-repo.js';
import { NULL_VERSION, type Bucket, type ObjectVersion } from '../types.js';

/** A fresh S3-style version id: 32 URL-safe characters, never "null". */
export function newVersionId(): string {
  return randomToken(24);
}

export type VersionContent = Omit<NewVersion, 'bucket' | 'key' | 'versionId'>;

/**
 * Makes `content` the latest version of `key`, as S3 does for the bucket's versioning state:
 * Enabled → a new version id, the previous latest stays as a noncurrent version; Unversioned or
 * Suspended → the "null" version, replacing any existing null version (its blob is released).
 * The caller holds the bucket (share) and key locks, inside the transaction `tx`.
 */
export async function installVersion(
  tx: Queryable, bucket: Bucket, key: string, content: VersionContent, now: Date,
): Promise<ObjectVersion> {
  let versionId: string;
  if (bucket.versioning === 'Enabled') {
    versionId = newVersionId();
  } else {
    versionId = NULL_VERSION;
    const oldNull = await findVersion(tx, bucket.name, key, NULL_VERSION);
    if (oldNull) await releaseBlobs(tx, [await deleteVersionRow(tx, oldNull.seq)], now);
  }
  await clearLatest(tx, bucket.name, key);
  return insertLatest(tx, { ...content, bucket: bucket.name, key, versionId });
}
