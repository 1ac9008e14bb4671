import type { Queryable } from '../../store/index.js';
import type { Scope } from '../scope.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { listLatest } from './parameter-repo.js';
import type { ParameterRecord } from './types.js';

const BATCH = 200;

/**
 * One page of a listing over latest versions in name order. `select` turns each batch of
 * candidates into results (or undefined to skip one); scanning stops once one result more than
 * the page holds has been seen, so NextToken is only returned when another result exists.
 */
export async function scanPage<T>(
  q: Queryable,
  scope: Scope,
  opts: { prefix?: string; nextToken?: string; max: number },
  select: (batch: ParameterRecord[]) => Promise<(T | undefined)[]>,
): Promise<{ items: T[]; nextToken?: string }> {
  const found: { name: string; item: T }[] = [];
  let after = decodePageToken(opts.nextToken);
  for (;;) {
    const batch = await listLatest(q, scope, { prefix: opts.prefix, afterName: after, limit: BATCH });
    const selected = await select(batch);
    batch.forEach((rec, i) => {
      const item = selected[i];
      if (item !== undefined && found.length <= opts.max) found.push({ name: rec.name, item });
    });
    if (found.length > opts.max || batch.length < BATCH) break;
    after = batch[batch.length - 1]?.name;
  }
  const page = found.slice(0, opts.max);
  const last = page[page.length - 1];
  return {
    items: page.map((f) => f.item),
    nextToken: found.length > opts.max && last ? encodePageToken(last.name) : undefined,
  };
}
