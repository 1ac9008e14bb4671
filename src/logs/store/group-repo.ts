import type { Queryable } from '../../store/index.js';
import type { LogGroupClass, LogGroupRecord, LogsScope } from '../types.js';

/** SQL for log_groups (migration 0020). Callers pass a transaction when they need one. */

interface GroupRow {
  id: number;
  name: string;
  created_ms: number;
  retention_days: number | null;
  kms_key_id: string | null;
  log_group_class: string;
  deletion_protection: boolean;
  stored_bytes: number | string | null;
}

const GROUP_COLUMNS = `g.id, g.name, g.created_ms, g.retention_days, g.kms_key_id, g.log_group_class, g.deletion_protection,
  (SELECT COALESCE(sum(s.stored_bytes), 0) FROM log_streams s WHERE s.group_id = g.id) AS stored_bytes`;

function toRecord(r: GroupRow): LogGroupRecord {
  return {
    id: Number(r.id),
    name: r.name,
    createdMs: Number(r.created_ms),
    retentionDays: r.retention_days === null ? null : Number(r.retention_days),
    kmsKeyId: r.kms_key_id,
    logGroupClass: r.log_group_class as LogGroupClass,
    deletionProtection: r.deletion_protection,
    storedBytes: Number(r.stored_bytes ?? 0),
  };
}

export interface NewGroup {
  name: string;
  createdMs: number;
  kmsKeyId?: string;
  logGroupClass?: LogGroupClass;
  deletionProtection?: boolean;
}

/** Creates the group; undefined when it already exists (a concurrent creator may have won). */
export async function insertGroup(q: Queryable, scope: LogsScope, g: NewGroup): Promise<number | undefined> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO log_groups (account_id, region, name, created_ms, kms_key_id, log_group_class, deletion_protection)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (account_id, region, name) DO NOTHING RETURNING id`,
    [scope.accountId, scope.region, g.name, g.createdMs, g.kmsKeyId ?? null, g.logGroupClass ?? 'STANDARD', g.deletionProtection ?? false],
  );
  return r.rows[0] ? Number(r.rows[0].id) : undefined;
}

export async function findGroup(q: Queryable, scope: LogsScope, name: string): Promise<LogGroupRecord | undefined> {
  const r = await q.query<GroupRow>(`SELECT ${GROUP_COLUMNS} FROM log_groups g WHERE g.account_id = $1 AND g.region = $2 AND g.name = $3`, [
    scope.accountId,
    scope.region,
    name,
  ]);
  return r.rows[0] ? toRecord(r.rows[0]) : undefined;
}

/** Locks the group row for the rest of the transaction (no stream can be added to it meanwhile). */
export async function lockGroup(tx: Queryable, scope: LogsScope, name: string): Promise<{ id: number; deletionProtection: boolean } | undefined> {
  const r = await tx.query<{ id: number; deletion_protection: boolean }>(
    'SELECT id, deletion_protection FROM log_groups WHERE account_id = $1 AND region = $2 AND name = $3 FOR UPDATE',
    [scope.accountId, scope.region, name],
  );
  const row = r.rows[0];
  return row ? { id: Number(row.id), deletionProtection: row.deletion_protection } : undefined;
}

export async function deleteGroupRow(tx: Queryable, id: number): Promise<void> {
  await tx.query('DELETE FROM log_groups WHERE id = $1', [id]);
}

/** Sets (or clears, with null) the retention; false when the group does not exist. */
export async function setRetention(q: Queryable, scope: LogsScope, name: string, days: number | null): Promise<boolean> {
  const r = await q.query('UPDATE log_groups SET retention_days = $4 WHERE account_id = $1 AND region = $2 AND name = $3', [
    scope.accountId,
    scope.region,
    name,
    days,
  ]);
  return r.rowCount > 0;
}

export async function setDeletionProtection(q: Queryable, scope: LogsScope, name: string, enabled: boolean): Promise<boolean> {
  const r = await q.query('UPDATE log_groups SET deletion_protection = $4 WHERE account_id = $1 AND region = $2 AND name = $3', [
    scope.accountId,
    scope.region,
    name,
    enabled,
  ]);
  return r.rowCount > 0;
}

export interface GroupListing {
  /** Byte-wise prefix of the name. */
  prefix?: string;
  /** Case-sensitive substring of the name. */
  contains?: string;
  names?: readonly string[];
  logGroupClass?: LogGroupClass;
  /** Keyset cursor: names strictly after this one. */
  after?: string;
  limit: number;
}

/** Groups in byte-wise name order. */
export async function listGroups(q: Queryable, scope: LogsScope, l: GroupListing): Promise<LogGroupRecord[]> {
  const params: unknown[] = [scope.accountId, scope.region];
  const where = ['g.account_id = $1', 'g.region = $2'];
  const add = (sql: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (l.prefix !== undefined && l.prefix !== '') add((p) => `starts_with(g.name, ${p})`, l.prefix);
  if (l.contains !== undefined && l.contains !== '') add((p) => `strpos(g.name, ${p}) > 0`, l.contains);
  if (l.names !== undefined) add((p) => `g.name = ANY(${p}::text[])`, l.names);
  if (l.logGroupClass !== undefined) add((p) => `g.log_group_class = ${p}`, l.logGroupClass);
  if (l.after !== undefined) add((p) => `g.name > ${p}`, l.after);
  params.push(l.limit);
  const r = await q.query<GroupRow>(`SELECT ${GROUP_COLUMNS} FROM log_groups g WHERE ${where.join(' AND ')} ORDER BY g.name LIMIT $${params.length}`, params);
  return r.rows.map(toRecord);
}

/** Every group with a retention policy (any account): the retention sweep's work list. */
export async function groupsWithRetention(q: Queryable): Promise<Array<{ id: number; retentionDays: number }>> {
  const r = await q.query<{ id: number; retention_days: number }>('SELECT id, retention_days FROM log_groups WHERE retention_days IS NOT NULL ORDER BY id');
  return r.rows.map((row) => ({ id: Number(row.id), retentionDays: Number(row.retention_days) }));
}

/** The group's id, or undefined. */
export async function groupIdOf(q: Queryable, scope: LogsScope, name: string): Promise<number | undefined> {
  const r = await q.query<{ id: number }>('SELECT id FROM log_groups WHERE account_id = $1 AND region = $2 AND name = $3', [scope.accountId, scope.region, name]);
  return r.rows[0] ? Number(r.rows[0].id) : undefined;
}
