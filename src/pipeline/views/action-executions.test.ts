import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActionExecutionRecord } from '../executions/execution-repo.js';
import { maskConfiguration, newestAttempts, toActionExecutionDetail } from './action-executions.js';

const T0 = new Date('2024-05-01T12:00:00Z');
const T1 = new Date('2024-05-01T12:05:00Z');

function row(patch: Partial<ActionExecutionRecord>): ActionExecutionRecord {
  return {
    scope: { accountId: '000000000000', region: 'us-east-1' },
    pipelineName: 'demo',
    id: 'a1',
    seq: 1,
    executionId: 'e1',
    pipelineVersion: 3,
    stageName: 'Build',
    actionName: 'Unit',
    attempt: 1,
    status: 'Succeeded',
    input: {
      actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
      configuration: { ProjectName: '#{variables.Project}' },
      resolvedConfiguration: { ProjectName: 'app' },
      region: 'us-east-1',
      inputArtifacts: [{ name: 'SourceArtifact', s3location: { bucket: 'store', key: 'demo/SourceArti/abc' } }],
      namespace: 'BuildVariables',
    },
    output: { outputArtifacts: [{ name: 'BuildArtifact', s3location: { bucket: 'store', key: 'demo/BuildArtif/def' } }], outputVariables: { IMAGE_TAG: 'v1' } },
    externalExecutionId: 'app:1234',
    externalExecutionUrl: 'http://127.0.0.1:4566/codebuild/app:1234',
    summary: 'Build succeeded',
    startTime: T0,
    lastUpdateTime: T1,
    ...patch,
  };
}

test('the ListActionExecutions shape of a CodeBuild action (spec D.3)', () => {
  assert.deepEqual(toActionExecutionDetail(row({ updatedBy: 'arn:aws:iam::000000000000:root' })), {
    pipelineExecutionId: 'e1',
    actionExecutionId: 'a1',
    pipelineVersion: 3,
    stageName: 'Build',
    actionName: 'Unit',
    startTime: T0,
    lastUpdateTime: T1,
    updatedBy: 'arn:aws:iam::000000000000:root',
    status: 'Succeeded',
    input: {
      actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
      configuration: { ProjectName: '#{variables.Project}' },
      resolvedConfiguration: { ProjectName: 'app' },
      region: 'us-east-1',
      inputArtifacts: [{ name: 'SourceArtifact', s3location: { bucket: 'store', key: 'demo/SourceArti/abc' } }],
      namespace: 'BuildVariables',
    },
    output: {
      outputArtifacts: [{ name: 'BuildArtifact', s3location: { bucket: 'store', key: 'demo/BuildArtif/def' } }],
      executionResult: { externalExecutionId: 'app:1234', externalExecutionSummary: 'Build succeeded', externalExecutionUrl: 'http://127.0.0.1:4566/codebuild/app:1234' },
      outputVariables: { IMAGE_TAG: 'v1' },
    },
  });
});

test('a failed action carries errorDetails in executionResult; an action that produced nothing has empty outputs', () => {
  const d = toActionExecutionDetail(
    row({ status: 'Failed', output: {}, externalExecutionId: undefined, externalExecutionUrl: undefined, summary: undefined, errorDetails: { code: 'JobFailed', message: 'Build terminated with state: FAILED' } }),
  );
  assert.deepEqual(d.output, { outputArtifacts: [], executionResult: { errorDetails: { code: 'JobFailed', message: 'Build terminated with state: FAILED' } } });
  const bare = toActionExecutionDetail(row({ status: 'InProgress', output: {}, externalExecutionId: undefined, externalExecutionUrl: undefined, summary: undefined }));
  assert.deepEqual(bare.output, { outputArtifacts: [] });
});

test('secret configuration values are masked in configuration and resolvedConfiguration', () => {
  const github = { category: 'Source', owner: 'ThirdParty', provider: 'GitHub', version: '1' } as const;
  const config = { Owner: 'o', Repo: 'r', Branch: 'main', OAuthToken: 'ghp_secret' };
  assert.deepEqual(maskConfiguration(github, config), { ...config, OAuthToken: '****' });
  const d = toActionExecutionDetail(row({ input: { ...row({}).input, actionTypeId: github, configuration: config, resolvedConfiguration: config } }));
  assert.equal(d.input.configuration.OAuthToken, '****');
  assert.equal(d.input.resolvedConfiguration.OAuthToken, '****');
  assert.equal(config.OAuthToken, 'ghp_secret', 'the stored map is not changed');
});

test('newestAttempts keeps the first (newest) row of each stage/action', () => {
  const rows = [row({ id: 'a3', seq: 3, attempt: 2 }), row({ id: 'a2', seq: 2, actionName: 'Lint' }), row({ id: 'a1', seq: 1 })];
  assert.deepEqual(newestAttempts(rows).map((r) => r.id), ['a3', 'a2']);
});
