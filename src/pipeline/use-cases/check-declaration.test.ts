import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../shared/index.js';
import { basePipeline, changed, REGION, stage, typeId } from '../declaration/test-support.js';
import { checkDeclaration } from './check-declaration.js';

const scope = { accountId: '000000000000', region: REGION };

function codeOf(f: () => void): string | undefined {
  try {
    f();
    return undefined;
  } catch (err) {
    assert.ok(err instanceof AppError);
    return `${err.code}: ${err.message}`;
  }
}

test('a pipeline nagare runs passes', () => {
  assert.equal(codeOf(() => checkDeclaration(scope, basePipeline())), undefined);
});

test("AWS's structural rules come first", () => {
  const p = changed((x) => (x.stages = [x.stages[0]!]));
  assert.match(codeOf(() => checkDeclaration(scope, p)) ?? '', /^InvalidStructureException: /);
});

test('an action type AWS accepts but nagare cannot run is refused as not available', () => {
  const p = changed((x) =>
    x.stages.push(stage('Ship', { name: 'ToEcs', actionTypeId: typeId('Deploy', 'ECS'), configuration: { ClusterName: 'c', ServiceName: 's' }, inputArtifacts: [{ name: 'BuildOutput' }] })),
  );
  assert.match(
    codeOf(() => checkDeclaration(scope, p)) ?? '',
    /^InvalidActionDeclarationException: ActionType \(Category: 'Deploy', Provider: 'ECS', Owner: 'AWS', Version: '1'\) in action 'ToEcs' is not available in region 'US_EAST_1'/,
  );
});

test('stage conditions are refused until the engine evaluates them', () => {
  const p = changed((x) => {
    x.pipelineType = 'V2';
    x.stages[1]!.onFailure = { result: 'RETRY', retryConfiguration: { retryMode: 'FAILED_ACTIONS' } };
  });
  assert.match(codeOf(() => checkDeclaration(scope, p)) ?? '', /^InvalidStageDeclarationException: Stage 'Build' declares onFailure: nagare does not evaluate stage conditions/);
});
