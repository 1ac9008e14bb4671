import { models, type JsonService } from '../../aws/index.js';
import type { ConnectionsDeps } from '../../connections/index.js';
import { connectionOperations } from './connection-operations.js';

/** db, clock, logger. */
export type CodeConnectionsServiceDeps = ConnectionsDeps;

/**
 * The connections providers: AWS CodeStar Connections (`CodeStar_connections_20191201`, JSON 1.0,
 * API 2019-12-01) and its renamed successor AWS CodeConnections (`CodeConnections_20231201`,
 * JSON 1.0, API 2023-12-01), over one set of connections. A connection created through either
 * carries that API's ARN prefix; an ARN of either form works in both. Hosts, repository links and
 * sync configurations answer the gateway's not-implemented error. Construction touches no dependency
 * (scripts/gen-compat.mjs checks that).
 */
export function createCodeConnectionsService(deps: CodeConnectionsServiceDeps): { services: JsonService[] } {
  return {
    services: [
      { family: 'json', model: models.codestarconnectionsModel, operations: connectionOperations(deps, 'codestar-connections') },
      { family: 'json', model: models.codeconnectionsModel, operations: connectionOperations(deps, 'codeconnections') },
    ],
  };
}
