import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  actionAt, approvalAction, basePipeline, buildAction, changed, deployAction, REGION, sourceAction, stage, typeId,
} from './test-support.js';
import type { PipelineDeclaration } from './types.js';
import { listPipelineViolations, validatePipeline } from './validate-pipeline.js';
import type { ViolationCode } from './violation.js';

type Expect = 'accept' | [ViolationCode, string, string?];

const connectionSource = (name = 'Source') => ({
  name,
  actionTypeId: typeId('Source', 'CodeStarSourceConnection'),
  configuration: { ConnectionArn: 'arn:aws:codeconnections:us-east-1:000000000000:connection/x', FullRepositoryId: 'o/r', BranchName: 'main' },
  outputArtifacts: [{ name: 'SourceOutput' }],
});
const v2 = (f: (p: PipelineDeclaration) => void) => changed((p) => { p.pipelineType = 'V2'; f(p); });
const push = { sourceActionName: 'Source', push: [{ branches: { includes: ['main'] } }] };

const cases: Array<[string, PipelineDeclaration, Expect]> = [
  ['the base pipeline', basePipeline(), 'accept'],
  // Rule 1: counts
  ['one stage', changed((p) => { p.stages = p.stages.slice(0, 1); }),
    ['InvalidStructureException', 'stage-count-min', 'Pipeline has only 1 stage(s). There should be a minimum of 2 stages in a pipeline']],
  ['51 stages', changed((p) => { for (let i = 0; i < 48; i++) p.stages.push(stage(`S${i}`, approvalAction(`A${i}`))); }),
    ['InvalidStructureException', 'stage-count-max', 'Pipeline has too many stages. There can only be up to 50 stages in a pipeline']],
  ['50 stages', changed((p) => { for (let i = 0; i < 47; i++) p.stages.push(stage(`S${i}`, approvalAction(`A${i}`))); }), 'accept'],
  ['a stage without actions', changed((p) => { p.stages.push(stage('Empty')); }), ['InvalidStageDeclarationException', 'stage-actions-min']],
  ['51 actions in a stage', changed((p) => { for (let i = 0; i < 50; i++) p.stages[2]?.actions.push(approvalAction(`A${i}`)); }),
    ['InvalidStageDeclarationException', 'stage-actions-max']],
  ['blockers', changed((p) => { p.stages[1] = { ...p.stages[1]!, blockers: [{ name: 'b', type: 'Schedule' }] }; }),
    ['InvalidBlockerDeclarationException', 'blockers-reserved']],
  // Rule 2: sources
  ['first stage has a build', changed((p) => { p.stages[0]?.actions.push(buildAction('Early', 'x', 'y')); }),
    ['InvalidStructureException', 'first-stage-source-only', 'Pipeline should start with a stage that only contains source actions']],
  ['source in the second stage', changed((p) => { p.stages[1]?.actions.push(sourceAction('Late', 'LateOut')); }),
    ['InvalidStructureException', 'source-first-stage-only', 'Source actions can only be included in the first stage of the pipeline']],
  ['two parallel sources', changed((p) => { p.stages[0]?.actions.push(sourceAction('Other', 'OtherOut')); }), 'accept'],
  // Rule 3: names
  ['duplicate stage names', changed((p) => { p.stages[2]!.name = 'Build'; }),
    ['InvalidStageDeclarationException', 'stage-name-unique', "Stage name 'Build' is used more than once"]],
  ['duplicate action names in a stage', changed((p) => { p.stages[2]?.actions.push(approvalAction('Deploy')); }),
    ['InvalidStageDeclarationException', 'action-name-unique']],
  ['same action name in different stages', changed((p) => { actionAt(p, 2).name = 'Build'; }), 'accept'],
  // Rule 4–5: artifacts
  ['duplicate output artifact', changed((p) => { actionAt(p, 1).outputArtifacts = [{ name: 'SourceOutput' }]; }),
    ['InvalidStructureException', 'output-artifact-unique']],
  ['input never produced', changed((p) => { actionAt(p, 2).inputArtifacts = [{ name: 'Nope' }]; }),
    ['InvalidStructureException', 'input-artifact-produced-before']],
  ['input from a parallel action', changed((p) => { p.stages[1]?.actions.push(buildAction('B2', 'BuildOutput', 'B2Out')); }),
    ['InvalidStructureException', 'input-artifact-produced-before']],
  ['input from a lower runOrder', changed((p) => { p.stages[1]?.actions.push({ ...buildAction('B2', 'BuildOutput', 'B2Out'), runOrder: 2 }); }), 'accept'],
  ['input from a later stage', changed((p) => { actionAt(p, 1).inputArtifacts = [{ name: 'SourceOutput' }, { name: 'Late' }];
    actionAt(p, 1).configuration = { ProjectName: 'p', PrimarySource: 'SourceOutput' }; actionAt(p, 2).inputArtifacts = [{ name: 'BuildOutput' }];
    p.stages[2]?.actions.push({ ...buildAction('Mk', 'BuildOutput', 'Late'), actionTypeId: typeId('Test', 'CodeBuild') }); }),
  ['InvalidStructureException', 'input-artifact-produced-before']],
  // Rule 6: artifact counts and configuration
  ['CodeBuild without input', changed((p) => { delete actionAt(p, 1).inputArtifacts; }),
    ['InvalidActionDeclarationException', 'input-artifacts-min', 'Action Build declares 0 input artifacts which is less than the minimum count (1)']],
  ['source with two outputs', changed((p) => { actionAt(p, 0).outputArtifacts?.push({ name: 'Extra' }); }),
    ['InvalidActionDeclarationException', 'output-artifacts-max', 'Action Source declares 2 output artifacts which is greater than the maximum count (1)']],
  ['approval with an input', changed((p) => { p.stages[2]?.actions.push({ ...approvalAction(), inputArtifacts: [{ name: 'BuildOutput' }] }); }),
    ['InvalidActionDeclarationException', 'input-artifacts-max']],
  ['missing required configuration', changed((p) => { delete actionAt(p, 1).configuration?.['ProjectName']; }),
    ['InvalidActionDeclarationException', 'configuration-required', "Action configuration for action 'Build' is missing required configuration 'ProjectName'"]],
  ['unknown configuration key', changed((p) => { actionAt(p, 1).configuration = { ProjectName: 'p', Projectname: 'q' }; }),
    ['InvalidActionDeclarationException', 'configuration-unknown', "Action configuration for action 'Build' contains unknown configuration 'Projectname'"]],
  ['configuration value too long', changed((p) => { actionAt(p, 1).configuration = { ProjectName: 'x'.repeat(1001) }; }),
    ['ValidationException', 'configuration-size']],
  ['unknown action type', changed((p) => { actionAt(p, 1).actionTypeId = typeId('Build', 'Foo'); }),
    ['InvalidActionDeclarationException', 'action-type-unknown',
      "ActionType (Category: 'Build', Provider: 'Foo', Owner: 'AWS', Version: '1') in action 'Build' is not available in region 'US_EAST_1'"]],
  ['known provider, wrong version', changed((p) => { actionAt(p, 1).actionTypeId.version = '2'; }), ['InvalidActionDeclarationException', 'action-type-unknown']],
  ['two inputs without PrimarySource', changed((p) => { p.stages[0]?.actions.push(sourceAction('S2', 'Second'));
    actionAt(p, 1).inputArtifacts?.push({ name: 'Second' }); }), ['InvalidActionDeclarationException', 'codebuild-primary-source']],
  ['PrimarySource names no input', changed((p) => { actionAt(p, 1).configuration = { ProjectName: 'p', PrimarySource: 'Other' }; }),
    ['InvalidActionDeclarationException', 'configuration-names-input-artifact']],
  ['S3 deploy without extract needs ObjectKey', changed((p) => { actionAt(p, 2).configuration = { BucketName: 'b', Extract: 'false' }; }),
    ['InvalidActionDeclarationException', 's3-deploy-object-key']],
  ['commands on a CodeBuild action', changed((p) => { actionAt(p, 1).commands = ['make']; }), ['InvalidActionDeclarationException', 'compute-fields']],
  ['Commands action on V1', changed((p) => { actionAt(p, 1).actionTypeId = typeId('Compute', 'Commands'); }),
    ['InvalidActionDeclarationException', 'v2-provider', 'Commands Action can only be used with V2 pipelines.']],
  // Rule 7: regions
  ['cross-region source', changed((p) => { actionAt(p, 0).region = 'eu-west-1'; }), ['InvalidActionDeclarationException', 'cross-region-not-allowed']],
  ['cross-region ThirdParty', changed((p) => { actionAt(p, 0).actionTypeId = typeId('Source', 'GitHub', 'ThirdParty');
    actionAt(p, 0).configuration = { Owner: 'o', Repo: 'r', Branch: 'b', OAuthToken: 't' }; actionAt(p, 0).region = 'eu-west-1'; }),
  ['InvalidActionDeclarationException', 'cross-region-not-allowed']],
  ['region equal to the pipeline region', changed((p) => { actionAt(p, 1).region = REGION; }), 'accept'],
  ['cross-region deploy with one artifact store', changed((p) => { actionAt(p, 2).region = 'eu-west-1'; }),
    ['ValidationException', 'artifact-stores-cross-region']],
  ['cross-region deploy with artifactStores', changed((p) => { actionAt(p, 2).region = 'eu-west-1'; delete p.artifactStore;
    p.artifactStores = { [REGION]: { type: 'S3', location: 'a' }, 'eu-west-1': { type: 'S3', location: 'b' } }; }), 'accept'],
  ['artifactStores without the pipeline region', changed((p) => { delete p.artifactStore; p.artifactStores = { 'eu-west-1': { type: 'S3', location: 'b' } }; }),
    ['ValidationException', 'artifact-stores-region-missing',
      "Your pipeline must have an artifact store, such as an artifact bucket, for each region where you have an action. The following region is missing in 'pipeline.artifactStores': us-east-1."]],
  ['no artifact store', changed((p) => { delete p.artifactStore; }), ['ValidationException', 'artifact-store-exactly-one']],
  ['both artifact stores', changed((p) => { p.artifactStores = { [REGION]: { type: 'S3', location: 'a' } }; }), ['ValidationException', 'artifact-store-exactly-one']],
  // Rule 8: namespaces and references
  ['reference to an earlier namespace', changed((p) => { actionAt(p, 0).namespace = 'SourceVariables';
    actionAt(p, 1).configuration = { ProjectName: 'p', EnvironmentVariables: '[{"name":"C","value":"#{SourceVariables.CommitId}"}]' }; }), 'accept'],
  ['reference to codepipeline', changed((p) => { actionAt(p, 1).configuration = { ProjectName: '#{codepipeline.PipelineExecutionId}' }; }), 'accept'],
  ['reference to an unknown namespace', changed((p) => { actionAt(p, 1).configuration = { ProjectName: '#{Nope.Key}' }; }),
    ['InvalidActionDeclarationException', 'variable-reference-namespace']],
  ['reference to a parallel namespace', changed((p) => { p.stages[1]?.actions.push({ ...approvalAction(), namespace: 'Par' });
    actionAt(p, 1).configuration = { ProjectName: '#{Par.X}' }; }), ['InvalidActionDeclarationException', 'variable-reference-namespace']],
  ['reference to a later namespace', changed((p) => { actionAt(p, 2).namespace = 'DeployVars';
    actionAt(p, 1).configuration = { ProjectName: '#{DeployVars.X}' }; }), ['InvalidActionDeclarationException', 'variable-reference-namespace']],
  ['malformed #{ is literal text', changed((p) => { actionAt(p, 1).configuration = { ProjectName: 'a#{b}c #{x.}' }; }), 'accept'],
  ['duplicate namespace', changed((p) => { actionAt(p, 0).namespace = 'N'; actionAt(p, 1).namespace = 'N'; }), ['InvalidStructureException', 'namespace-unique']],
  ['namespace equals an artifact name', changed((p) => { actionAt(p, 1).namespace = 'SourceOutput'; }),
    ['InvalidStructureException', 'namespace-artifact-collision']],
  ['reserved namespace', changed((p) => { actionAt(p, 1).namespace = 'codepipeline'; }), ['InvalidActionDeclarationException', 'namespace-reserved']],
  ['#{variables.X} without a declaration', changed((p) => { actionAt(p, 1).configuration = { ProjectName: '#{variables.Env}' }; }),
    ['InvalidActionDeclarationException', 'variable-reference-undeclared']],
  ['#{variables.X} declared', v2((p) => { p.variables = [{ name: 'Env', defaultValue: 'dev' }];
    actionAt(p, 1).configuration = { ProjectName: '#{variables.Env}' }; }), 'accept'],
  // Rule 10: V2 features
  ['variables on V1', changed((p) => { p.variables = [{ name: 'Env' }]; }),
    ['InvalidStructureException', 'v2-variables', 'Pipeline variable can only be used with V2 pipelines']],
  ['QUEUED on V1', changed((p) => { p.executionMode = 'QUEUED'; }),
    ['InvalidStructureException', 'v2-execution-mode', 'QUEUED or PARALLEL mode can only be used with V2 pipelines']],
  ['QUEUED on V2', v2((p) => { p.executionMode = 'QUEUED'; }), 'accept'],
  ['SUPERSEDED on V1', changed((p) => { p.executionMode = 'SUPERSEDED'; }), 'accept'],
  ['stage conditions on V1', changed((p) => { p.stages[2]!.onFailure = { result: 'ROLLBACK' }; }),
    ['InvalidStageDeclarationException', 'v2-stage-conditions', 'Stage level conditions can only be used with V2 pipelines.']],
  ['rollback on PARALLEL', v2((p) => { p.executionMode = 'PARALLEL'; p.stages[2]!.onFailure = { result: 'ROLLBACK' }; }),
    ['InvalidStageDeclarationException', 'parallel-no-rollback']],
  ['onFailure result and conditions', v2((p) => { p.stages[2]!.onFailure = { result: 'RETRY', conditions: [] }; }),
    ['InvalidStageDeclarationException', 'on-failure-result-xor-conditions']],
  ['duplicate variable names', v2((p) => { p.variables = [{ name: 'A' }, { name: 'A' }]; }),
    ['InvalidStructureException', 'variable-name-unique', 'Variable names must be unique. The following variable name is already in use: A']],
  // Triggers
  ['trigger on V1', changed((p) => { p.stages[0]!.actions = [connectionSource()]; p.triggers = [{ providerType: 'CodeStarSourceConnection', gitConfiguration: push }]; }),
    ['InvalidStructureException', 'v2-triggers']],
  ['trigger on V2', v2((p) => { p.stages[0]!.actions = [connectionSource()]; p.triggers = [{ providerType: 'CodeStarSourceConnection', gitConfiguration: push }]; }), 'accept'],
  ['trigger on a CodeCommit source', v2((p) => { p.triggers = [{ providerType: 'CodeStarSourceConnection', gitConfiguration: push }]; }),
    ['InvalidStructureException', 'trigger-source-action', 'Triggers for connections must reference a CodeStarSourceConnection action.']],
  ['two triggers for one source', v2((p) => { p.stages[0]!.actions = [connectionSource()];
    p.triggers = [{ providerType: 'CodeStarSourceConnection', gitConfiguration: push }, { providerType: 'CodeStarSourceConnection', gitConfiguration: push }]; }),
  ['InvalidStructureException', 'trigger-one-per-source']],
  ['trigger without filters', v2((p) => { p.stages[0]!.actions = [connectionSource()];
    p.triggers = [{ providerType: 'CodeStarSourceConnection', gitConfiguration: { sourceActionName: 'Source' } }]; }),
  ['InvalidStructureException', 'trigger-filter-required']],
  // Order: structure is reported before the action type (observed on AWS).
  ['non-source in first stage beats unknown type', changed((p) => { actionAt(p, 0).actionTypeId = typeId('Build', 'GitHub', 'ThirdParty'); }),
    ['InvalidStructureException', 'first-stage-source-only']],
  ['manual approval stage', changed((p) => { p.stages.splice(2, 0, stage('Approval', approvalAction())); }), 'accept'],
  ['deploy reading a source directly', changed((p) => { p.stages.push(stage('Again', deployAction('D2', 'SourceOutput'))); }), 'accept'],
];

for (const [name, pipeline, expected] of cases) {
  test(`validatePipeline: ${name}`, () => {
    const got = validatePipeline(pipeline, { region: REGION });
    if (expected === 'accept') {
      assert.equal(got, undefined, got?.message);
      return;
    }
    const [code, rule, message] = expected;
    assert.ok(got, `expected ${code}/${rule}`);
    assert.deepEqual([got.code, got.rule], [code, rule], got.message);
    if (message !== undefined) assert.equal(got.message, message);
  });
}

test('listPipelineViolations reports every violation in order', () => {
  const p = changed((x) => { x.stages = x.stages.slice(0, 1); delete x.artifactStore; });
  assert.deepEqual(listPipelineViolations(p, { region: REGION }).map((v) => v.rule),
    ['stage-count-min', 'non-source-action-required', 'artifact-store-exactly-one']);
});

test('validatePipeline does not modify its input', () => {
  const p = basePipeline();
  const before = structuredClone(p);
  validatePipeline(p, { region: REGION });
  assert.deepEqual(p, before);
});
