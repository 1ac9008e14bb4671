import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decide } from './index.js';
import { Scenario, fail, ok, shape, start, stop, timeout } from './test-support.js';

describe('inside a stage (spec C.8)', () => {
  const pipeline = shape('SUPERSEDED', { Build: ['Unit', 'Lint', 'Package@5'], Deploy: ['Ship'] });

  test('runOrder groups run in ascending order (gaps fine), the actions of a group in parallel', () => {
    const s = new Scenario(pipeline);
    assert.deepEqual(s.send(start('e1')), ['e1 enter Build', 'e1 start Build.Unit#1', 'e1 start Build.Lint#1']);
    assert.deepEqual(s.send(ok('e1', 'Build', 'Lint')), ['e1 Succeeded Build.Lint#1']);
    assert.deepEqual(s.send(ok('e1', 'Build', 'Unit')), ['e1 Succeeded Build.Unit#1', 'e1 start Build.Package#1']);
    assert.deepEqual(s.send(ok('e1', 'Build', 'Package')), ['e1 Succeeded Build.Package#1', 'e1 Build Succeeded', 'e1 enter Deploy', 'e1 start Deploy.Ship#1']);
  });

  test('one action of a group fails while the other still runs: nothing new starts, the stage fails after it', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'));
    assert.deepEqual(s.send(fail('e1', 'Build', 'Unit')), ['e1 Failed Build.Unit#1']);
    assert.deepEqual(s.where(), ['e1 in Build']);
    assert.equal(s.latest('Build')?.status, 'InProgress');
    assert.deepEqual(s.send(ok('e1', 'Build', 'Lint')), ['e1 Succeeded Build.Lint#1', 'e1 Build Failed', 'e1 ends Failed']);
    assert.deepEqual(s.latest('Build'), {
      executionId: 'e1', seq: 1, status: 'Failed', pipelineVersion: 1, manualRetries: 0,
      actions: [
        { name: 'Unit', runOrder: 1, status: 'Failed', attempt: 1 },
        { name: 'Lint', runOrder: 1, status: 'Succeeded', attempt: 1 },
        { name: 'Package', runOrder: 5, attempt: 0 },
      ],
    });
  });

  test('a failure releases the stage lock: the waiting execution enters', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), start('e2'), ok('e1', 'Build', 'Lint'));
    assert.deepEqual(s.send(fail('e1', 'Build', 'Unit')), [
      'e1 Failed Build.Unit#1', 'e1 Build Failed', 'e1 ends Failed', 'e2 enter Build', 'e2 start Build.Unit#1', 'e2 start Build.Lint#1',
    ]);
  });

  test('a timed-out action is Failed (JobFailed unless told otherwise) and its provider work is cancelled', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), ok('e1', 'Build', 'Lint'));
    s.send(timeout('e1', 'Build', 'Unit'));
    assert.deepEqual(s.commands.slice(-4), [
      { type: 'ACTION_FINISHED', status: 'Failed', error: { code: 'JobFailed', message: 'The action timed out.' }, executionId: 'e1', stage: 'Build', action: 'Unit', attempt: 1 },
      { type: 'CANCEL_ACTION', executionId: 'e1', stage: 'Build', action: 'Unit', attempt: 1 },
      { type: 'STAGE_FINISHED', executionId: 'e1', stage: 'Build', status: 'Failed' },
      { type: 'EXECUTION_FINISHED', executionId: 'e1', status: 'Failed' },
    ]);
    const t = new Scenario(pipeline);
    t.send(start('e1'));
    const error = { code: 'SystemUnavailable', message: 'lease lost' };
    t.send({ type: 'ACTION_TIMED_OUT', executionId: 'e1', stage: 'Build', action: 'Unit', attempt: 1, error });
    assert.deepEqual(t.commands.at(-2), { type: 'ACTION_FINISHED', status: 'Failed', error, executionId: 'e1', stage: 'Build', action: 'Unit', attempt: 1 });
  });

  test('a failure carries the error given', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), fail('e1', 'Build', 'Unit'));
    assert.deepEqual(s.commands.at(-1), {
      type: 'ACTION_FINISHED', status: 'Failed', error: { code: 'JobFailed', message: 'exit 1' }, executionId: 'e1', stage: 'Build', action: 'Unit', attempt: 1,
    });
  });
});

describe('stale and duplicate action results are ignored silently', () => {
  const pipeline = shape('SUPERSEDED', { Build: ['Unit', 'Lint'], Deploy: ['Ship'] });
  const running = (): Scenario => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), ok('e1', 'Build', 'Unit'));
    return s;
  };
  const cases = [
    ['duplicate success', ok('e1', 'Build', 'Unit')],
    ['failure after success', fail('e1', 'Build', 'Unit')],
    ['wrong attempt', ok('e1', 'Build', 'Lint', 2)],
    ['older attempt', fail('e1', 'Build', 'Lint', 0)],
    ['unknown execution', ok('e9', 'Build', 'Lint')],
    ['stage the execution is not in', ok('e1', 'Deploy', 'Ship')],
    ['unknown stage', ok('e1', 'Nope', 'Lint')],
    ['unknown action', ok('e1', 'Build', 'Nope')],
    ['timeout of a finished action', timeout('e1', 'Build', 'Unit')],
  ] as const;
  for (const [name, event] of cases) {
    test(name, () => {
      const s = running();
      const d = decide(s.state, event);
      assert.equal(d.next, s.state);
      assert.deepEqual(d.commands, []);
      assert.equal(d.rejection, undefined);
    });
  }

  test('a result for an execution waiting in front of a stage is ignored', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), start('e2'));
    assert.deepEqual(s.send(ok('e2', 'Build', 'Unit', 1)), []);
  });

  test('a late result of an abandoned action is ignored', () => {
    const s = new Scenario(pipeline);
    s.send(start('e1'), stop('e1', true));
    assert.deepEqual(s.send(ok('e1', 'Build', 'Unit'), fail('e1', 'Build', 'Lint')), []);
  });
});
