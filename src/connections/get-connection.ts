/** GetConnection (the caller's scope) and findConnection (the scope the ARN names: the pipeline's runner). */
import { parseConnectionArn } from './arn.js';
import { findConnectionRow } from './connection-repo.js';
import type { ConnectionsDeps } from './deps.js';
import { loadConnection } from './load-connection.js';
import type { Connection, ConnectionScope, ConnectionSummary } from './types.js';

export async function getConnection(deps: Pick<ConnectionsDeps, 'db'>, scope: ConnectionScope, arn: string): Promise<Connection> {
  return loadConnection(deps.db, scope, arn);
}

/**
 * The connection an ARN of either form (`arn:aws:codestar-connections:…` or
 * `arn:aws:codeconnections:…`) names, looked up in the account and region written in the ARN;
 * undefined when there is none or the string is not a connection ARN. `arn` in the answer is the
 * connection's own ARN (the prefix it was created under), whichever form was asked for. Callers
 * acting for an account check that `arn`'s account is theirs.
 */
export async function findConnection(deps: Pick<ConnectionsDeps, 'db'>, arn: string): Promise<ConnectionSummary | undefined> {
  const parts = parseConnectionArn(arn);
  if (!parts) return undefined;
  const c = await findConnectionRow(deps.db, parts, parts.id);
  if (!c) return undefined;
  return { arn: c.arn, name: c.name, providerType: c.providerType, status: c.status, ownerAccountId: c.ownerAccountId };
}
