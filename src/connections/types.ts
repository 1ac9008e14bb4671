/**
 * The connections domain (AWS CodeStar Connections, renamed AWS CodeConnections): a connection
 * names a third-party source provider account that CodePipeline's CodeStarSourceConnection action
 * pulls from. It belongs to one account in one region. Both AWS APIs serve the same connections.
 */

export interface ConnectionScope {
  accountId: string;
  region: string;
}

/** Every provider type of either model (CodeConnections added AzureDevOps; the gateway validates each API's own enum). */
export type ProviderType = 'Bitbucket' | 'GitHub' | 'GitHubEnterpriseServer' | 'GitLab' | 'GitLabSelfManaged' | 'AzureDevOps';

export type ConnectionStatus = 'PENDING' | 'AVAILABLE' | 'ERROR';

/** The two service prefixes a connection ARN can carry; each names the same kind of resource. */
export type ArnService = 'codestar-connections' | 'codeconnections';

export interface Tag {
  Key: string;
  Value: string;
}

export interface Connection {
  accountId: string;
  region: string;
  /** UUID: the last part of the ARN, `…:connection/<id>`. Never reused. */
  id: string;
  name: string;
  /** Prefix the connection was created under; its ARN keeps it whichever API reads it (as on AWS). */
  arnService: ArnService;
  /** `arn:aws:<arnService>:<region>:<account>:connection/<id>`. */
  arn: string;
  providerType: ProviderType;
  status: ConnectionStatus;
  /** AWS reports the 12-digit account that owns the connection. */
  ownerAccountId: string;
  /** In the order first set. */
  tags: Tag[];
  created: Date;
}

/** What the pipeline's CodeStarSourceConnection runner learns about a connection (see findConnection). */
export interface ConnectionSummary {
  arn: string;
  name: string;
  providerType: ProviderType;
  status: ConnectionStatus;
  ownerAccountId: string;
}
