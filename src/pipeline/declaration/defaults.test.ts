import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDefaults } from './defaults.js';
import { actionAt, basePipeline, changed } from './test-support.js';

test('create: version 1, runOrder 1, SUPERSEDED, V1; configuration as given', () => {
  const got = applyDefaults(changed((p) => { p.version = 7; }));
  assert.equal(got.version, 1);
  assert.equal(got.executionMode, 'SUPERSEDED');
  assert.equal(got.pipelineType, 'V1');
  assert.ok(got.stages.every((s) => s.actions.every((a) => a.runOrder === 1)));
  assert.deepEqual(actionAt(got, 0).configuration, { RepositoryName: 'repo', BranchName: 'main' }, 'PollForSourceChanges is not injected');
});

test('explicit values are kept', () => {
  const got = applyDefaults(changed((p) => { p.pipelineType = 'V2'; p.executionMode = 'QUEUED'; actionAt(p, 1).runOrder = 3; }));
  assert.deepEqual([got.pipelineType, got.executionMode, actionAt(got, 1).runOrder], ['V2', 'QUEUED', 3]);
});

test('update: version is previous + 1 and an omitted pipelineType keeps the stored one', () => {
  const previous = { ...basePipeline(), version: 4, pipelineType: 'V2' as const };
  const got = applyDefaults(basePipeline(), { previous });
  assert.deepEqual([got.version, got.pipelineType], [5, 'V2']);
});

test('applyDefaults does not modify its input', () => {
  const p = basePipeline();
  applyDefaults(p);
  assert.deepEqual(p, basePipeline());
});
