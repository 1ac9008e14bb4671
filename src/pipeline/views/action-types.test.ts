import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getActionType, listActionTypesPage } from './action-types.js';

test('ListActionTypes is one page; a nextToken is invalid; the owner filter applies', () => {
  const all = listActionTypesPage().actionTypes;
  assert.ok(all.some((t) => t.id.provider === 'CodeBuild'));
  assert.ok(listActionTypesPage('ThirdParty').actionTypes.every((t) => t.id.owner === 'ThirdParty'));
  assert.throws(() => listActionTypesPage(undefined, 'x'), { code: 'InvalidNextTokenException' });
});

test('GetActionType: ActionTypeDeclaration of a built-in type, ActionTypeNotFoundException otherwise', () => {
  const { actionType } = getActionType({ category: 'Source', owner: 'ThirdParty', provider: 'GitHub', version: '1' });
  assert.deepEqual(actionType.id, { category: 'Source', owner: 'ThirdParty', provider: 'GitHub', version: '1' });
  assert.equal(actionType.executor.type, 'JobWorker');
  assert.deepEqual(actionType.inputArtifactDetails, { minimumCount: 0, maximumCount: 0 });
  const token = actionType.properties.find((p) => p.name === 'OAuthToken');
  assert.deepEqual({ optional: token?.optional, noEcho: token?.noEcho }, { optional: false, noEcho: true });
  const build = getActionType({ category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' }).actionType;
  assert.equal(build.executor.jobTimeout, 8 * 3600);
  assert.throws(() => getActionType({ category: 'Build', owner: 'Custom', provider: 'Jenkins', version: '1' }), { code: 'ActionTypeNotFoundException' });
});
