/** DeleteConnection: by an ARN of either form; a missing connection is ResourceNotFound, as on AWS. */
import { parseConnectionArn } from './arn.js';
import { deleteConnectionRow } from './connection-repo.js';
import type { ConnectionsDeps } from './deps.js';
import { connectionNotFound } from './errors.js';
import type { ConnectionScope } from './types.js';

export async function deleteConnection(deps: Pick<ConnectionsDeps, 'db'>, scope: ConnectionScope, arn: string): Promise<void> {
  const parts = parseConnectionArn(arn);
  const deleted = parts !== undefined && parts.accountId === scope.accountId && parts.region === scope.region && (await deleteConnectionRow(deps.db, scope, parts.id));
  if (!deleted) throw connectionNotFound(arn);
}
