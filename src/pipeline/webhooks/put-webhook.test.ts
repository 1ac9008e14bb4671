import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PipelineDeclaration } from '../declaration/index.js';
import type { WebhookDefinition } from './types.js';
import { checkDefinition, checkTargetAction } from './put-webhook.js';

const base: WebhookDefinition = {
  name: 'gh',
  targetPipeline: 'demo',
  targetAction: 'Source',
  filters: [{ jsonPath: '$.ref', matchEquals: 'refs/heads/{Branch}' }],
  authentication: 'GITHUB_HMAC',
  authenticationConfiguration: { SecretToken: 's3cret' },
};

test('authentication parameters are checked with AWS exception names', () => {
  checkDefinition(base);
  checkDefinition({ ...base, authentication: 'UNAUTHENTICATED', authenticationConfiguration: {} });
  checkDefinition({ ...base, authentication: 'IP', authenticationConfiguration: { AllowedIPRange: '192.168.0.0/16' } });
  for (const bad of [
    { authentication: 'GITHUB_HMAC', authenticationConfiguration: {} },
    { authentication: 'IP', authenticationConfiguration: {} },
    { authentication: 'IP', authenticationConfiguration: { AllowedIPRange: '10.0.0.300/8' } },
  ] as const) {
    assert.throws(() => checkDefinition({ ...base, ...bad }), { code: 'InvalidWebhookAuthenticationParametersException' }, JSON.stringify(bad));
  }
});

test('JsonPath filters are checked: syntax errors are InvalidWebhookFilterPatternException naming the filter', () => {
  assert.throws(() => checkDefinition({ ...base, filters: [base.filters[0]!, { jsonPath: '$.[', matchEquals: 'x' }] }), (err: Error & { code?: string }) => {
    assert.equal(err.code, 'InvalidWebhookFilterPatternException');
    assert.match(err.message, /filters\[1\]/);
    return true;
  });
});

test('the target action must be a source action of the first stage', () => {
  const declaration = {
    name: 'demo',
    roleArn: 'arn:aws:iam::000000000000:role/r',
    stages: [
      { name: 'Src', actions: [{ name: 'Source', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' } }] },
      { name: 'Build', actions: [{ name: 'Compile', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' } }] },
    ],
  } as PipelineDeclaration;
  checkTargetAction(declaration, base);
  assert.throws(() => checkTargetAction(declaration, { ...base, targetAction: 'Compile' }), { code: 'ValidationException' });
  assert.throws(() => checkTargetAction(declaration, { ...base, targetAction: 'Nope' }), { code: 'ValidationException' });
});
