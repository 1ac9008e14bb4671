-- Server-wide facts: created once, read at every start (e.g. the data format version).
CREATE TABLE server_meta (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
