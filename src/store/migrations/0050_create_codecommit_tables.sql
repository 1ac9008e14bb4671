-- CodeCommit repositories (src/source). The git data itself lives on disk in a bare repository
-- named by repository_id (`<data-dir>/git/<repository_id>.git`), so a rename is one UPDATE and no
-- user-chosen name ever becomes a path. Branches and commits are read from git, not stored here.
CREATE TABLE codecommit_repositories (
  account_id text NOT NULL,
  region text NOT NULL,
  name text NOT NULL,
  repository_id text NOT NULL UNIQUE,
  description text,
  -- NULL until the first push (or UpdateDefaultBranch) sets it, as on AWS.
  default_branch text,
  kms_key_id text,
  tags jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  modified_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, region, name)
);

CREATE INDEX codecommit_repositories_by_modified ON codecommit_repositories (account_id, region, modified_at);
