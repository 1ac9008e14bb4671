/**
 * Connection tags (TagResource, UntagResource, ListTagsForResource) and the checks CreateConnection
 * shares. Tags are a list of {Key, Value} on the wire; a key appears once, keeping the place it was
 * first set in, and setting it again replaces its value.
 */
import type { ConnectionsDeps } from './deps.js';
import { connectionsError } from './errors.js';
import { loadConnection } from './load-connection.js';
import { updateTags } from './connection-repo.js';
import type { ConnectionScope, Tag } from './types.js';

/** Tags per connection (AWS's usual per-resource limit; the model allows 200 per request). */
export const MAX_TAGS = 50;

/** `existing` with `added` applied: known keys change value in place, new keys are appended. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const out = existing.map((t) => ({ Key: t.Key, Value: t.Value }));
  for (const t of added) {
    const at = out.findIndex((x) => x.Key === t.Key);
    if (at >= 0) out[at] = { Key: t.Key, Value: t.Value };
    else out.push({ Key: t.Key, Value: t.Value });
  }
  return out;
}

export function checkTagCount(tags: readonly Tag[]): void {
  if (tags.length > MAX_TAGS) {
    throw connectionsError('TagLimitExceeded', `A connection can have at most ${MAX_TAGS} tags; this request would leave it with ${tags.length}.`);
  }
}

export async function listTagsForResource(deps: Pick<ConnectionsDeps, 'db'>, scope: ConnectionScope, arn: string): Promise<Tag[]> {
  return (await loadConnection(deps.db, scope, arn)).tags;
}

export async function tagResource(deps: Pick<ConnectionsDeps, 'db'>, scope: ConnectionScope, arn: string, tags: readonly Tag[]): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const c = await loadConnection(tx, scope, arn, true);
    const next = mergeTags(c.tags, tags);
    checkTagCount(next);
    await updateTags(tx, c.id, next);
  });
}

/** Keys the connection does not have are ignored, as on AWS. */
export async function untagResource(deps: Pick<ConnectionsDeps, 'db'>, scope: ConnectionScope, arn: string, keys: readonly string[]): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const c = await loadConnection(tx, scope, arn, true);
    await updateTags(tx, c.id, c.tags.filter((t) => !keys.includes(t.Key)));
  });
}
