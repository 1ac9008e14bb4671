-- S3 (src/objects/): buckets, every object version (delete markers included), multipart uploads and
-- their parts, and blobs released by a state change that the sweep deletes after a grace period.
-- Keys and bucket names use the "C" collation: S3 lists keys in UTF-8 binary order, which is
-- code-point order, and only "C" compares that way on every server locale (and on PGlite).
CREATE TABLE s3_buckets (
  name text COLLATE "C" PRIMARY KEY,
  region text NOT NULL,
  owner_account text NOT NULL,
  created_at timestamptz NOT NULL,
  -- 'Unversioned' until versioning is first configured, then 'Enabled' or 'Suspended'.
  versioning text NOT NULL DEFAULT 'Unversioned',
  -- Normalised lifecycle rules (src/objects/lifecycle/types.ts); NULL = no configuration.
  lifecycle jsonb
);

-- One row per object version. seq orders the versions of a key (higher = newer); version_id is
-- 'null' for the null version. Exactly one row per key is the latest (partial unique index).
CREATE TABLE s3_versions (
  seq bigserial PRIMARY KEY,
  bucket text COLLATE "C" NOT NULL REFERENCES s3_buckets (name),
  key text COLLATE "C" NOT NULL,
  version_id text NOT NULL,
  is_latest boolean NOT NULL,
  is_delete_marker boolean NOT NULL,
  blob_id text,
  size bigint NOT NULL DEFAULT 0,
  etag text NOT NULL DEFAULT '',
  md5 text,
  last_modified timestamptz NOT NULL,
  storage_class text NOT NULL DEFAULT 'STANDARD',
  headers jsonb NOT NULL DEFAULT '{}',
  meta jsonb NOT NULL DEFAULT '{}',
  tags jsonb NOT NULL DEFAULT '[]',
  checksum jsonb,
  parts jsonb
);

CREATE UNIQUE INDEX s3_versions_key_version ON s3_versions (bucket, key, version_id);

CREATE UNIQUE INDEX s3_versions_latest ON s3_versions (bucket, key) WHERE is_latest;

CREATE INDEX s3_versions_key_seq ON s3_versions (bucket, key, seq DESC);

CREATE INDEX s3_versions_blob ON s3_versions (blob_id) WHERE blob_id IS NOT NULL;

CREATE TABLE s3_uploads (
  upload_id text PRIMARY KEY,
  bucket text COLLATE "C" NOT NULL REFERENCES s3_buckets (name),
  key text COLLATE "C" NOT NULL,
  initiated_at timestamptz NOT NULL,
  storage_class text NOT NULL DEFAULT 'STANDARD',
  headers jsonb NOT NULL DEFAULT '{}',
  meta jsonb NOT NULL DEFAULT '{}',
  tags jsonb NOT NULL DEFAULT '[]',
  checksum_algorithm text
);

CREATE INDEX s3_uploads_key ON s3_uploads (bucket, key, initiated_at);

CREATE TABLE s3_parts (
  upload_id text NOT NULL REFERENCES s3_uploads (upload_id) ON DELETE CASCADE,
  part_number integer NOT NULL,
  blob_id text NOT NULL,
  size bigint NOT NULL,
  etag text NOT NULL,
  md5 text NOT NULL,
  last_modified timestamptz NOT NULL,
  checksum jsonb,
  PRIMARY KEY (upload_id, part_number)
);

CREATE INDEX s3_parts_blob ON s3_parts (blob_id);

-- Blobs no row references any more, recorded in the transaction that released them. They are
-- deleted after a grace period so a GET that resolved the row just before can still open the file.
CREATE TABLE s3_garbage (
  blob_id text PRIMARY KEY,
  released_at timestamptz NOT NULL
);
