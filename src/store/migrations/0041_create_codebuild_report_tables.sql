-- CodeBuild report groups and reports (spec A.11, B.5). Owned by src/build/builds/reports.
-- A report's test cases (at most 500, spec A.11) and per-file coverages live in its row as jsonb.
CREATE TABLE codebuild_report_groups (
  account_id text NOT NULL,
  region text NOT NULL,
  name text NOT NULL,
  arn text NOT NULL,
  type text NOT NULL,
  export_config jsonb NOT NULL,
  tags jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL,
  modified_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, region, name)
);

CREATE TABLE codebuild_reports (
  account_id text NOT NULL,
  region text NOT NULL,
  arn text NOT NULL,
  seq bigserial NOT NULL,
  group_name text NOT NULL,
  type text NOT NULL,
  -- The build ARN (Report.executionId).
  execution_id text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  truncated boolean NOT NULL DEFAULT false,
  export_config jsonb NOT NULL,
  test_summary jsonb,
  coverage_summary jsonb,
  test_cases jsonb NOT NULL DEFAULT '[]'::jsonb,
  code_coverages jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (account_id, region, arn)
);

CREATE UNIQUE INDEX codebuild_reports_seq ON codebuild_reports (seq);
CREATE INDEX codebuild_reports_group ON codebuild_reports (account_id, region, group_name, seq);
