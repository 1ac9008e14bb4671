-- CodeStar Connections / CodeConnections connections (src/connections). One row per connection,
-- served by both APIs: the id is the last part of its ARN, and arn_service records which service
-- prefix the ARN was created under (`codestar-connections` or `codeconnections`), which is the form
-- both APIs return. An ARN of either form finds the row by (account_id, region, connection_id).
CREATE TABLE codeconnections_connections (
  connection_id text PRIMARY KEY,
  account_id text NOT NULL,
  region text NOT NULL,
  name text NOT NULL,
  arn_service text NOT NULL CHECK (arn_service IN ('codestar-connections', 'codeconnections')),
  provider_type text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'AVAILABLE', 'ERROR')),
  owner_account_id text NOT NULL,
  -- [{"Key","Value"}, …] in the order they were first set, as ListTagsForResource returns them.
  tags jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL,
  UNIQUE (account_id, region, name)
);

-- ListConnections pages in creation order.
CREATE INDEX codeconnections_connections_by_created ON codeconnections_connections (account_id, region, created_at, connection_id);
