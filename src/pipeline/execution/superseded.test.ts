import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inboundExecutions } from './index.js';
import { Scenario, ok, shape, start } from './test-support.js';

const pipeline = shape('SUPERSEDED', { Source: ['Checkout'], Build: ['Compile'], Deploy: ['Ship'] });

describe('SUPERSEDED (spec C.5, Surprise 21)', () => {
  test('an execution arrives in front of the first stage and enters when it is free', () => {
    const s = new Scenario(pipeline);
    assert.deepEqual(s.send(start('e1')), ['e1 enter Source', 'e1 start Source.Checkout#1']);
    assert.deepEqual(s.latest('Source'), { executionId: 'e1', seq: 1, status: 'InProgress', pipelineVersion: 1, actions: [], manualRetries: 0 });
    assert.deepEqual(s.state.executions[0], {
      id: 'e1', seq: 1, status: 'InProgress', stage: 'Source', inside: true, arrivedAt: 1,
      actions: [{ name: 'Checkout', runOrder: 1, status: 'InProgress', attempt: 1 }],
    });
  });

  test('three quick starts: the middle one is Superseded, the first is never interrupted', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'));
    assert.deepEqual(s.send(start('e2')), []);
    assert.deepEqual(s.where(), ['e1 in Source', 'e2 before Source']);
    assert.deepEqual(s.send(start('e3')), ['e2 ends Superseded']);
    assert.deepEqual(s.where(), ['e1 in Source', 'e3 before Source']);
    assert.deepEqual(s.send(ok('e1', 'Source', 'Checkout')), [
      'e1 Succeeded Source.Checkout#1',
      'e1 Source Succeeded',
      'e3 enter Source',
      'e3 start Source.Checkout#1',
      'e1 enter Build',
      'e1 start Build.Compile#1',
    ]);
    assert.deepEqual(s.where(), ['e1 in Build', 'e3 in Source']);
  });

  test('superseding happens between stages: the newer one replaces the waiter in front of a later stage', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), ok('e1', 'Source', 'Checkout'), start('e2'), ok('e2', 'Source', 'Checkout'));
    assert.deepEqual(s.where(), ['e1 in Build', 'e2 before Build']);
    s.send(start('e3'));
    assert.deepEqual(s.send(ok('e3', 'Source', 'Checkout')), ['e3 Succeeded Source.Checkout#1', 'e3 Source Succeeded', 'e2 ends Superseded']);
    assert.deepEqual(inboundExecutions(s.state, 'Build').map((e) => e.id), ['e3']);
    assert.deepEqual(s.send(ok('e1', 'Build', 'Compile')).slice(-4), ['e3 enter Build', 'e3 start Build.Compile#1', 'e1 enter Deploy', 'e1 start Deploy.Ship#1']);
  });

  test('the whole run: each stage succeeds and the execution Succeeds after the last one', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), ok('e1', 'Source', 'Checkout'), ok('e1', 'Build', 'Compile'));
    assert.deepEqual(s.send(ok('e1', 'Deploy', 'Ship')), ['e1 Succeeded Deploy.Ship#1', 'e1 Deploy Succeeded', 'e1 ends Succeeded']);
    assert.deepEqual(s.state.executions, []);
    assert.equal(s.latest('Deploy')?.status, 'Succeeded');
    assert.deepEqual(s.latest('Deploy')?.actions, [{ name: 'Ship', runOrder: 1, status: 'Succeeded', attempt: 1 }]);
  });

  test('a V1 pipeline is SUPERSEDED', () => {
    const s = new Scenario(shape('V1', { Source: ['A'], Build: ['B'] }));
    s.send(start('e1'), start('e2'));
    assert.deepEqual(s.send(start('e3')), ['e2 ends Superseded']);
  });

  test('a stage with no actions is passed through at once', () => {
    const s = new Scenario(shape('SUPERSEDED', { Source: ['A'], Empty: [], Deploy: ['C'] }));
    s.send(start('e1'));
    assert.deepEqual(s.send(ok('e1', 'Source', 'A')), [
      'e1 Succeeded Source.A#1', 'e1 Source Succeeded', 'e1 enter Empty', 'e1 Empty Succeeded', 'e1 enter Deploy', 'e1 start Deploy.C#1',
    ]);
  });

  test('the tick orders arrivals: start and each arrival in front of a stage get the next tick', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), start('e2'), ok('e1', 'Source', 'Checkout'));
    assert.equal(s.state.tick, 3);
    assert.deepEqual(s.state.executions.map((e) => [e.id, e.seq, e.arrivedAt]), [['e1', 1, 3], ['e2', 2, 2]]);
  });
});
