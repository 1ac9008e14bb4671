// Public API of the connections module (CodeStar Connections / CodeConnections); re-exports only.
export type { ConnectionsDeps } from './deps.js';
export type { ArnService, Connection, ConnectionScope, ConnectionStatus, ConnectionSummary, ProviderType, Tag } from './types.js';
export type { ConnectionsErrorCode } from './errors.js';
export { ARN_SERVICES, formatConnectionArn, parseConnectionArn, type ConnectionArnParts } from './arn.js';
export { createConnection, MAX_CONNECTIONS, type CreateConnectionInput } from './create-connection.js';
export { getConnection, findConnection } from './get-connection.js';
export { listConnections, DEFAULT_PAGE_SIZE, type ListConnectionsInput } from './list-connections.js';
export { deleteConnection } from './delete-connection.js';
export { tagResource, untagResource, listTagsForResource, MAX_TAGS } from './tags.js';
