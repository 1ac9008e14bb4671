import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Scenario, fail, ok, retry, shape, start } from './test-support.js';

const pipeline = shape('SUPERSEDED', { Source: ['A'], Build: ['B'], Deploy: ['D'] });

describe('RollbackStage: START_EXECUTION with onlyStage (spec C.8 Rollback, Surprise 24)', () => {
  test('the new execution runs only that stage and then Succeeds', () => {
    const s = new Scenario(pipeline);
    assert.deepEqual(s.send(start('r1', 'Deploy')), ['r1 enter Deploy', 'r1 start Deploy.D#1']);
    assert.deepEqual(s.state.executions[0]?.onlyStage, 'Deploy');
    assert.deepEqual(s.send(ok('r1', 'Deploy', 'D')), ['r1 Succeeded Deploy.D#1', 'r1 Deploy Succeeded', 'r1 ends Succeeded']);
  });

  test('it fails with its stage', () => {
    const s = new Scenario(pipeline);
    s.send(start('r1', 'Build'));
    assert.deepEqual(s.send(fail('r1', 'Build', 'B')), ['r1 Failed Build.B#1', 'r1 Build Failed', 'r1 ends Failed']);
  });

  test('it waits for the stage lock like any execution', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), ok('e1', 'Source', 'A'), ok('e1', 'Build', 'B'), start('r1', 'Deploy'));
    assert.deepEqual(s.where(), ['e1 in Deploy', 'r1 before Deploy']);
    assert.deepEqual(s.send(ok('e1', 'Deploy', 'D')).slice(-2), ['r1 enter Deploy', 'r1 start Deploy.D#1']);
  });

  test('a retried rollback still ends after its stage', () => {
    const s = new Scenario(pipeline);
    s.send(start('r1', 'Build'), fail('r1', 'Build', 'B'));
    assert.equal(s.latest('Build')?.onlyStage, true);
    s.send(retry('r1', 'Build'));
    assert.deepEqual(s.send(ok('r1', 'Build', 'B', 2)), ['r1 Succeeded Build.B#2', 'r1 Build Succeeded', 'r1 ends Succeeded']);
  });

  test('unknown stage → StageNotFoundException; a reused id → ConflictException', () => {
    const s = new Scenario(pipeline);
    assert.equal(s.refuse(start('r1', 'Nope')).code, 'StageNotFoundException');
    s.send(start('e1'));
    assert.equal(s.refuse(start('e1')).code, 'ConflictException');
    s.send(fail('e1', 'Source', 'A'));
    assert.equal(s.refuse(start('e1', 'Build')).code, 'ConflictException');
  });
});
