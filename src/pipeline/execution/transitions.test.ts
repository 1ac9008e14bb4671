import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AT, Scenario, disable, enable, ok, shape, start } from './test-support.js';

const pipeline = shape('SUPERSEDED', { Source: ['A'], Build: ['B'], Deploy: ['C'] });

describe('stage transitions (spec C.5, C.8 Transitions)', () => {
  test('disable records who, when and why; enable records who and when', () => {
    const s = new Scenario(pipeline);
    assert.deepEqual(s.send(disable('Build', 'Waiting for review')), []);
    assert.deepEqual(s.state.stages[1]?.inbound, { enabled: false, disabledReason: 'Waiting for review', lastChangedBy: 'alice', lastChangedAt: AT });
    s.send(enable('Build'));
    assert.deepEqual(s.state.stages[1]?.inbound, { enabled: true, lastChangedBy: 'bob', lastChangedAt: AT });
    s.send({ type: 'DISABLE_TRANSITION', stage: 'Deploy', reason: 'x', at: AT });
    assert.deepEqual(s.state.stages[2]?.inbound, { enabled: false, disabledReason: 'x', lastChangedAt: AT });
  });

  test('a disabled transition holds the execution; a newer one supersedes it while held; enable lets the newest in', () => {
    const s = new Scenario(pipeline);
    s.send(disable('Build'), start('e1'));
    assert.deepEqual(s.send(ok('e1', 'Source', 'A')), ['e1 Succeeded Source.A#1', 'e1 Source Succeeded']);
    assert.deepEqual(s.where(), ['e1 before Build']);
    s.send(start('e2'));
    assert.deepEqual(s.send(ok('e2', 'Source', 'A')), ['e2 Succeeded Source.A#1', 'e2 Source Succeeded', 'e1 ends Superseded']);
    assert.deepEqual(s.send(enable('Build')), ['e2 enter Build', 'e2 start Build.B#1']);
  });

  test('executions already past the transition continue', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), ok('e1', 'Source', 'A'), disable('Build'));
    assert.deepEqual(s.send(ok('e1', 'Build', 'B')), ['e1 Succeeded Build.B#1', 'e1 Build Succeeded', 'e1 enter Deploy', 'e1 start Deploy.C#1']);
  });

  test('enabling an enabled transition changes nothing but the record', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'));
    assert.deepEqual(s.send(enable('Build')), []);
  });

  test('unknown stage → StageNotFoundException; the first stage has no inbound transition → ValidationException', () => {
    const s = new Scenario(pipeline);
    assert.equal(s.refuse(disable('Nope')).code, 'StageNotFoundException');
    assert.equal(s.refuse(enable('Nope')).code, 'StageNotFoundException');
    assert.equal(s.refuse(disable('Source')).code, 'ValidationException');
    assert.equal(s.refuse(enable('Source')).code, 'ValidationException');
  });
});
