/** An ARN of either form, in the caller's account and region → its connection, or ResourceNotFound. */
import type { Queryable } from '../store/index.js';
import { parseConnectionArn } from './arn.js';
import { findConnectionRow } from './connection-repo.js';
import { connectionNotFound } from './errors.js';
import type { Connection, ConnectionScope } from './types.js';

export async function loadConnection(q: Queryable, scope: ConnectionScope, arn: string, lock = false): Promise<Connection> {
  const parts = parseConnectionArn(arn);
  // Another account's or region's connection is not visible from this endpoint, as on AWS.
  const found = parts && parts.accountId === scope.accountId && parts.region === scope.region ? await findConnectionRow(q, scope, parts.id, lock) : undefined;
  if (!found) throw connectionNotFound(arn);
  return found;
}
