import type { Queryable } from '../../store/index.js';

/** SQL for log_group_tags. */

export async function putTags(q: Queryable, groupId: number, tags: Readonly<Record<string, string>>): Promise<void> {
  const entries = Object.entries(tags);
  if (entries.length === 0) return;
  await q.query(
    `INSERT INTO log_group_tags (group_id, key, value) SELECT $1, k, v FROM unnest($2::text[], $3::text[]) AS t(k, v)
     ON CONFLICT (group_id, key) DO UPDATE SET value = EXCLUDED.value`,
    [groupId, entries.map(([k]) => k), entries.map(([, v]) => v)],
  );
}

export async function removeTags(q: Queryable, groupId: number, keys: readonly string[]): Promise<void> {
  await q.query('DELETE FROM log_group_tags WHERE group_id = $1 AND key = ANY($2::text[])', [groupId, keys]);
}

export async function listTags(q: Queryable, groupId: number): Promise<Record<string, string>> {
  const r = await q.query<{ key: string; value: string }>('SELECT key, value FROM log_group_tags WHERE group_id = $1 ORDER BY key', [groupId]);
  const out: Record<string, string> = {};
  for (const row of r.rows) Object.defineProperty(out, row.key, { value: row.value, enumerable: true, writable: true, configurable: true });
  return out;
}
