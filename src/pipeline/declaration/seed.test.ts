/**
 * Seed 000 (Japanese CI/CD guide): its `codepipeline-definition.json` must be accepted as written,
 * and so must the same pipeline with §6's Manual approval stage added before the deploy stage.
 * Note the roleArn placeholder `<ACCOUNT_ID>`: the gateway's model pattern check rejects it before
 * these rules run, as AWS does; the declaration rules themselves accept the file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyDefaults } from './defaults.js';
import { findActionType } from './action-types.js';
import type { PipelineDeclaration } from './types.js';
import { validatePipeline } from './validate-pipeline.js';

const fixtures = new URL('../../../../src/pipeline/declaration/fixtures/', import.meta.url);
const load = (name: string): PipelineDeclaration =>
  (JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as { pipeline: PipelineDeclaration }).pipeline;

for (const [file, stages] of [
  ['seed-000-codepipeline-definition.json', ['Source', 'Build', 'Deploy']],
  ['seed-000-codepipeline-with-approval.json', ['Source', 'Build', 'Approval', 'Deploy']],
] as const) {
  test(`seed 000 ${file} is accepted`, () => {
    const pipeline = load(file);
    assert.deepEqual(pipeline.stages.map((s) => s.name), stages);
    assert.equal(validatePipeline(pipeline, { region: 'ap-northeast-1' }), undefined);
    assert.equal(validatePipeline(applyDefaults(pipeline), { region: 'ap-northeast-1' }), undefined);
  });
}

test('seed 000 uses one action type nagare cannot run yet (ECS deploy)', () => {
  const notRunnable = load('seed-000-codepipeline-with-approval.json').stages
    .flatMap((s) => s.actions)
    .filter((a) => findActionType(a.actionTypeId)?.runnable === false)
    .map((a) => a.name);
  assert.deepEqual(notRunnable, ['DeployToECS']);
});
