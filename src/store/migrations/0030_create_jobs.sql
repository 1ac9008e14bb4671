-- Durable work queue (DESIGN.md §3): every build, deployment step and timer is a row here.
-- A worker claims a due row with FOR UPDATE SKIP LOCKED and holds a lease it keeps renewing;
-- an expired lease (crashed or killed worker) makes the row claimable again with attempt + 1.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  -- Optional: at most one unfinished job per key (e.g. one timer per approval).
  dedupe_key text,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempt integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3,
  leased_by text,
  lease_expires_at timestamptz,
  last_error text,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX jobs_dedupe_unfinished ON jobs (dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('queued', 'running');

CREATE INDEX jobs_due ON jobs (kind, run_at) WHERE status = 'queued';

CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE status = 'running';
