import type { Queryable } from '../../store/index.js';
import type { Scope } from '../scope.js';
import type { ParameterRecord, ParameterType, StoredTier, Tag } from './types.js';

/**
 * SQL for Parameter Store (tables from migration 0010). Plain PostgreSQL that PGlite and a
 * PostgreSQL 15 server both run. Callers pass a transaction when they need one.
 */

interface VersionRow {
  parameter_id: number | string;
  name: string;
  name_key: string;
  version: number;
  type: string;
  value_text: string | null;
  value_cipher: Uint8Array | null;
  description: string | null;
  allowed_pattern: string | null;
  key_id: string | null;
  tier: string;
  data_type: string;
  policies: string | null;
  modified_at: Date;
  modified_user: string;
  labels: string[] | null;
}

const VERSION_COLUMNS = `p.id AS parameter_id, p.name, p.name_key, v.version, v.type, v.value_text, v.value_cipher,
  v.description, v.allowed_pattern, v.key_id, v.tier, v.data_type, v.policies, v.modified_at, v.modified_user,
  (SELECT json_agg(l.label ORDER BY l.label) FROM ssm_parameter_labels l
    WHERE l.parameter_id = v.parameter_id AND l.version = v.version) AS labels`;

function toRecord(r: VersionRow): ParameterRecord {
  return {
    parameterId: Number(r.parameter_id),
    name: r.name,
    nameKey: r.name_key,
    version: Number(r.version),
    type: r.type as ParameterType,
    valueText: r.value_text,
    valueCipher: r.value_cipher === null ? null : Buffer.from(r.value_cipher),
    description: r.description,
    allowedPattern: r.allowed_pattern,
    keyId: r.key_id,
    tier: r.tier as StoredTier,
    dataType: r.data_type,
    policies: r.policies,
    modifiedAt: new Date(r.modified_at),
    modifiedUser: r.modified_user,
    labels: r.labels ?? [],
  };
}

export interface ParameterHead {
  id: number;
  name: string;
  version: number;
}

/** Locks the parameter row for the rest of the transaction (writers serialise on it). */
export async function lockParameter(tx: Queryable, scope: Scope, key: string): Promise<ParameterHead | undefined> {
  const r = await tx.query<{ id: number | string; name: string; version: number }>(
    'SELECT id, name, version FROM ssm_parameters WHERE account_id = $1 AND region = $2 AND name_key = $3 FOR UPDATE',
    [scope.accountId, scope.region, key],
  );
  const row = r.rows[0];
  return row ? { id: Number(row.id), name: row.name, version: Number(row.version) } : undefined;
}

/** Creates the parameter row; undefined when a concurrent writer created it first (then lock it). */
export async function insertParameter(tx: Queryable, scope: Scope, key: string, name: string, now: Date): Promise<number | undefined> {
  const r = await tx.query<{ id: number | string }>(
    `INSERT INTO ssm_parameters (account_id, region, name_key, name, version, created_at)
     VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (account_id, region, name_key) DO NOTHING RETURNING id`,
    [scope.accountId, scope.region, key, name, now],
  );
  const row = r.rows[0];
  return row ? Number(row.id) : undefined;
}

export interface NewVersion {
  parameterId: number;
  version: number;
  type: ParameterType;
  valueText: string | null;
  valueCipher: Buffer | null;
  description: string | null;
  allowedPattern: string | null;
  keyId: string | null;
  tier: StoredTier;
  dataType: string;
  policies: string | null;
  modifiedAt: Date;
  modifiedUser: string;
}

export async function insertVersion(tx: Queryable, v: NewVersion): Promise<void> {
  await tx.query(
    `INSERT INTO ssm_parameter_versions (parameter_id, version, type, value_text, value_cipher, description,
       allowed_pattern, key_id, tier, data_type, policies, modified_at, modified_user)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [v.parameterId, v.version, v.type, v.valueText, v.valueCipher, v.description, v.allowedPattern, v.keyId, v.tier,
      v.dataType, v.policies, v.modifiedAt, v.modifiedUser],
  );
  await tx.query('UPDATE ssm_parameters SET version = $2 WHERE id = $1', [v.parameterId, v.version]);
}

/** Oldest kept version, how many are kept, and the labels on the oldest one. */
export async function versionStats(tx: Queryable, parameterId: number): Promise<{ count: number; oldest: number; oldestLabels: number }> {
  const r = await tx.query<{ count: number | string; oldest: number | null }>(
    'SELECT count(*) AS count, min(version) AS oldest FROM ssm_parameter_versions WHERE parameter_id = $1',
    [parameterId],
  );
  const count = Number(r.rows[0]?.count ?? 0);
  const oldest = Number(r.rows[0]?.oldest ?? 0);
  const l = await tx.query<{ n: number | string }>(
    'SELECT count(*) AS n FROM ssm_parameter_labels WHERE parameter_id = $1 AND version = $2',
    [parameterId, oldest],
  );
  return { count, oldest, oldestLabels: Number(l.rows[0]?.n ?? 0) };
}

export async function deleteVersion(tx: Queryable, parameterId: number, version: number): Promise<void> {
  await tx.query('DELETE FROM ssm_parameter_versions WHERE parameter_id = $1 AND version = $2', [parameterId, version]);
}

/** The latest version, or a given one. */
export async function findVersion(q: Queryable, scope: Scope, key: string, version?: number): Promise<ParameterRecord | undefined> {
  const r = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM ssm_parameters p
       JOIN ssm_parameter_versions v ON v.parameter_id = p.id AND v.version = COALESCE($4::integer, p.version)
     WHERE p.account_id = $1 AND p.region = $2 AND p.name_key = $3`,
    [scope.accountId, scope.region, key, version ?? null],
  );
  const row = r.rows[0];
  return row ? toRecord(row) : undefined;
}

/** The version a label points at. */
export async function findLabelledVersion(q: Queryable, scope: Scope, key: string, label: string): Promise<ParameterRecord | undefined> {
  const r = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM ssm_parameters p
       JOIN ssm_parameter_labels lb ON lb.parameter_id = p.id AND lb.label = $4
       JOIN ssm_parameter_versions v ON v.parameter_id = p.id AND v.version = lb.version
     WHERE p.account_id = $1 AND p.region = $2 AND p.name_key = $3`,
    [scope.accountId, scope.region, key, label],
  );
  const row = r.rows[0];
  return row ? toRecord(row) : undefined;
}

export async function findVersionById(q: Queryable, parameterId: number, version: number): Promise<ParameterRecord | undefined> {
  const r = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM ssm_parameters p
       JOIN ssm_parameter_versions v ON v.parameter_id = p.id AND v.version = $2
     WHERE p.id = $1`,
    [parameterId, version],
  );
  const row = r.rows[0];
  return row ? toRecord(row) : undefined;
}

/** Every kept version, oldest first, from `afterVersion` on. */
export async function listVersions(q: Queryable, scope: Scope, key: string, afterVersion: number, limit: number): Promise<ParameterRecord[]> {
  const r = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM ssm_parameters p
       JOIN ssm_parameter_versions v ON v.parameter_id = p.id
     WHERE p.account_id = $1 AND p.region = $2 AND p.name_key = $3 AND v.version > $4
     ORDER BY v.version LIMIT $5`,
    [scope.accountId, scope.region, key, afterVersion, limit],
  );
  return r.rows.map(toRecord);
}

/**
 * Latest versions in name order (byte order), after `afterName`, optionally only names under a
 * prefix. Used by the listings, which filter further in memory.
 */
export async function listLatest(
  q: Queryable,
  scope: Scope,
  opts: { prefix?: string; afterName?: string; limit: number },
): Promise<ParameterRecord[]> {
  const r = await q.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM ssm_parameters p
       JOIN ssm_parameter_versions v ON v.parameter_id = p.id AND v.version = p.version
     WHERE p.account_id = $1 AND p.region = $2
       AND ($3::text IS NULL OR starts_with(p.name, $3::text))
       AND ($4::text IS NULL OR p.name COLLATE "C" > $4::text COLLATE "C")
     ORDER BY p.name COLLATE "C" LIMIT $5`,
    [scope.accountId, scope.region, opts.prefix ?? null, opts.afterName ?? null, opts.limit],
  );
  return r.rows.map(toRecord);
}

export async function deleteParameter(q: Queryable, scope: Scope, key: string): Promise<boolean> {
  const r = await q.query('DELETE FROM ssm_parameters WHERE account_id = $1 AND region = $2 AND name_key = $3', [scope.accountId, scope.region, key]);
  return r.rowCount > 0;
}

// ---- labels ----

export async function labelsOfParameter(q: Queryable, parameterId: number): Promise<Map<string, number>> {
  const r = await q.query<{ label: string; version: number }>('SELECT label, version FROM ssm_parameter_labels WHERE parameter_id = $1', [parameterId]);
  return new Map(r.rows.map((x) => [x.label, Number(x.version)]));
}

/** Points `label` at `version` (moving it off any other version). */
export async function setLabel(tx: Queryable, parameterId: number, label: string, version: number): Promise<void> {
  await tx.query(
    `INSERT INTO ssm_parameter_labels (parameter_id, label, version) VALUES ($1, $2, $3)
     ON CONFLICT (parameter_id, label) DO UPDATE SET version = EXCLUDED.version`,
    [parameterId, label, version],
  );
}

export async function removeLabel(tx: Queryable, parameterId: number, label: string, version: number): Promise<boolean> {
  const r = await tx.query('DELETE FROM ssm_parameter_labels WHERE parameter_id = $1 AND label = $2 AND version = $3', [parameterId, label, version]);
  return r.rowCount > 0;
}

/** label → version for several parameters at once (GetParametersByPath with a Label filter). */
export async function labelsOfParameters(q: Queryable, ids: readonly number[]): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  if (ids.length === 0) return out;
  const r = await q.query<{ parameter_id: number | string; label: string; version: number }>(
    'SELECT parameter_id, label, version FROM ssm_parameter_labels WHERE parameter_id = ANY($1::bigint[])',
    [ids],
  );
  for (const row of r.rows) {
    const id = Number(row.parameter_id);
    if (!out.has(id)) out.set(id, new Map());
    out.get(id)?.set(row.label, Number(row.version));
  }
  return out;
}

// ---- tags ----

export async function tagsOf(q: Queryable, parameterId: number): Promise<Tag[]> {
  const r = await q.query<{ key: string; value: string }>('SELECT key, value FROM ssm_parameter_tags WHERE parameter_id = $1 ORDER BY key', [parameterId]);
  return r.rows.map((t) => ({ Key: t.key, Value: t.value }));
}

export async function tagsOfParameters(q: Queryable, ids: readonly number[]): Promise<Map<number, Map<string, string>>> {
  const out = new Map<number, Map<string, string>>();
  if (ids.length === 0) return out;
  const r = await q.query<{ parameter_id: number | string; key: string; value: string }>(
    'SELECT parameter_id, key, value FROM ssm_parameter_tags WHERE parameter_id = ANY($1::bigint[])',
    [ids],
  );
  for (const row of r.rows) {
    const id = Number(row.parameter_id);
    if (!out.has(id)) out.set(id, new Map());
    out.get(id)?.set(row.key, row.value);
  }
  return out;
}

export async function putTags(tx: Queryable, parameterId: number, tags: readonly Tag[]): Promise<void> {
  for (const t of tags) {
    await tx.query(
      `INSERT INTO ssm_parameter_tags (parameter_id, key, value) VALUES ($1, $2, $3)
       ON CONFLICT (parameter_id, key) DO UPDATE SET value = EXCLUDED.value`,
      [parameterId, t.Key, t.Value],
    );
  }
}

export async function removeTags(tx: Queryable, parameterId: number, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query('DELETE FROM ssm_parameter_tags WHERE parameter_id = $1 AND key = ANY($2::text[])', [parameterId, keys]);
}
