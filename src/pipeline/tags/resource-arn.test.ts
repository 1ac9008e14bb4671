import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseResourceArn } from './resource-arn.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };

test('pipeline, webhook and action type ARNs', () => {
  assert.deepEqual(parseResourceArn(scope, 'arn:aws:codepipeline:us-east-1:000000000000:demo'), { kind: 'pipeline', name: 'demo' });
  assert.deepEqual(parseResourceArn(scope, 'arn:aws:codepipeline:us-east-1:000000000000:webhook:gh-main'), { kind: 'webhook', name: 'gh-main' });
  assert.equal(parseResourceArn(scope, 'arn:aws:codepipeline:us-east-1:000000000000:actiontype:Custom/Build/Jenkins/1').kind, 'actiontype');
});

test('InvalidArnException for what is not a CodePipeline resource; ResourceNotFoundException for another account or region', () => {
  for (const bad of ['demo', 'arn:aws:s3:::bucket', 'arn:aws:codepipeline:us-east-1:123:demo', 'arn:aws:codepipeline:us-east-1:000000000000:bad/name', 'arn:aws:codepipeline:us-east-1:000000000000:webhook:']) {
    assert.throws(() => parseResourceArn(scope, bad), { code: 'InvalidArnException' }, bad);
  }
  assert.throws(() => parseResourceArn(scope, 'arn:aws:codepipeline:eu-west-1:000000000000:demo'), { code: 'ResourceNotFoundException' });
  assert.throws(() => parseResourceArn(scope, 'arn:aws:codepipeline:us-east-1:111111111111:demo'), { code: 'ResourceNotFoundException' });
});
