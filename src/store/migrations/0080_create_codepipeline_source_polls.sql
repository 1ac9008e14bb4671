-- What polling last saw for each source action reading a --git-remotes URL (src/pipeline/use-cases/
-- poll-sources.ts): a change from this revision starts an execution. The URL and branch are kept so
-- a changed mapping or BranchName starts over from the new tip instead of comparing unrelated refs.
CREATE TABLE codepipeline_source_polls (
  account_id text NOT NULL,
  region text NOT NULL,
  pipeline_name text NOT NULL,
  action_name text NOT NULL,
  remote_url text NOT NULL,
  branch text NOT NULL,
  revision text NOT NULL,
  checked_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, region, pipeline_name, action_name)
);
