/** SQL for codeconnections_connections (migration 0070). Every function takes the Queryable to run on. */
import type { Queryable } from '../store/index.js';
import { formatConnectionArn } from './arn.js';
import type { ArnService, Connection, ConnectionScope, ConnectionStatus, ProviderType, Tag } from './types.js';

interface Row {
  connection_id: string;
  account_id: string;
  region: string;
  name: string;
  arn_service: ArnService;
  provider_type: ProviderType;
  status: ConnectionStatus;
  owner_account_id: string;
  tags: Tag[];
  created_at: Date;
}

const COLUMNS = 'connection_id, account_id, region, name, arn_service, provider_type, status, owner_account_id, tags, created_at';

const toConnection = (r: Row): Connection => {
  const scope = { accountId: r.account_id, region: r.region };
  return {
    ...scope,
    id: r.connection_id,
    name: r.name,
    arnService: r.arn_service,
    arn: formatConnectionArn(r.arn_service, scope, r.connection_id),
    providerType: r.provider_type,
    status: r.status,
    ownerAccountId: r.owner_account_id,
    tags: r.tags,
    created: r.created_at,
  };
};

/**
 * Serialises creations in one account and region (a transaction-scoped advisory lock), so the
 * count a quota check reads cannot be raced by another replica's insert.
 */
export async function lockScope(q: Queryable, scope: ConnectionScope): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`codeconnections:${scope.accountId}:${scope.region}`]);
}

export async function countConnections(q: Queryable, scope: ConnectionScope): Promise<number> {
  const res = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM codeconnections_connections WHERE account_id = $1 AND region = $2', [scope.accountId, scope.region]);
  return res.rows[0]?.n ?? 0;
}

/** False when the scope already has a connection of that name. */
export async function insertConnection(q: Queryable, c: Connection): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO codeconnections_connections (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) ON CONFLICT DO NOTHING`,
    [c.id, c.accountId, c.region, c.name, c.arnService, c.providerType, c.status, c.ownerAccountId, JSON.stringify(c.tags), c.created],
  );
  return res.rowCount === 1;
}

/** The connection of that id in that scope (the scope comes from the ARN, so another account's id finds nothing). */
export async function findConnectionRow(q: Queryable, scope: ConnectionScope, id: string, lock = false): Promise<Connection | undefined> {
  const res = await q.query<Row>(
    `SELECT ${COLUMNS} FROM codeconnections_connections WHERE connection_id = $1 AND account_id = $2 AND region = $3${lock ? ' FOR UPDATE' : ''}`,
    [id, scope.accountId, scope.region],
  );
  return res.rows[0] ? toConnection(res.rows[0]) : undefined;
}

export interface ListCursor {
  created: Date;
  id: string;
}

/** Up to `limit` connections after `cursor`, in creation order (ties by id), optionally of one provider type. */
export async function listConnectionRows(
  q: Queryable,
  scope: ConnectionScope,
  opts: { providerType?: ProviderType; after?: ListCursor; limit: number },
): Promise<Connection[]> {
  const params: unknown[] = [scope.accountId, scope.region];
  let where = 'account_id = $1 AND region = $2';
  if (opts.providerType !== undefined) {
    params.push(opts.providerType);
    where += ` AND provider_type = $${params.length}`;
  }
  if (opts.after !== undefined) {
    params.push(opts.after.created, opts.after.id);
    where += ` AND (created_at, connection_id) > ($${params.length - 1}, $${params.length})`;
  }
  params.push(opts.limit);
  const res = await q.query<Row>(
    `SELECT ${COLUMNS} FROM codeconnections_connections WHERE ${where} ORDER BY created_at, connection_id LIMIT $${params.length}`,
    params,
  );
  return res.rows.map(toConnection);
}

export async function updateTags(q: Queryable, id: string, tags: readonly Tag[]): Promise<void> {
  await q.query('UPDATE codeconnections_connections SET tags = $2::jsonb WHERE connection_id = $1', [id, JSON.stringify(tags)]);
}

/** True when a row was deleted. */
export async function deleteConnectionRow(q: Queryable, scope: ConnectionScope, id: string): Promise<boolean> {
  const res = await q.query('DELETE FROM codeconnections_connections WHERE connection_id = $1 AND account_id = $2 AND region = $3', [id, scope.accountId, scope.region]);
  return res.rowCount === 1;
}
