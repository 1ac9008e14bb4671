import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PipelineDeclaration } from '../declaration/index.js';
import { Scenario, disable, ok, shape, start, AT } from '../execution/test-support.js';
import type { ActionExecutionRecord, RecordedRevision } from '../executions/execution-repo.js';
import { buildStageStates, referencedExecutions, type StageStateInputs } from './stage-states.js';

const SCOPE = { accountId: '000000000000', region: 'us-east-1' };
const T = new Date('2024-05-01T12:00:00Z');

function declaration(stages: Record<string, string[]>): PipelineDeclaration {
  const d: PipelineDeclaration = {
    name: 'demo',
    roleArn: 'arn:aws:iam::000000000000:role/r',
    artifactStore: { type: 'S3', location: 'bucket' },
    stages: Object.entries(stages).map(([name, actions], i) => ({
      name,
      actions: actions.map((a) => ({
        name: a,
        actionTypeId: i === 0 ? { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' } : { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
      })),
    })),
  };
  return d;
}

function row(executionId: string, stageName: string, actionName: string, patch: Partial<ActionExecutionRecord> = {}): ActionExecutionRecord {
  return {
    scope: SCOPE,
    pipelineName: 'demo',
    id: `${executionId}-${actionName}`,
    executionId,
    pipelineVersion: 1,
    stageName,
    actionName,
    attempt: 1,
    status: 'Succeeded',
    input: { actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' }, configuration: {}, resolvedConfiguration: {}, region: 'us-east-1', inputArtifacts: [] },
    output: {},
    startTime: T,
    lastUpdateTime: T,
    ...patch,
  };
}

const STAGES = { Source: ['Src'], Build: ['Unit', 'Lint'], Deploy: ['Ship'] };

function inputs(s: Scenario, patch: Partial<StageStateInputs> = {}): StageStateInputs {
  return { declaration: declaration(STAGES), version: 1, runtime: s.state, latestActions: [], executionTypes: new Map(), revisions: new Map(), ...patch };
}

test('a pipeline nothing ran through: declaration order, no latestExecution, inbound transitions on all but the first stage', () => {
  const s = new Scenario(shape('SUPERSEDED', STAGES));
  const states = buildStageStates(inputs(s));
  assert.deepEqual(states, [
    { stageName: 'Source', actionStates: [{ actionName: 'Src' }] },
    { stageName: 'Build', actionStates: [{ actionName: 'Unit' }, { actionName: 'Lint' }], inboundTransitionState: { enabled: true } },
    { stageName: 'Deploy', actionStates: [{ actionName: 'Ship' }], inboundTransitionState: { enabled: true } },
  ]);
});

test('SUPERSEDED: the execution inside a stage is its latestExecution, the one waiting in front is inboundExecution only', () => {
  const s = new Scenario(shape('SUPERSEDED', STAGES));
  s.send(start('e1'), ok('e1', 'Source', 'Src'), start('e2'), ok('e2', 'Source', 'Src'));
  assert.deepEqual(s.where(), ['e1 in Build', 'e2 before Build']);
  const [source, build] = buildStageStates(inputs(s, { executionTypes: new Map([['e1', 'STANDARD'], ['e2', 'STANDARD']]) }));
  assert.deepEqual(source?.latestExecution, { pipelineExecutionId: 'e2', status: 'Succeeded', type: 'STANDARD' });
  assert.deepEqual(build?.latestExecution, { pipelineExecutionId: 'e1', status: 'InProgress', type: 'STANDARD' });
  assert.deepEqual(build?.inboundExecution, { pipelineExecutionId: 'e2', status: 'InProgress', type: 'STANDARD' });
  assert.equal(build?.inboundExecutions, undefined);
});

test('QUEUED: every waiting execution in arrival order as inboundExecutions, the next one also as inboundExecution', () => {
  const s = new Scenario(shape('QUEUED', STAGES));
  s.send(start('e1'), ok('e1', 'Source', 'Src'), start('e2'), ok('e2', 'Source', 'Src'), start('e3'), ok('e3', 'Source', 'Src'));
  assert.deepEqual(s.where(), ['e1 in Build', 'e2 before Build', 'e3 before Build']);
  const build = buildStageStates(inputs(s))[1];
  assert.deepEqual(build?.inboundExecutions?.map((e) => e.pipelineExecutionId), ['e2', 'e3']);
  assert.equal(build?.inboundExecution?.pipelineExecutionId, 'e2');
});

test('a disabled transition shows who, when and why', () => {
  const s = new Scenario(shape('SUPERSEDED', STAGES));
  s.send(disable('Deploy', 'hold for review'));
  const deploy = buildStageStates(inputs(s))[2];
  assert.deepEqual(deploy?.inboundTransitionState, { enabled: false, lastChangedBy: 'alice', lastChangedAt: new Date(AT), disabledReason: 'hold for review' });
});

test('ROLLBACK executions are typed; executions of an older pipeline version do not show', () => {
  const s = new Scenario(shape('SUPERSEDED', STAGES));
  s.send(start('e1'), ok('e1', 'Source', 'Src'));
  const types = new Map([['e1', 'ROLLBACK']]);
  assert.equal(buildStageStates(inputs(s, { executionTypes: types }))[1]?.latestExecution?.type, 'ROLLBACK');
  const later = buildStageStates(inputs(s, { version: 2, latestActions: [row('e1', 'Build', 'Unit', { status: 'InProgress' })] }));
  assert.equal(later[1]?.latestExecution, undefined);
  assert.equal(later[1]?.actionStates[0]?.latestExecution, undefined, 'a version-1 action row is not shown on version 2');
});

test('action states: newest row per action, token only while an approval waits, errorDetails, currentRevision for sources', () => {
  const s = new Scenario(shape('SUPERSEDED', STAGES));
  s.send(start('e1'), ok('e1', 'Source', 'Src'));
  const revision: RecordedRevision = { actionName: 'Src', revisionId: 'abc123', revisionSummary: 'first', revisionUrl: 'http://x/commit/abc123', created: '2024-05-01T11:00:00.000Z' };
  const latestActions = [
    row('e1', 'Source', 'Src', { externalExecutionId: 'abc123', summary: 'first' }),
    row('e1', 'Build', 'Unit', { status: 'InProgress', token: 'tok-1', updatedBy: 'arn:aws:iam::000000000000:root', externalExecutionUrl: 'http://b' }),
    row('e1', 'Build', 'Lint', { status: 'Failed', token: 'tok-2', errorDetails: { code: 'JobFailed', message: 'exit 1' } }),
  ];
  const [source, build] = buildStageStates(inputs(s, { latestActions, revisions: new Map([['e1', [revision]]]) }));
  assert.deepEqual(source?.actionStates[0], {
    actionName: 'Src',
    currentRevision: { revisionId: 'abc123', revisionChangeId: 'abc123', created: new Date('2024-05-01T11:00:00.000Z') },
    revisionUrl: 'http://x/commit/abc123',
    latestExecution: { actionExecutionId: 'e1-Src', status: 'Succeeded', summary: 'first', lastStatusChange: T, externalExecutionId: 'abc123' },
  });
  assert.deepEqual(build?.actionStates[0]?.latestExecution, {
    actionExecutionId: 'e1-Unit',
    status: 'InProgress',
    lastStatusChange: T,
    token: 'tok-1',
    lastUpdatedBy: 'arn:aws:iam::000000000000:root',
    externalExecutionUrl: 'http://b',
  });
  assert.equal(build?.actionStates[1]?.latestExecution?.token, undefined, 'no token once the action is over');
  assert.deepEqual(build?.actionStates[1]?.latestExecution?.errorDetails, { code: 'JobFailed', message: 'exit 1' });
  assert.equal(build?.actionStates[0]?.currentRevision, undefined, 'only source actions have a currentRevision');
});

test('retryStageMetadata appears once a stage was retried by hand', () => {
  const s = new Scenario(shape('SUPERSEDED', STAGES));
  s.send(start('e1'));
  const runtime = structuredClone(s.state);
  const first = runtime.stages[0];
  assert.ok(first?.latest);
  first.latest.manualRetries = 2;
  assert.deepEqual(buildStageStates(inputs(s, { runtime }))[0]?.retryStageMetadata, { manualStageRetryAttempt: 2, latestRetryTrigger: 'ManualStageRetry' });
});

test('no runtime state (a row written before the engine existed) still lists the declaration', () => {
  const states = buildStageStates({ declaration: declaration(STAGES), version: 1, runtime: undefined, latestActions: [], executionTypes: new Map(), revisions: new Map() });
  assert.deepEqual(states.map((st) => st.stageName), ['Source', 'Build', 'Deploy']);
  assert.deepEqual(referencedExecutions(undefined, [row('e9', 'Build', 'Unit')]), ['e9']);
});
