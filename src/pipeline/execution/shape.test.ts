import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inboundExecutions, initialState, shapeOf } from './index.js';
import { Scenario, disable, shape, start } from './test-support.js';

const declaration = {
  stages: [
    { name: 'Source', actions: [{ name: 'Checkout' }] },
    { name: 'Build', actions: [{ name: 'Unit', runOrder: 1 }, { name: 'Package', runOrder: 3 }] },
  ],
};

test('shapeOf: runOrder defaults to 1, pipelineType to V1, executionMode to SUPERSEDED', () => {
  assert.deepEqual(shapeOf(declaration, 4), {
    version: 4,
    pipelineType: 'V1',
    executionMode: 'SUPERSEDED',
    stages: [
      { name: 'Source', actions: [{ name: 'Checkout', runOrder: 1 }] },
      { name: 'Build', actions: [{ name: 'Unit', runOrder: 1 }, { name: 'Package', runOrder: 3 }] },
    ],
  });
});

test('shapeOf: a V1 pipeline behaves SUPERSEDED whatever it declares; V2 keeps its mode', () => {
  assert.equal(shapeOf({ ...declaration, executionMode: 'QUEUED' }, 1).executionMode, 'SUPERSEDED');
  assert.equal(shapeOf({ ...declaration, pipelineType: 'V1', executionMode: 'PARALLEL' }, 1).executionMode, 'SUPERSEDED');
  assert.equal(shapeOf({ ...declaration, pipelineType: 'V2', executionMode: 'QUEUED' }, 1).executionMode, 'QUEUED');
  assert.equal(shapeOf({ ...declaration, pipelineType: 'V2', executionMode: 'PARALLEL' }, 1).executionMode, 'PARALLEL');
  assert.equal(shapeOf({ ...declaration, pipelineType: 'V2' }, 1).executionMode, 'SUPERSEDED');
});

test('shapeOf: the version argument wins over the declaration (absent on create)', () => {
  assert.equal(shapeOf({ ...declaration, version: 2 }, 3).version, 3);
});

test('initialState: one stage runtime per stage, inbound transition enabled except on the first', () => {
  const state = initialState(shape('SUPERSEDED', { Source: ['A'], Build: ['B'], Deploy: ['C'] }));
  assert.deepEqual(state.stages, [{ name: 'Source' }, { name: 'Build', inbound: { enabled: true } }, { name: 'Deploy', inbound: { enabled: true } }]);
  assert.equal(state.tick, 0);
  assert.deepEqual(state.executions, []);
});

test('the runtime state stays JSON-safe through a run', () => {
  const s = new Scenario(shape('QUEUED', { Source: ['A'], Build: ['B'] }));
  s.send(start('e1'), disable('Build'), start('e2'));
  assert.deepEqual(JSON.parse(JSON.stringify(s.state)), s.state);
});

test('inboundExecutions: waiters of one stage in arrival order; unknown stage → []', () => {
  const s = new Scenario(shape('QUEUED', { Source: ['A'], Build: ['B'] }));
  s.send(start('e1'), start('e2'), start('e3'));
  assert.deepEqual(inboundExecutions(s.state, 'Source').map((e) => e.id), ['e2', 'e3']);
  assert.deepEqual(inboundExecutions(s.state, 'Build'), []);
  assert.deepEqual(inboundExecutions(s.state, 'Nope'), []);
});
