import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExecutionRecord } from '../executions/execution-repo.js';
import { toExecutionSummary, toPipelineExecution } from './executions.js';

const T0 = new Date('2024-05-01T12:00:00Z');
const T1 = new Date('2024-05-01T12:09:00Z');

const execution: ExecutionRecord = {
  scope: { accountId: '000000000000', region: 'us-east-1' },
  pipelineName: 'demo',
  id: 'e1',
  seq: 7,
  pipelineVersion: 2,
  status: 'Stopped',
  statusSummary: 'stopped by hand',
  trigger: { triggerType: 'Webhook', triggerDetail: 'arn:aws:codepipeline:us-east-1:000000000000:webhook:gh' },
  stopTrigger: { reason: 'bad commit' },
  variables: [{ name: 'Env', resolvedValue: 'prod' }],
  sourceOverrides: [],
  sourceRevisions: [
    { actionName: 'Src', revisionId: 'abc', revisionSummary: 'fix', revisionUrl: 'http://x/abc', created: '2024-05-01T11:59:00.000Z', artifactName: 'SourceArtifact' },
  ],
  artifacts: {},
  namespaces: {},
  executionMode: 'QUEUED',
  executionType: 'ROLLBACK',
  rollbackMetadata: { rollbackTargetPipelineExecutionId: 'e0' },
  startTime: T0,
  lastUpdateTime: T1,
};

test('GetPipelineExecution shape: artifact revisions named after the artifact, variables, trigger, rollback metadata', () => {
  assert.deepEqual(toPipelineExecution(execution), {
    pipelineName: 'demo',
    pipelineVersion: 2,
    pipelineExecutionId: 'e1',
    status: 'Stopped',
    statusSummary: 'stopped by hand',
    artifactRevisions: [
      { name: 'SourceArtifact', revisionId: 'abc', revisionChangeIdentifier: 'abc', revisionSummary: 'fix', created: new Date('2024-05-01T11:59:00.000Z'), revisionUrl: 'http://x/abc' },
    ],
    variables: [{ name: 'Env', resolvedValue: 'prod' }],
    trigger: { triggerType: 'Webhook', triggerDetail: 'arn:aws:codepipeline:us-east-1:000000000000:webhook:gh' },
    executionMode: 'QUEUED',
    executionType: 'ROLLBACK',
    rollbackMetadata: { rollbackTargetPipelineExecutionId: 'e0' },
  });
});

test('ListPipelineExecutions summary shape: source revisions by action, stopTrigger', () => {
  assert.deepEqual(toExecutionSummary(execution), {
    pipelineExecutionId: 'e1',
    status: 'Stopped',
    statusSummary: 'stopped by hand',
    startTime: T0,
    lastUpdateTime: T1,
    sourceRevisions: [{ actionName: 'Src', revisionId: 'abc', revisionSummary: 'fix', revisionUrl: 'http://x/abc' }],
    trigger: { triggerType: 'Webhook', triggerDetail: 'arn:aws:codepipeline:us-east-1:000000000000:webhook:gh' },
    stopTrigger: { reason: 'bad commit' },
    executionMode: 'QUEUED',
    executionType: 'ROLLBACK',
    rollbackMetadata: { rollbackTargetPipelineExecutionId: 'e0' },
  });
  const running = toExecutionSummary({ ...execution, status: 'InProgress', statusSummary: undefined, stopTrigger: undefined, rollbackMetadata: undefined, sourceRevisions: [] });
  assert.equal('stopTrigger' in running, false);
  assert.equal('rollbackMetadata' in running, false);
  assert.equal('statusSummary' in running, false);
});
