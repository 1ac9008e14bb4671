import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AT, Scenario, disable, ok, shape, start, updated } from './test-support.js';

const v1 = shape('QUEUED', { Source: ['A'], Build: ['B', 'C'], Deploy: ['D'] });
const v2 = shape('QUEUED', { Source: ['A'], Test: ['T'], Build: ['B'] }, 2);

describe('UpdatePipeline while running (spec C.8, Surprise 22)', () => {
  test('every active execution ends Cancelled: running actions abandoned, its stage Cancelled', () => {
    const s = new Scenario(v1);
    s.send(start('e1'), ok('e1', 'Source', 'A'), start('e2'), start('e3'), ok('e1', 'Build', 'C'));
    assert.deepEqual(s.where(), ['e1 in Build', 'e2 in Source', 'e3 before Source']);
    assert.deepEqual(s.send(updated(v2)), [
      'e1 Abandoned Build.B#1', 'e1 cancel Build.B#1', 'e1 Build Cancelled', 'e1 ends Cancelled',
      'e2 Abandoned Source.A#1', 'e2 cancel Source.A#1', 'e2 Source Cancelled', 'e2 ends Cancelled',
      'e3 ends Cancelled',
    ]);
    assert.deepEqual(s.state.executions, []);
  });

  test('the new shape: stages matched by name keep transition and latest record; new stages are fresh; tick continues', () => {
    const s = new Scenario(v1);
    s.send(start('e1'), ok('e1', 'Source', 'A'), disable('Build'), disable('Deploy'));
    const tick = s.state.tick;
    s.send(updated(v2));
    assert.deepEqual(s.state.shape, v2);
    assert.equal(s.state.tick, tick);
    assert.deepEqual(s.state.stages.map((x) => x.name), ['Source', 'Test', 'Build']);
    assert.deepEqual(s.state.stages[0]?.latest, { executionId: 'e1', seq: 1, status: 'Succeeded', pipelineVersion: 1, manualRetries: 0, actions: [{ name: 'A', runOrder: 1, status: 'Succeeded', attempt: 1 }] });
    assert.deepEqual(s.state.stages[1], { name: 'Test', inbound: { enabled: true } });
    assert.deepEqual(s.state.stages[2]?.inbound, { enabled: false, disabledReason: 'hold', lastChangedBy: 'alice', lastChangedAt: AT });
    assert.deepEqual(s.send(start('e2')), ['e2 enter Source', 'e2 start Source.A#1']);
    assert.equal(s.state.executions[0]?.seq, tick + 1);
  });

  test('a stage moved to the front loses its inbound transition; one moved back gains one', () => {
    const s = new Scenario(v1);
    s.send(disable('Build'));
    s.send(updated(shape('QUEUED', { Build: ['B'], Source: ['A'] }, 2)));
    assert.deepEqual(s.state.stages, [{ name: 'Build' }, { name: 'Source', inbound: { enabled: true } }]);
  });

  test('the new execution mode applies at once', () => {
    const s = new Scenario(v1);
    s.send(updated(shape('SUPERSEDED', { Source: ['A'] }, 2)), start('e1'), start('e2'));
    assert.deepEqual(s.send(start('e3')), ['e2 ends Superseded']);
  });
});
