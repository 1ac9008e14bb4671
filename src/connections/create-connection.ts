/**
 * CreateConnection. On AWS a new connection stays PENDING until someone completes the provider's
 * OAuth handshake in the console; nagare has no console handshake, so a connection is AVAILABLE at
 * once — which is what lets a pipeline with a CodeStarSourceConnection source run locally
 * (docs/compat/codeconnections.md).
 */
import { randomUUID } from 'node:crypto';
import { formatConnectionArn, isHostArn } from './arn.js';
import { countConnections, insertConnection, lockScope } from './connection-repo.js';
import type { ConnectionsDeps } from './deps.js';
import { connectionsError } from './errors.js';
import { checkTagCount, mergeTags } from './tags.js';
import type { ArnService, Connection, ConnectionScope, ProviderType, Tag } from './types.js';

/** Connections per account and region (AWS: 250 per account). */
export const MAX_CONNECTIONS = 250;

export interface CreateConnectionInput {
  name: string;
  providerType?: ProviderType;
  hostArn?: string;
  tags?: readonly Tag[];
}

/** `arnService`: the API the request came through, which decides the prefix of the new ARN. */
export async function createConnection(deps: Pick<ConnectionsDeps, 'db' | 'clock'>, scope: ConnectionScope, arnService: ArnService, input: CreateConnectionInput): Promise<Connection> {
  if (input.hostArn !== undefined) {
    // Hosts (self-managed GitHub Enterprise Server / GitLab) are not served, so no host exists.
    const what = isHostArn(input.hostArn) ? 'Host' : 'Resource';
    throw connectionsError('HostNotFound', `${what} ${input.hostArn} not found.`, { hostArn: input.hostArn });
  }
  if (input.providerType === undefined) {
    throw connectionsError('InvalidInput', 'Either ProviderType or HostArn must be specified to create a connection.');
  }
  const tags = mergeTags([], input.tags ?? []);
  checkTagCount(tags);
  const id = randomUUID();
  const connection: Connection = {
    ...scope,
    id,
    name: input.name,
    arnService,
    arn: formatConnectionArn(arnService, scope, id),
    providerType: input.providerType,
    status: 'AVAILABLE',
    ownerAccountId: scope.accountId,
    tags,
    created: deps.clock.now(),
  };
  await deps.db.transaction(async (tx) => {
    await lockScope(tx, scope);
    if ((await countConnections(tx, scope)) >= MAX_CONNECTIONS) {
      throw connectionsError('ConnectionLimitExceeded', `Exceeded the maximum limit for connections (${MAX_CONNECTIONS} per account and region).`);
    }
    if (!(await insertConnection(tx, connection))) {
      throw connectionsError('ConnectionNameExists', `A connection named ${input.name} already exists in this account and region.`, { name: input.name });
    }
  });
  return connection;
}
