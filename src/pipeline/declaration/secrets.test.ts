import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskSecrets, restoreSecrets, SECRET_PLACEHOLDER } from './secrets.js';
import { actionAt, basePipeline, changed, typeId } from './test-support.js';
import type { PipelineDeclaration } from './types.js';

function withGitHub(token: string, stageName = 'Source', actionName = 'Source'): PipelineDeclaration {
  return changed((p) => {
    p.stages[0]!.name = stageName;
    p.stages[0]!.actions = [{
      name: actionName,
      actionTypeId: typeId('Source', 'GitHub', 'ThirdParty'),
      configuration: { Owner: 'o', Repo: 'r', Branch: 'main', OAuthToken: token },
      outputArtifacts: [{ name: 'SourceOutput' }],
    }];
  });
}

test('maskSecrets hides secret values only, without touching the input', () => {
  const stored = withGitHub('ghp_secret');
  const masked = maskSecrets(stored);
  assert.deepEqual(actionAt(masked, 0).configuration, { Owner: 'o', Repo: 'r', Branch: 'main', OAuthToken: SECRET_PLACEHOLDER });
  assert.equal(actionAt(stored, 0).configuration?.['OAuthToken'], 'ghp_secret');
  assert.deepEqual(actionAt(masked, 1), actionAt(stored, 1));
});

test('maskSecrets leaves pipelines without secrets unchanged', () => {
  assert.deepEqual(maskSecrets(basePipeline()), basePipeline());
});

const cases: Array<[string, PipelineDeclaration, PipelineDeclaration | undefined, { token: string } | 'violation']> = [
  ['**** keeps the stored token', withGitHub(SECRET_PLACEHOLDER), withGitHub('ghp_old'), { token: 'ghp_old' }],
  ['a new token replaces the stored one', withGitHub('ghp_new'), withGitHub('ghp_old'), { token: 'ghp_new' }],
  ['**** on create is rejected', withGitHub(SECRET_PLACEHOLDER), undefined, 'violation'],
  ['renaming the stage loses the secret', withGitHub(SECRET_PLACEHOLDER, 'Checkout'), withGitHub('ghp_old'), 'violation'],
  ['renaming the action loses the secret', withGitHub(SECRET_PLACEHOLDER, 'Source', 'GitHub'), withGitHub('ghp_old'), 'violation'],
];

for (const [name, incoming, stored, want] of cases) {
  test(`restoreSecrets: ${name}`, () => {
    const result = restoreSecrets(incoming, stored);
    if (want === 'violation') {
      assert.equal(result.violation?.code, 'InvalidActionDeclarationException');
      assert.match(result.violation?.message ?? '', /^Action configuration for the new action '\w+' contains an invalid configuration for the secret property 'OAuthToken'\. '\*\*\*\*' may be used in secret properties only when updating an existing action\.$/);
      return;
    }
    assert.equal(result.pipeline && actionAt(result.pipeline, 0).configuration?.['OAuthToken'], want.token);
  });
}

test('a round trip through GetPipeline and UpdatePipeline keeps the secret', () => {
  const stored = withGitHub('ghp_keep');
  assert.deepEqual(restoreSecrets(maskSecrets(stored), stored).pipeline, stored);
});

test('**** in a non-secret property is kept literally', () => {
  const p = changed((x) => { actionAt(x, 1).configuration = { ProjectName: SECRET_PLACEHOLDER }; });
  assert.deepEqual(restoreSecrets(p, undefined).pipeline, p);
});
