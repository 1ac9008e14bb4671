import type { Queryable } from '../../store/index.js';
import { listVersionRows } from '../store/version-repo.js';
import type { ObjectVersion } from '../types.js';
import { commonPrefixOf } from './list-current.js';
import { compareCodePoints, prefixSuccessor } from './successor.js';

export interface ListVersionsInput {
  bucket: string;
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  keyMarker?: string;
  /** seq of the version named by VersionIdMarker (resolved by the caller). */
  afterSeq?: number;
}

export type VersionEntry = { kind: 'version'; version: ObjectVersion } | { kind: 'prefix'; prefix: string };

/**
 * One page of ListObjectVersions: versions and delete markers in (key, newest first) order after
 * (KeyMarker, VersionIdMarker), rolled up by delimiter like listCurrent. Every version counts
 * towards max-keys.
 */
export async function listVersions(q: Queryable, input: ListVersionsInput): Promise<{ entries: VersionEntry[]; isTruncated: boolean }> {
  const entries: VersionEntry[] = [];
  if (input.maxKeys <= 0) return { entries, isTruncated: false };
  const want = input.maxKeys + 1;
  let start: { afterKey?: string; afterSeq?: number; fromKey?: string } = {};
  if (input.keyMarker !== undefined) {
    start = input.afterSeq === undefined ? { afterKey: input.keyMarker } : { afterKey: input.keyMarker, afterSeq: input.afterSeq };
  }
  for (;;) {
    const limit = Math.min(1000, want - entries.length + 1);
    const rows = await listVersionRows(q, input.bucket, input.prefix, start, limit);
    if (rows.length === 0) break;
    let jumped = false;
    for (const row of rows) {
      const cp = commonPrefixOf(row.key, input.prefix, input.delimiter);
      if (cp === undefined) {
        entries.push({ kind: 'version', version: row });
        start = { afterKey: row.key, afterSeq: row.seq };
      } else {
        if (input.keyMarker === undefined || compareCodePoints(cp, input.keyMarker) > 0) entries.push({ kind: 'prefix', prefix: cp });
        const succ = prefixSuccessor(cp);
        if (succ === undefined) return finish(entries, want);
        start = { fromKey: succ };
        jumped = true;
      }
      if (entries.length >= want || jumped) break;
    }
    if (entries.length >= want) break;
    if (!jumped && rows.length < limit) break;
  }
  return finish(entries, want);
}

function finish(entries: VersionEntry[], want: number): { entries: VersionEntry[]; isTruncated: boolean } {
  const isTruncated = entries.length >= want;
  return { entries: isTruncated ? entries.slice(0, want - 1) : entries, isTruncated };
}
