import type { Queryable } from '../../store/index.js';
import { listLatestRows } from '../store/version-repo.js';
import type { ObjectVersion } from '../types.js';
import { compareCodePoints, prefixSuccessor } from './successor.js';

export interface ListCurrentInput {
  bucket: string;
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  /** Exclusive start: a key or a common prefix returned by an earlier page (Marker, StartAfter, token). */
  after?: string;
}

export type ListEntry = { kind: 'object'; version: ObjectVersion } | { kind: 'prefix'; prefix: string };

export interface ListPage {
  entries: ListEntry[];
  isTruncated: boolean;
}

/** The common prefix `key` rolls up into under `delimiter`, if any. */
export function commonPrefixOf(key: string, prefix: string, delimiter: string | undefined): string | undefined {
  if (!delimiter) return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

/**
 * One page of current objects (ListObjects/ListObjectsV2): keys after `after` that start with
 * `prefix`, keys containing `delimiter` after the prefix rolled up into common prefixes, at most
 * `maxKeys` entries (objects + prefixes) in UTF-8 binary order. A common prefix not greater than
 * `after` was returned by an earlier page and is skipped, so pagination never repeats one. Each
 * common prefix costs one query that jumps past all of its keys.
 */
export async function listCurrent(q: Queryable, input: ListCurrentInput): Promise<ListPage> {
  const entries: ListEntry[] = [];
  if (input.maxKeys <= 0) return { entries, isTruncated: false };
  const want = input.maxKeys + 1;
  let start: { after?: string; from?: string } = input.after === undefined ? {} : { after: input.after };
  for (;;) {
    const limit = Math.min(1000, want - entries.length + 1);
    const rows = await listLatestRows(q, input.bucket, input.prefix, start, limit);
    if (rows.length === 0) break;
    let jumped = false;
    for (const row of rows) {
      const cp = commonPrefixOf(row.key, input.prefix, input.delimiter);
      if (cp === undefined) {
        entries.push({ kind: 'object', version: row });
        start = { after: row.key };
      } else {
        if (input.after === undefined || compareCodePoints(cp, input.after) > 0) entries.push({ kind: 'prefix', prefix: cp });
        const succ = prefixSuccessor(cp);
        if (succ === undefined) return finish(entries, want);
        start = { from: succ };
        jumped = true;
      }
      if (entries.length >= want || jumped) break;
    }
    if (entries.length >= want) break;
    if (!jumped && rows.length < limit) break;
  }
  return finish(entries, want);
}

function finish(entries: ListEntry[], want: number): ListPage {
  const isTruncated = entries.length >= want;
  return { entries: isTruncated ? entries.slice(0, want - 1) : entries, isTruncated };
}
