-- CloudWatch Logs (src/logs/). Log groups and streams per account and region; one row per log
-- event (a message is at most 1 MiB, so every row is bounded; readers page by key, never load a
-- stream whole). Names sort byte-wise (COLLATE "C") as AWS lists them.
CREATE TABLE log_groups (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL,
  region text NOT NULL,
  name text COLLATE "C" NOT NULL,
  -- Epoch milliseconds, as the Logs API reports every time.
  created_ms bigint NOT NULL,
  retention_days integer,
  kms_key_id text,
  log_group_class text NOT NULL DEFAULT 'STANDARD',
  deletion_protection boolean NOT NULL DEFAULT false,
  UNIQUE (account_id, region, name)
);

CREATE TABLE log_group_tags (
  group_id bigint NOT NULL REFERENCES log_groups (id) ON DELETE CASCADE,
  key text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (group_id, key)
);

CREATE TABLE log_streams (
  id bigserial PRIMARY KEY,
  group_id bigint NOT NULL REFERENCES log_groups (id) ON DELETE CASCADE,
  name text COLLATE "C" NOT NULL,
  created_ms bigint NOT NULL,
  first_event_ms bigint,
  last_event_ms bigint,
  last_ingestion_ms bigint,
  -- Ingestion sequence number of the newest event (0 = none yet); source of uploadSequenceToken.
  last_seq bigint NOT NULL DEFAULT 0,
  -- UTF-8 bytes of the messages still stored; a group's storedBytes is the sum over its streams.
  stored_bytes bigint NOT NULL DEFAULT 0,
  UNIQUE (group_id, name)
);

-- Ingestion order across the whole server. A writer draws numbers while it holds its stream's row
-- lock, so within one stream a larger number always commits later (readers never see a gap fill).
CREATE SEQUENCE log_event_seq;

-- No foreign key to log_streams: deleting a stream or group removes its metadata at once and
-- queues its events in log_purges, which a background task deletes in bounded batches.
CREATE TABLE log_events (
  stream_id bigint NOT NULL,
  group_id bigint NOT NULL,
  ts bigint NOT NULL,
  seq bigint NOT NULL,
  ingested_ms bigint NOT NULL,
  message text NOT NULL,
  PRIMARY KEY (stream_id, ts, seq)
);

-- FilterLogEvents (interleaved by timestamp, then ingestion order) and retention by group.
CREATE INDEX log_events_by_group ON log_events (group_id, ts, seq);

CREATE TABLE log_purges (
  stream_id bigint PRIMARY KEY,
  queued_ms bigint NOT NULL
);
