/** Domain values → the Connection shape (identical in both models). */
import type { models } from '../../aws/index.js';
import type * as connections from '../../connections/index.js';

export function toAwsConnection(c: connections.Connection): models.codeconnections.Connection {
  return {
    ConnectionName: c.name,
    ConnectionArn: c.arn,
    ProviderType: c.providerType,
    OwnerAccountId: c.ownerAccountId,
    ConnectionStatus: c.status,
  };
}
