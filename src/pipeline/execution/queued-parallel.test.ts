import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inboundExecutions } from './index.js';
import { Scenario, disable, enable, fail, ok, shape, start } from './test-support.js';

describe('QUEUED (spec C.5)', () => {
  const pipeline = shape('QUEUED', { Source: ['A'], Build: ['B'] });

  test('nothing is superseded; waiters enter one at a time in arrival order', () => {
    const s = new Scenario(pipeline);
    assert.deepEqual(s.send(start('e1'), start('e2'), start('e3'), start('e4')), ['e1 enter Source', 'e1 start Source.A#1']);
    assert.deepEqual(inboundExecutions(s.state, 'Source').map((e) => e.id), ['e2', 'e3', 'e4']);
    assert.deepEqual(s.send(ok('e1', 'Source', 'A')), [
      'e1 Succeeded Source.A#1', 'e1 Source Succeeded', 'e2 enter Source', 'e2 start Source.A#1', 'e1 enter Build', 'e1 start Build.B#1',
    ]);
    assert.deepEqual(s.send(fail('e2', 'Source', 'A')), ['e2 Failed Source.A#1', 'e2 Source Failed', 'e2 ends Failed', 'e3 enter Source', 'e3 start Source.A#1']);
    s.send(ok('e3', 'Source', 'A'));
    assert.deepEqual(s.where(), ['e1 in Build', 'e3 before Build', 'e4 in Source']);
    s.send(ok('e4', 'Source', 'A'));
    assert.deepEqual(inboundExecutions(s.state, 'Build').map((e) => e.id), ['e3', 'e4']);
    assert.deepEqual(s.send(ok('e1', 'Build', 'B')), ['e1 Succeeded Build.B#1', 'e1 Build Succeeded', 'e1 ends Succeeded', 'e3 enter Build', 'e3 start Build.B#1']);
    assert.deepEqual(s.send(ok('e3', 'Build', 'B')).slice(-2), ['e4 enter Build', 'e4 start Build.B#1']);
  });

  test('a disabled transition holds the whole queue; enabling releases the oldest first', () => {
    const s = new Scenario(pipeline);
    s.send(disable('Build'), start('e1'), ok('e1', 'Source', 'A'), start('e2'), ok('e2', 'Source', 'A'));
    assert.deepEqual(s.where(), ['e1 before Build', 'e2 before Build']);
    assert.deepEqual(s.send(enable('Build')), ['e1 enter Build', 'e1 start Build.B#1']);
    assert.deepEqual(s.where(), ['e1 in Build', 'e2 before Build']);
  });
});

describe('PARALLEL (spec C.5)', () => {
  const pipeline = shape('PARALLEL', { Source: ['A'], Build: ['B'] });

  test('executions are independent: no lock, no superseding, no queue', () => {
    const s = new Scenario(pipeline);
    assert.deepEqual(s.send(start('e1'), start('e2'), start('e3')), [
      'e1 enter Source', 'e1 start Source.A#1', 'e2 enter Source', 'e2 start Source.A#1', 'e3 enter Source', 'e3 start Source.A#1',
    ]);
    assert.deepEqual(s.send(ok('e2', 'Source', 'A')), ['e2 Succeeded Source.A#1', 'e2 Source Succeeded', 'e2 enter Build', 'e2 start Build.B#1']);
    assert.deepEqual(s.send(fail('e3', 'Source', 'A')), ['e3 Failed Source.A#1', 'e3 Source Failed', 'e3 ends Failed']);
    assert.deepEqual(s.send(ok('e1', 'Source', 'A')), ['e1 Succeeded Source.A#1', 'e1 Source Succeeded', 'e1 enter Build', 'e1 start Build.B#1']);
    assert.deepEqual(s.where(), ['e1 in Build', 'e2 in Build']);
  });

  test('the stage latest is the last to enter; an older one finishing does not overwrite it', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), start('e2'));
    assert.equal(s.latest('Source')?.executionId, 'e2');
    s.send(fail('e1', 'Source', 'A'));
    assert.deepEqual(s.latest('Source'), { executionId: 'e2', seq: 2, status: 'InProgress', pipelineVersion: 1, actions: [], manualRetries: 0 });
  });

  test('transitions still hold executions while disabled, and release all of them on enable', () => {
    const s = new Scenario(pipeline);
    s.send(disable('Build'), start('e1'), start('e2'), ok('e1', 'Source', 'A'), ok('e2', 'Source', 'A'));
    assert.deepEqual(s.where(), ['e1 before Build', 'e2 before Build']);
    assert.deepEqual(s.send(enable('Build')), ['e1 enter Build', 'e1 start Build.B#1', 'e2 enter Build', 'e2 start Build.B#1']);
  });
});
