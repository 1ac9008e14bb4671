import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Scenario, disable, fail, ok, shape, start, stop } from './test-support.js';

const pipeline = shape('SUPERSEDED', { Build: ['Unit', 'Lint', 'Package@2'], Deploy: ['Ship'] });

describe('stop and wait (spec C.8 Stop, abandon=false)', () => {
  test('running actions finish, nothing new starts, then the stage and the execution are Stopped', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'));
    assert.deepEqual(s.send(stop('e1', false, 'bad commit')), ['e1 is Stopping']);
    assert.deepEqual(s.commands.at(-1), { type: 'EXECUTION_UPDATED', executionId: 'e1', status: 'Stopping', stopReason: 'bad commit' });
    assert.equal(s.latest('Build')?.status, 'Stopping');
    assert.deepEqual(s.send(ok('e1', 'Build', 'Unit')), ['e1 Succeeded Build.Unit#1']);
    assert.deepEqual(s.send(ok('e1', 'Build', 'Lint')), ['e1 Succeeded Build.Lint#1', 'e1 Build Stopped', 'e1 ends Stopped']);
    assert.deepEqual(s.commands.at(-1), { type: 'EXECUTION_FINISHED', executionId: 'e1', status: 'Stopped', stopReason: 'bad commit' });
    assert.equal(s.latest('Build')?.status, 'Stopped');
    assert.deepEqual(s.state.executions, []);
  });

  test('a stopping execution keeps the stage locked until it really ends, then the waiter enters', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), stop('e1'), start('e2'));
    assert.deepEqual(s.where(), ['e1 in Build (Stopping)', 'e2 before Build']);
    s.send(ok('e1', 'Build', 'Unit'));
    assert.deepEqual(s.send(fail('e1', 'Build', 'Lint')), [
      'e1 Failed Build.Lint#1', 'e1 Build Stopped', 'e1 ends Stopped', 'e2 enter Build', 'e2 start Build.Unit#1', 'e2 start Build.Lint#1',
    ]);
  });

  test('a second stop-and-wait while Stopping → DuplicatedStopRequestException', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), stop('e1'));
    assert.equal(s.refuse(stop('e1')).code, 'DuplicatedStopRequestException');
  });

  test('an execution waiting between stages stops at once', () => {
    const s = new Scenario(pipeline);
    s.send(disable('Deploy'), start('e1'), ok('e1', 'Build', 'Unit'), ok('e1', 'Build', 'Lint'), ok('e1', 'Build', 'Package'));
    assert.deepEqual(s.where(), ['e1 before Deploy']);
    assert.deepEqual(s.send(stop('e1', false, 'no')), ['e1 ends Stopped']);
    assert.deepEqual(s.commands.at(-1), { type: 'EXECUTION_FINISHED', executionId: 'e1', status: 'Stopped', stopReason: 'no' });
  });
});

describe('stop and abandon (spec C.8 Stop, abandon=true)', () => {
  test('running actions are Abandoned and cancelled, the stage and the execution Stopped at once', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), start('e2'), ok('e1', 'Build', 'Unit'));
    assert.deepEqual(s.send(stop('e1', true)), [
      'e1 Abandoned Build.Lint#1', 'e1 cancel Build.Lint#1', 'e1 Build Stopped', 'e1 ends Stopped', 'e2 enter Build', 'e2 start Build.Unit#1', 'e2 start Build.Lint#1',
    ]);
    assert.deepEqual(s.latest('Build')?.executionId, 'e2');
  });

  test('abandon is allowed while Stopping (Surprise 25) and keeps the first reason', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), stop('e1', false, 'first'));
    assert.deepEqual(s.send(stop('e1', true)), ['e1 Abandoned Build.Unit#1', 'e1 cancel Build.Unit#1', 'e1 Abandoned Build.Lint#1', 'e1 cancel Build.Lint#1', 'e1 Build Stopped', 'e1 ends Stopped']);
    assert.deepEqual(s.commands.at(-1), { type: 'EXECUTION_FINISHED', executionId: 'e1', status: 'Stopped', stopReason: 'first' });
    assert.deepEqual(s.latest('Build')?.actions, [
      { name: 'Unit', runOrder: 1, status: 'Abandoned', attempt: 1 },
      { name: 'Lint', runOrder: 1, status: 'Abandoned', attempt: 1 },
      { name: 'Package', runOrder: 2, attempt: 0 },
    ]);
  });

  test('a finished or unknown execution is not stoppable', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), fail('e1', 'Build', 'Unit'), ok('e1', 'Build', 'Lint'));
    assert.equal(s.refuse(stop('e1')).code, 'PipelineExecutionNotStoppableException');
    assert.equal(s.refuse(stop('e1', true)).code, 'PipelineExecutionNotStoppableException');
    assert.equal(s.refuse(stop('nope')).code, 'PipelineExecutionNotStoppableException');
  });
});
