-- CodeBuild projects and builds (spec Part B). Owned by src/build/projects and src/build/builds.
-- Settings are stored as jsonb in AWS's member names: the API round-trips every member a user sent
-- (VPC config, file systems, batch config…) even where nagare does not act on it.
CREATE TABLE codebuild_projects (
  account_id text NOT NULL,
  region text NOT NULL,
  name text NOT NULL,
  arn text NOT NULL,
  settings jsonb NOT NULL,
  tags jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL,
  modified_at timestamptz NOT NULL,
  -- Per-project build counter (spec B.2: first build = 1, never renumbered after deletes).
  last_build_number integer NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, region, name)
);

CREATE TABLE codebuild_builds (
  account_id text NOT NULL,
  region text NOT NULL,
  -- `<project>:<uuid>` (spec B.2).
  id text NOT NULL,
  -- Insertion order: ListBuilds / ListBuildsForProject paginate on it.
  seq bigserial NOT NULL,
  uuid text NOT NULL,
  arn text NOT NULL,
  project_name text NOT NULL,
  build_number integer NOT NULL,
  build_status text NOT NULL,
  current_phase text NOT NULL,
  build_complete boolean NOT NULL DEFAULT false,
  start_time timestamptz NOT NULL,
  end_time timestamptz,
  -- BuildPhase records as BatchGetBuilds returns them (times as ISO strings).
  phases jsonb NOT NULL,
  -- The effective settings of this build: project + StartBuild overrides, frozen at start.
  settings jsonb NOT NULL,
  -- What the run produced: artifact locations, exported variables, resolved source version.
  outcome jsonb NOT NULL DEFAULT '{}'::jsonb,
  stop_requested_at timestamptz,
  idempotency_token text,
  request_hash text,
  job_id bigint,
  PRIMARY KEY (account_id, region, id)
);

CREATE UNIQUE INDEX codebuild_builds_seq ON codebuild_builds (seq);
CREATE INDEX codebuild_builds_project ON codebuild_builds (account_id, region, project_name, build_number);
CREATE INDEX codebuild_builds_token ON codebuild_builds (account_id, region, idempotency_token) WHERE idempotency_token IS NOT NULL;
CREATE INDEX codebuild_builds_running ON codebuild_builds (account_id, region, project_name) WHERE build_complete = false;
