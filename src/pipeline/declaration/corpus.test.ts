/**
 * Conformance (DESIGN.md §6): every CodePipeline definition in ../shared/corpus/pipeline validates
 * with the outcome AWS gives it. All three corpus files are CloudFormation templates (two
 * CDK-synthesized JSON, one hand-written YAML with short-form tags), so each pipeline resource is
 * turned into the API shape first (cfn-pipeline.ts); intrinsic values become placeholder strings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseTemplate, pipelinesOf } from './cfn-pipeline.js';
import { applyDefaults } from './defaults.js';
import { validatePipeline } from './validate-pipeline.js';

// Compiled to <outDir>/src/pipeline/declaration/: four levels up is the repository root.
const repoRoot = new URL('../../../../', import.meta.url);
const corpusDir = fileURLToPath(new URL('../shared/corpus/pipeline/', repoRoot));

/** file → logical id of the pipeline resource → expected rule id, or 'accept'; plus the reason. */
const expectations: Record<string, [Record<string, string>, string]> = {
  '003-aws-cdk-integ.pipeline-code-deploy-ecs.expected.json': [{ PipelineC660917D: 'accept' },
    'S3 source feeding CodeDeployToECS; every *Artifact key names the action\'s one input'],
  '004-aws-cdk-integ.pipeline-ecr-source.expected.json': [{ MyPipelineAED38ECF: 'accept' },
    'ECR source (registry entry, not runnable yet) + Manual approval without configuration'],
  '007-ecs-refarch-continuous-deployment-deployment-pipeline.yaml': [{ Pipeline: 'accept' },
    'GitHub v1 source, CodeBuild, ECS deploy; `Version: 1` is an integer in YAML and a string to the service'],
};

test('every corpus file has an expectation', () => {
  assert.deepEqual(readdirSync(corpusDir).sort(), Object.keys(expectations).sort());
});

for (const [file, [pipelines, reason]] of Object.entries(expectations)) {
  test(`corpus ${file}: ${reason}`, () => {
    const found = pipelinesOf(parseTemplate(readFileSync(corpusDir + file, 'utf8')));
    assert.deepEqual([...found.keys()], Object.keys(pipelines));
    for (const [logicalId, want] of Object.entries(pipelines)) {
      const decl = found.get(logicalId);
      assert.ok(decl);
      const got = validatePipeline(applyDefaults(decl), { region: 'us-east-1' });
      assert.equal(got?.rule ?? 'accept', want, got?.message);
    }
  });
}
