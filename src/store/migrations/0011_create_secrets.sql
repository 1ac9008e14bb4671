-- Secrets Manager. A secret (per account and region) has versions; staging labels (AWSCURRENT,
-- AWSPREVIOUS, AWSPENDING, custom) each point at one version. Values live only in value_cipher
-- (AES-256-GCM envelope, see src/secrets/cipher.ts).
CREATE TABLE sm_secrets (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL,
  region text NOT NULL,
  name text NOT NULL,
  -- arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>
  arn text NOT NULL UNIQUE,
  description text,
  kms_key_id text,
  created_at timestamptz NOT NULL,
  last_changed_at timestamptz NOT NULL,
  -- Day granularity, as AWS reports it.
  last_accessed_at timestamptz,
  -- Scheduled deletion: the secret is gone for good once recovery_window_days of AWS time
  -- (real elapsed time x the server's time scale) have passed since deleted_at.
  deleted_at timestamptz,
  recovery_window_days integer,
  UNIQUE (account_id, region, name)
);

CREATE TABLE sm_secret_versions (
  secret_id bigint NOT NULL REFERENCES sm_secrets (id) ON DELETE CASCADE,
  version_id text NOT NULL,
  is_binary boolean NOT NULL,
  value_cipher bytea NOT NULL,
  created_at timestamptz NOT NULL,
  -- Orders versions created within the same millisecond.
  seq bigserial,
  last_accessed_at timestamptz,
  PRIMARY KEY (secret_id, version_id)
);

CREATE TABLE sm_secret_stages (
  secret_id bigint NOT NULL,
  stage text NOT NULL,
  version_id text NOT NULL,
  PRIMARY KEY (secret_id, stage),
  FOREIGN KEY (secret_id, version_id) REFERENCES sm_secret_versions (secret_id, version_id) ON DELETE CASCADE
);

CREATE TABLE sm_secret_tags (
  secret_id bigint NOT NULL REFERENCES sm_secrets (id) ON DELETE CASCADE,
  key text NOT NULL,
  value text NOT NULL,
  -- Tags are listed in the order they were first added.
  seq bigserial,
  PRIMARY KEY (secret_id, key)
);
