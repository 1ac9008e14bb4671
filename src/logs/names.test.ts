import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../shared/index.js';
import { groupArn, groupArnWildcard, groupNameFromIdentifier, resolveGroupName, streamArn, validateNewGroupName, validateStreamName } from './names.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const code = (c: string) => (err: unknown): boolean => isAppError(err) && err.code === c;

test('ARNs in AWS formats', () => {
  assert.equal(groupArn(scope, '/aws/codebuild/p'), 'arn:aws:logs:us-east-1:000000000000:log-group:/aws/codebuild/p');
  assert.equal(groupArnWildcard(scope, '/aws/codebuild/p'), 'arn:aws:logs:us-east-1:000000000000:log-group:/aws/codebuild/p:*');
  assert.equal(streamArn(scope, 'g', 's'), 'arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:s');
});

test('identifiers: a name, or an ARN with or without :*', () => {
  for (const id of ['g/x', groupArn(scope, 'g/x'), groupArnWildcard(scope, 'g/x')]) assert.equal(groupNameFromIdentifier(scope, id), 'g/x');
  assert.throws(() => groupNameFromIdentifier({ ...scope, region: 'eu-west-1' }, groupArn(scope, 'g')), code('LogGroupNotFound'));
  assert.throws(() => groupNameFromIdentifier(scope, 'arn:aws:s3:::bucket'), code('InvalidParameter'));
  assert.throws(() => resolveGroupName(scope, 'a', 'a'), code('InvalidParameter'));
  assert.throws(() => resolveGroupName(scope, undefined, undefined), code('InvalidParameter'));
});

test('name rules the model cannot express', () => {
  assert.throws(() => validateNewGroupName('aws/mine'), code('InvalidParameter'));
  assert.doesNotThrow(() => validateNewGroupName('/aws/codebuild/p'));
  assert.throws(() => validateNewGroupName('bad name'), code('InvalidParameter'));
  assert.throws(() => validateStreamName('a:b'), code('InvalidParameter'));
  assert.throws(() => validateStreamName('a*'), code('InvalidParameter'));
  assert.doesNotThrow(() => validateStreamName('2026/01/01/[$LATEST]abc'));
});
