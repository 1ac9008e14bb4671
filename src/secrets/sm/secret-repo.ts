import type { Queryable } from '../../store/index.js';
import type { Scope } from '../scope.js';
import type { SecretRef } from './secret-id.js';
import { DAY_MS, type SecretRecord, type SecretVersionRecord, type Tag } from './types.js';

/** SQL for Secrets Manager (tables from migration 0011); runs on PGlite and PostgreSQL alike. */

interface SecretRow {
  id: number | string;
  name: string;
  arn: string;
  description: string | null;
  kms_key_id: string | null;
  created_at: Date;
  last_changed_at: Date;
  last_accessed_at: Date | null;
  deleted_at: Date | null;
  recovery_window_days: number | null;
}

const SECRET_COLUMNS = 'id, name, arn, description, kms_key_id, created_at, last_changed_at, last_accessed_at, deleted_at, recovery_window_days';

function toSecret(r: SecretRow): SecretRecord {
  return {
    id: Number(r.id),
    name: r.name,
    arn: r.arn,
    description: r.description,
    kmsKeyId: r.kms_key_id,
    createdAt: new Date(r.created_at),
    lastChangedAt: new Date(r.last_changed_at),
    lastAccessedAt: r.last_accessed_at === null ? null : new Date(r.last_accessed_at),
    deletedAt: r.deleted_at === null ? null : new Date(r.deleted_at),
    recoveryWindowDays: r.recovery_window_days === null ? null : Number(r.recovery_window_days),
  };
}

/**
 * Removes secrets whose recovery window has passed. The window is AWS time: real elapsed time
 * multiplied by the server's time scale, so `now - deleted_at >= days / timeScale`.
 */
export async function purgeExpired(q: Queryable, scope: Scope, now: Date, timeScale: number): Promise<number> {
  const r = await q.query(
    `DELETE FROM sm_secrets WHERE account_id = $1 AND region = $2 AND deleted_at IS NOT NULL
       AND deleted_at + make_interval(secs => recovery_window_days * ${DAY_MS / 1000}.0 / $3::float8) <= $4`,
    [scope.accountId, scope.region, timeScale, now],
  );
  return r.rowCount;
}

export async function findSecret(q: Queryable, scope: Scope, ref: SecretRef, forUpdate = false): Promise<SecretRecord | undefined> {
  if (ref.kind === 'foreign') return undefined;
  const lock = forUpdate ? ' FOR UPDATE' : '';
  const where = 'account_id = $1 AND region = $2';
  if (ref.kind === 'arn') {
    const byArn = await q.query<SecretRow>(`SELECT ${SECRET_COLUMNS} FROM sm_secrets WHERE ${where} AND arn = $3${lock}`, [scope.accountId, scope.region, ref.arn]);
    if (byArn.rows[0]) return toSecret(byArn.rows[0]);
    if (ref.name === undefined) return undefined;
  }
  const name = ref.kind === 'name' ? ref.name : (ref.name as string);
  const byName = await q.query<SecretRow>(`SELECT ${SECRET_COLUMNS} FROM sm_secrets WHERE ${where} AND name = $3${lock}`, [scope.accountId, scope.region, name]);
  return byName.rows[0] ? toSecret(byName.rows[0]) : undefined;
}

export async function findSecretByName(q: Queryable, scope: Scope, name: string, forUpdate = false): Promise<SecretRecord | undefined> {
  return findSecret(q, scope, { kind: 'name', name }, forUpdate);
}

/** Every secret of the scope (listings filter, sort and page in memory). */
export async function listAllSecrets(q: Queryable, scope: Scope): Promise<SecretRecord[]> {
  const r = await q.query<SecretRow>(`SELECT ${SECRET_COLUMNS} FROM sm_secrets WHERE account_id = $1 AND region = $2 ORDER BY id`, [scope.accountId, scope.region]);
  return r.rows.map(toSecret);
}

/** Undefined when the name is taken (a concurrent CreateSecret won). */
export async function insertSecret(
  tx: Queryable,
  scope: Scope,
  s: { name: string; arn: string; description: string | null; kmsKeyId: string | null; now: Date },
): Promise<number | undefined> {
  const r = await tx.query<{ id: number | string }>(
    `INSERT INTO sm_secrets (account_id, region, name, arn, description, kms_key_id, created_at, last_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (account_id, region, name) DO NOTHING RETURNING id`,
    [scope.accountId, scope.region, s.name, s.arn, s.description, s.kmsKeyId, s.now],
  );
  return r.rows[0] ? Number(r.rows[0].id) : undefined;
}

export async function updateSecretMeta(
  tx: Queryable,
  id: number,
  m: { description?: string; kmsKeyId?: string; lastChangedAt: Date },
): Promise<void> {
  await tx.query(
    `UPDATE sm_secrets SET description = COALESCE($2, description), kms_key_id = COALESCE($3, kms_key_id), last_changed_at = $4 WHERE id = $1`,
    [id, m.description ?? null, m.kmsKeyId ?? null, m.lastChangedAt],
  );
}

export async function scheduleDeletion(tx: Queryable, id: number, deletedAt: Date, days: number): Promise<void> {
  await tx.query('UPDATE sm_secrets SET deleted_at = $2, recovery_window_days = $3 WHERE id = $1', [id, deletedAt, days]);
}

export async function cancelDeletion(tx: Queryable, id: number, now: Date): Promise<void> {
  await tx.query('UPDATE sm_secrets SET deleted_at = NULL, recovery_window_days = NULL, last_changed_at = $2 WHERE id = $1', [id, now]);
}

export async function deleteSecretRow(tx: Queryable, id: number): Promise<void> {
  await tx.query('DELETE FROM sm_secrets WHERE id = $1', [id]);
}

/** LastAccessedDate is kept to the day, as AWS reports it. */
export async function touchAccessed(q: Queryable, secretId: number, versionId: string, now: Date): Promise<void> {
  const day = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  await q.query('UPDATE sm_secrets SET last_accessed_at = $2 WHERE id = $1 AND last_accessed_at IS DISTINCT FROM $2', [secretId, day]);
  await q.query('UPDATE sm_secret_versions SET last_accessed_at = $3 WHERE secret_id = $1 AND version_id = $2 AND last_accessed_at IS DISTINCT FROM $3', [secretId, versionId, day]);
}

// ---- versions and staging labels ----

interface VersionRow {
  version_id: string;
  is_binary: boolean;
  value_cipher: Uint8Array;
  created_at: Date;
  last_accessed_at: Date | null;
  stages: string[] | null;
}

const VERSION_SELECT = `SELECT v.version_id, v.is_binary, v.value_cipher, v.created_at, v.last_accessed_at,
  (SELECT json_agg(s.stage ORDER BY s.stage) FROM sm_secret_stages s WHERE s.secret_id = v.secret_id AND s.version_id = v.version_id) AS stages
  FROM sm_secret_versions v`;

function toVersion(r: VersionRow): SecretVersionRecord {
  return {
    versionId: r.version_id,
    isBinary: r.is_binary,
    valueCipher: Buffer.from(r.value_cipher),
    createdAt: new Date(r.created_at),
    lastAccessedAt: r.last_accessed_at === null ? null : new Date(r.last_accessed_at),
    stages: r.stages ?? [],
  };
}

/** Oldest first. */
export async function listVersions(q: Queryable, secretId: number): Promise<SecretVersionRecord[]> {
  const r = await q.query<VersionRow>(`${VERSION_SELECT} WHERE v.secret_id = $1 ORDER BY v.created_at, v.seq`, [secretId]);
  return r.rows.map(toVersion);
}

export async function findVersion(q: Queryable, secretId: number, versionId: string): Promise<SecretVersionRecord | undefined> {
  const r = await q.query<VersionRow>(`${VERSION_SELECT} WHERE v.secret_id = $1 AND v.version_id = $2`, [secretId, versionId]);
  return r.rows[0] ? toVersion(r.rows[0]) : undefined;
}

export async function findVersionByStage(q: Queryable, secretId: number, stage: string): Promise<SecretVersionRecord | undefined> {
  const r = await q.query<VersionRow>(
    `${VERSION_SELECT} JOIN sm_secret_stages st ON st.secret_id = v.secret_id AND st.version_id = v.version_id
     WHERE v.secret_id = $1 AND st.stage = $2`,
    [secretId, stage],
  );
  return r.rows[0] ? toVersion(r.rows[0]) : undefined;
}

export async function insertVersion(tx: Queryable, secretId: number, v: { versionId: string; isBinary: boolean; valueCipher: Buffer; createdAt: Date }): Promise<void> {
  await tx.query(
    'INSERT INTO sm_secret_versions (secret_id, version_id, is_binary, value_cipher, created_at) VALUES ($1, $2, $3, $4, $5)',
    [secretId, v.versionId, v.isBinary, v.valueCipher, v.createdAt],
  );
}

/** Points `stage` at `versionId`, taking it off whichever version had it. */
export async function moveStage(tx: Queryable, secretId: number, stage: string, versionId: string): Promise<void> {
  await tx.query(
    `INSERT INTO sm_secret_stages (secret_id, stage, version_id) VALUES ($1, $2, $3)
     ON CONFLICT (secret_id, stage) DO UPDATE SET version_id = EXCLUDED.version_id`,
    [secretId, stage, versionId],
  );
}

export async function removeStage(tx: Queryable, secretId: number, stage: string): Promise<void> {
  await tx.query('DELETE FROM sm_secret_stages WHERE secret_id = $1 AND stage = $2', [secretId, stage]);
}

/** Drops the oldest versions that carry no staging label while more than `keep` versions exist. */
export async function pruneUnstagedVersions(tx: Queryable, secretId: number, keep: number): Promise<void> {
  await tx.query(
    `DELETE FROM sm_secret_versions v WHERE v.secret_id = $1 AND v.version_id IN (
       SELECT x.version_id FROM sm_secret_versions x
       WHERE x.secret_id = $1 AND NOT EXISTS (SELECT 1 FROM sm_secret_stages s WHERE s.secret_id = x.secret_id AND s.version_id = x.version_id)
       ORDER BY x.created_at, x.seq
       LIMIT GREATEST((SELECT count(*) FROM sm_secret_versions WHERE secret_id = $1) - $2, 0))`,
    [secretId, keep],
  );
}

/** secret id → version id → stages, for listings. */
export async function stagesOfSecrets(q: Queryable, ids: readonly number[]): Promise<Map<number, Map<string, string[]>>> {
  const out = new Map<number, Map<string, string[]>>();
  if (ids.length === 0) return out;
  const r = await q.query<{ secret_id: number | string; version_id: string; stage: string }>(
    'SELECT secret_id, version_id, stage FROM sm_secret_stages WHERE secret_id = ANY($1::bigint[]) ORDER BY stage',
    [ids],
  );
  for (const row of r.rows) {
    const id = Number(row.secret_id);
    const byVersion = out.get(id) ?? new Map<string, string[]>();
    out.set(id, byVersion);
    byVersion.set(row.version_id, [...(byVersion.get(row.version_id) ?? []), row.stage]);
  }
  return out;
}

// ---- tags ----

export async function tagsOfSecrets(q: Queryable, ids: readonly number[]): Promise<Map<number, Tag[]>> {
  const out = new Map<number, Tag[]>();
  if (ids.length === 0) return out;
  const r = await q.query<{ secret_id: number | string; key: string; value: string }>(
    'SELECT secret_id, key, value FROM sm_secret_tags WHERE secret_id = ANY($1::bigint[]) ORDER BY seq',
    [ids],
  );
  for (const row of r.rows) {
    const id = Number(row.secret_id);
    out.set(id, [...(out.get(id) ?? []), { Key: row.key, Value: row.value }]);
  }
  return out;
}

export async function putTags(tx: Queryable, secretId: number, tags: readonly Tag[]): Promise<void> {
  for (const t of tags) {
    await tx.query(
      `INSERT INTO sm_secret_tags (secret_id, key, value) VALUES ($1, $2, $3)
       ON CONFLICT (secret_id, key) DO UPDATE SET value = EXCLUDED.value`,
      [secretId, t.Key, t.Value],
    );
  }
}

export async function removeTags(tx: Queryable, secretId: number, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await tx.query('DELETE FROM sm_secret_tags WHERE secret_id = $1 AND key = ANY($2::text[])', [secretId, keys]);
}
