/**
 * ListConnections: the caller's connections in creation order, optionally of one provider type.
 * Pages are cut by a keyset cursor (creation time, id) carried in an opaque NextToken, so a
 * connection created or deleted between pages neither repeats nor shifts another out of the list.
 */
import { listConnectionRows, type ListCursor } from './connection-repo.js';
import type { ConnectionsDeps } from './deps.js';
import { connectionsError } from './errors.js';
import type { Connection, ConnectionScope, ProviderType } from './types.js';

/** Page size when MaxResults is absent or 0 (the model's maximum). */
export const DEFAULT_PAGE_SIZE = 100;

export interface ListConnectionsInput {
  providerType?: ProviderType;
  hostArn?: string;
  maxResults?: number;
  nextToken?: string;
}

const TOKEN_KIND = 'connections';

export function encodeListToken(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify({ k: TOKEN_KIND, t: cursor.created.toISOString(), i: cursor.id }), 'utf8').toString('base64url');
}

export function decodeListToken(token: string): ListCursor {
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { k?: unknown; t?: unknown; i?: unknown };
    if (body.k === TOKEN_KIND && typeof body.t === 'string' && typeof body.i === 'string') {
      const created = new Date(body.t);
      if (!Number.isNaN(created.getTime())) return { created, id: body.i };
    }
  } catch {
    // fall through: not one of our tokens
  }
  throw connectionsError('InvalidNextToken', 'The NextToken is not valid. Pass the NextToken of the previous ListConnections answer unchanged.');
}

export async function listConnections(
  deps: Pick<ConnectionsDeps, 'db'>,
  scope: ConnectionScope,
  input: ListConnectionsInput,
): Promise<{ connections: Connection[]; nextToken?: string }> {
  const after = input.nextToken === undefined ? undefined : decodeListToken(input.nextToken);
  // No host exists (hosts are not served), so no connection is associated with one.
  if (input.hostArn !== undefined) return { connections: [] };
  const size = input.maxResults === undefined || input.maxResults === 0 ? DEFAULT_PAGE_SIZE : input.maxResults;
  const rows = await listConnectionRows(deps.db, scope, {
    ...(input.providerType !== undefined ? { providerType: input.providerType } : {}),
    ...(after !== undefined ? { after } : {}),
    limit: size + 1,
  });
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return rows.length > size && last ? { connections: page, nextToken: encodeListToken({ created: last.created, id: last.id }) } : { connections: page };
}
