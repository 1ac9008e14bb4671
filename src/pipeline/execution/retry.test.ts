import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Scenario, fail, ok, retry, shape, start, stop, updated } from './test-support.js';

const pipeline = shape('SUPERSEDED', { Source: ['Checkout'], Build: ['Unit', 'Lint', 'Package@2'], Deploy: ['Ship'] });

/** e1 got through Source and failed in Build: Unit failed, Lint succeeded, Package never started. */
function failedInBuild(s = new Scenario(pipeline)): Scenario {
  s.send(start('e1'), ok('e1', 'Source', 'Checkout'), fail('e1', 'Build', 'Unit'), ok('e1', 'Build', 'Lint'));
  return s;
}

describe('RetryStageExecution (spec C.8 Retry, Surprise 24)', () => {
  test('FAILED_ACTIONS keeps succeeded actions, re-runs the rest from the lowest pending group, and continues to later stages', () => {
    const s = failedInBuild();
    assert.deepEqual(s.send(retry('e1', 'Build')), ['e1 is InProgress', 'e1 enter Build (FAILED_ACTIONS)', 'e1 start Build.Unit#2']);
    assert.deepEqual(s.latest('Build'), { executionId: 'e1', seq: 1, status: 'InProgress', pipelineVersion: 1, actions: [], manualRetries: 1 });
    assert.deepEqual(s.send(ok('e1', 'Build', 'Unit', 2)), ['e1 Succeeded Build.Unit#2', 'e1 start Build.Package#1']);
    assert.deepEqual(s.send(ok('e1', 'Build', 'Package')), ['e1 Succeeded Build.Package#1', 'e1 Build Succeeded', 'e1 enter Deploy', 'e1 start Deploy.Ship#1']);
    assert.deepEqual(s.send(ok('e1', 'Deploy', 'Ship')).at(-1), 'e1 ends Succeeded');
    assert.deepEqual(s.latest('Build')?.actions, [
      { name: 'Unit', runOrder: 1, status: 'Succeeded', attempt: 2 },
      { name: 'Lint', runOrder: 1, status: 'Succeeded', attempt: 1 },
      { name: 'Package', runOrder: 2, status: 'Succeeded', attempt: 1 },
    ]);
  });

  test('ALL_ACTIONS re-runs every action from the first group; attempts keep counting', () => {
    const s = failedInBuild();
    assert.deepEqual(s.send(retry('e1', 'Build', 'ALL_ACTIONS')), ['e1 is InProgress', 'e1 enter Build (ALL_ACTIONS)', 'e1 start Build.Unit#2', 'e1 start Build.Lint#2']);
  });

  test('a failed retry can be retried again; manual retries count up', () => {
    const s = failedInBuild();
    s.send(retry('e1', 'Build'), fail('e1', 'Build', 'Unit', 2), retry('e1', 'Build'));
    assert.equal(s.latest('Build')?.manualRetries, 2);
    assert.deepEqual(s.commands.at(-1), { type: 'START_ACTION', executionId: 'e1', stage: 'Build', action: 'Unit', attempt: 3 });
  });

  test('a late result of the first attempt is ignored after the retry started the second', () => {
    const s = failedInBuild();
    s.send(retry('e1', 'Build'));
    assert.deepEqual(s.send(ok('e1', 'Build', 'Unit', 1)), []);
  });

  test('refused once a newer execution entered the stage (NotLatestPipelineExecutionException)', () => {
    const s = failedInBuild();
    s.send(start('e2'), ok('e2', 'Source', 'Checkout'));
    assert.equal(s.latest('Build')?.executionId, 'e2');
    assert.equal(s.refuse(retry('e1', 'Build')).code, 'NotLatestPipelineExecutionException');
  });

  test('allowed while a newer execution only waits in front of the stage; it retakes the lock first', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), ok('e1', 'Source', 'Checkout'), start('e2'), ok('e2', 'Source', 'Checkout'));
    s.send({ type: 'DISABLE_TRANSITION', stage: 'Build', reason: 'hold', at: 'now' });
    s.send(fail('e1', 'Build', 'Unit'), ok('e1', 'Build', 'Lint'));
    assert.deepEqual(s.where(), ['e2 before Build']);
    s.send(retry('e1', 'Build'));
    assert.deepEqual(s.where(), ['e1 in Build', 'e2 before Build']);
  });

  test('a stopped stage can be retried (the console Retry button)', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), ok('e1', 'Source', 'Checkout'), stop('e1', true));
    assert.deepEqual(s.send(retry('e1', 'Build')), ['e1 is InProgress', 'e1 enter Build (FAILED_ACTIONS)', 'e1 start Build.Unit#2', 'e1 start Build.Lint#2']);
  });

  test('a stage stopped after all its actions succeeded is passed on retry', () => {
    const s = new Scenario(shape('SUPERSEDED', { Source: ['A'], Build: ['B'] }));
    s.send(start('e1'), stop('e1'), ok('e1', 'Source', 'A'));
    assert.equal(s.latest('Source')?.status, 'Stopped');
    assert.deepEqual(s.send(retry('e1', 'Source')), ['e1 is InProgress', 'e1 enter Source (FAILED_ACTIONS)', 'e1 Source Succeeded', 'e1 enter Build', 'e1 start Build.B#1']);
  });

  test('refusals: unknown stage, not the latest, not failed, structure changed, still running', () => {
    const s = failedInBuild();
    assert.equal(s.refuse(retry('e1', 'Nope')).code, 'StageNotFoundException');
    assert.equal(s.refuse(retry('e9', 'Build')).code, 'NotLatestPipelineExecutionException');
    assert.equal(s.refuse(retry('e1', 'Deploy')).code, 'StageNotRetryableException'); // never ran
    assert.equal(s.refuse(retry('e1', 'Source')).code, 'StageNotRetryableException');
    s.send(retry('e1', 'Build'));
    assert.equal(s.refuse(retry('e1', 'Build')).code, 'StageNotRetryableException');

    const changed = failedInBuild();
    changed.send(updated(shape('SUPERSEDED', { Source: ['Checkout'], Build: ['Unit', 'Lint', 'Package@2'], Deploy: ['Ship'] }, 2)));
    assert.equal(changed.refuse(retry('e1', 'Build')).code, 'StageNotRetryableException');
  });

  test('ConflictException when the execution is still active while its stage record says Failed', () => {
    // Not reachable through decide (a failed stage ends its execution); guards a hand-edited state.
    const s = failedInBuild();
    s.state = { ...s.state, executions: [{ id: 'e1', seq: 1, status: 'InProgress', stage: 'Deploy', inside: false, arrivedAt: 9, actions: [] }] };
    assert.equal(s.refuse(retry('e1', 'Build')).code, 'ConflictException');
  });

  test('PARALLEL: retry does not need the stage to be free', () => {
    const s = new Scenario(shape('PARALLEL', { Build: ['B'] }));
    s.send(start('e1'), fail('e1', 'Build', 'B'));
    assert.deepEqual(s.send(retry('e1', 'Build')), ['e1 is InProgress', 'e1 enter Build (FAILED_ACTIONS)', 'e1 start Build.B#2']);
  });
});
