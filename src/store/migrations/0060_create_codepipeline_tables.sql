-- CodePipeline (spec Parts C, D). Owned by src/pipeline. Declarations are stored as jsonb in AWS's
-- member names; every version stays readable (GetPipeline --pipeline-version, Surprise 35).
CREATE TABLE codepipeline_pipelines (
  account_id text NOT NULL,
  region text NOT NULL,
  name text NOT NULL,
  version integer NOT NULL,
  -- The current declaration, secrets included (GetPipeline masks them).
  declaration jsonb NOT NULL,
  -- The pure execution machine's per-pipeline state (stage locks, transitions, active executions).
  -- Every change goes through SELECT … FOR UPDATE on this row: one writer per pipeline at a time.
  runtime jsonb NOT NULL,
  tags jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, region, name)
);

CREATE TABLE codepipeline_pipeline_versions (
  account_id text NOT NULL,
  region text NOT NULL,
  name text NOT NULL,
  version integer NOT NULL,
  declaration jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, region, name, version)
);

CREATE TABLE codepipeline_executions (
  account_id text NOT NULL,
  region text NOT NULL,
  pipeline_name text NOT NULL,
  id text NOT NULL,
  -- Arrival order (ListPipelineExecutions is newest first; QUEUED mode admits oldest first).
  seq bigserial NOT NULL,
  pipeline_version integer NOT NULL,
  status text NOT NULL,
  status_summary text,
  trigger jsonb NOT NULL,
  stop_trigger jsonb,
  -- Pipeline-level variables as resolved at start: [{name, resolvedValue}].
  variables jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- StartPipelineExecution.sourceRevisions / the triggering event's revision, per source action.
  source_overrides jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- What each source action produced: [{actionName, revisionId, revisionSummary, revisionUrl, created, artifactName}].
  source_revisions jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Output artifacts by name: {bucket, key, revision} (inputs of later actions).
  artifacts jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Output variables by namespace: {ns: {key: value}}.
  namespaces jsonb NOT NULL DEFAULT '{}'::jsonb,
  execution_mode text NOT NULL,
  execution_type text NOT NULL DEFAULT 'STANDARD',
  rollback_metadata jsonb,
  client_request_token text,
  start_time timestamptz NOT NULL,
  last_update_time timestamptz NOT NULL,
  PRIMARY KEY (account_id, region, pipeline_name, id)
);

CREATE UNIQUE INDEX codepipeline_executions_seq ON codepipeline_executions (seq);
CREATE INDEX codepipeline_executions_pipeline ON codepipeline_executions (account_id, region, pipeline_name, seq);
CREATE UNIQUE INDEX codepipeline_executions_token ON codepipeline_executions (account_id, region, pipeline_name, client_request_token)
  WHERE client_request_token IS NOT NULL;

CREATE TABLE codepipeline_action_executions (
  account_id text NOT NULL,
  region text NOT NULL,
  pipeline_name text NOT NULL,
  id text NOT NULL,
  seq bigserial NOT NULL,
  execution_id text NOT NULL,
  pipeline_version integer NOT NULL,
  stage_name text NOT NULL,
  action_name text NOT NULL,
  attempt integer NOT NULL,
  status text NOT NULL,
  summary text,
  -- ActionExecutionInput: actionTypeId, configuration, resolvedConfiguration, inputArtifacts, namespace…
  input jsonb NOT NULL,
  -- ActionExecutionOutput: outputArtifacts, executionResult, outputVariables.
  output jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_execution_id text,
  external_execution_url text,
  error_details jsonb,
  -- Manual approval: the token PutApprovalResult must quote, and when the wait times out.
  token text,
  expires_at timestamptz,
  updated_by text,
  start_time timestamptz NOT NULL,
  last_update_time timestamptz NOT NULL,
  PRIMARY KEY (account_id, region, pipeline_name, id)
);

CREATE UNIQUE INDEX codepipeline_action_executions_seq ON codepipeline_action_executions (seq);
CREATE INDEX codepipeline_action_executions_exec ON codepipeline_action_executions (account_id, region, pipeline_name, execution_id, seq);

CREATE TABLE codepipeline_webhooks (
  account_id text NOT NULL,
  region text NOT NULL,
  name text NOT NULL,
  -- Opaque token in the webhook URL; a recreated webhook gets a new one (spec D.4).
  url_token text NOT NULL UNIQUE,
  definition jsonb NOT NULL,
  tags jsonb NOT NULL DEFAULT '[]'::jsonb,
  last_triggered timestamptz,
  error_message text,
  error_code text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, region, name)
);

-- X-GitHub-Delivery ids already acted on: a replayed delivery never starts a second execution.
CREATE TABLE codepipeline_webhook_deliveries (
  url_token text NOT NULL,
  delivery_id text NOT NULL,
  received_at timestamptz NOT NULL,
  execution_id text,
  PRIMARY KEY (url_token, delivery_id)
);
