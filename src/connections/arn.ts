/**
 * Connection ARNs. AWS renamed CodeStar Connections to CodeConnections in 2024: a connection's ARN
 * carries the prefix it was created under, and both APIs accept either form for any connection.
 * So the identity of a connection is (account, region, id); the prefix is presentation.
 */
import { formatArn, parseArn } from '../shared/index.js';
import type { ArnService, ConnectionScope } from './types.js';

export const ARN_SERVICES: readonly ArnService[] = ['codestar-connections', 'codeconnections'];

const isArnService = (s: string): s is ArnService => (ARN_SERVICES as readonly string[]).includes(s);

export interface ConnectionArnParts extends ConnectionScope {
  service: ArnService;
  id: string;
}

export function formatConnectionArn(service: ArnService, scope: ConnectionScope, id: string): string {
  return formatArn({ service, region: scope.region, account: scope.accountId, resource: `connection/${id}` });
}

/**
 * `arn:aws:(codestar-connections|codeconnections):<region>:<12 digits>:connection/<id>` → its parts;
 * anything else (another service, a host ARN, another partition) → undefined.
 */
export function parseConnectionArn(arn: string): ConnectionArnParts | undefined {
  const p = parseArn(arn);
  if (!p || p.partition !== 'aws' || !isArnService(p.service) || !/^[0-9]{12}$/.test(p.account) || p.region === '') return undefined;
  const m = /^connection\/([A-Za-z0-9-]{1,128})$/.exec(p.resource);
  if (!m) return undefined;
  return { service: p.service, region: p.region, accountId: p.account, id: m[1]! };
}

/** True for a host ARN of either prefix (hosts are not served, so none ever exists). */
export function isHostArn(arn: string): boolean {
  const p = parseArn(arn);
  return p !== undefined && isArnService(p.service) && p.resource.startsWith('host/');
}
