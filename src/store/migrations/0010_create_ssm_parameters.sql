-- SSM Parameter Store. One row per parameter (per account and region) plus one per kept version
-- (at most 100). SecureString values live only in value_cipher (AES-256-GCM envelope, see
-- src/secrets/cipher.ts); String/StringList values in value_text.
CREATE TABLE ssm_parameters (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL,
  region text NOT NULL,
  -- Identity: "/a" and "a" are the same parameter, so a top-level name is keyed without its slash.
  name_key text NOT NULL,
  -- The name as first created; what AWS echoes back.
  name text NOT NULL,
  -- Latest version; versions are numbered 1, 2, … and never reused until the parameter is deleted.
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (account_id, region, name_key)
);

CREATE INDEX ssm_parameters_by_name ON ssm_parameters (account_id, region, name COLLATE "C");

CREATE TABLE ssm_parameter_versions (
  parameter_id bigint NOT NULL REFERENCES ssm_parameters (id) ON DELETE CASCADE,
  version integer NOT NULL,
  type text NOT NULL CHECK (type IN ('String', 'StringList', 'SecureString')),
  value_text text,
  value_cipher bytea,
  description text,
  allowed_pattern text,
  key_id text,
  tier text NOT NULL CHECK (tier IN ('Standard', 'Advanced')),
  data_type text NOT NULL,
  policies text,
  modified_at timestamptz NOT NULL,
  modified_user text NOT NULL,
  PRIMARY KEY (parameter_id, version),
  -- A SecureString is never stored in plain text, and every version has exactly one value.
  CHECK ((type = 'SecureString') = (value_cipher IS NOT NULL)),
  CHECK ((value_text IS NULL) <> (value_cipher IS NULL))
);

-- A label names one version of a parameter at a time; labelling another version moves it.
CREATE TABLE ssm_parameter_labels (
  parameter_id bigint NOT NULL,
  label text NOT NULL,
  version integer NOT NULL,
  PRIMARY KEY (parameter_id, label),
  FOREIGN KEY (parameter_id, version) REFERENCES ssm_parameter_versions (parameter_id, version) ON DELETE CASCADE
);

CREATE TABLE ssm_parameter_tags (
  parameter_id bigint NOT NULL REFERENCES ssm_parameters (id) ON DELETE CASCADE,
  key text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (parameter_id, key)
);
