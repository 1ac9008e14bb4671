import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WebhookRecord } from './webhook-repo.js';
import { toWebhookItem, webhookArn, webhookUrl } from './webhook-item.js';

const scope = { accountId: '123456789012', region: 'eu-west-1' };
const T = new Date('2024-05-01T12:00:00Z');

const record: WebhookRecord = {
  scope,
  name: 'gh-main',
  urlToken: 'tok_ABCDEFGHIJKLMNOP',
  definition: {
    name: 'gh-main',
    targetPipeline: 'demo',
    targetAction: 'Source',
    filters: [{ jsonPath: '$.ref', matchEquals: 'refs/heads/{Branch}' }],
    authentication: 'GITHUB_HMAC',
    authenticationConfiguration: { SecretToken: 'It is a secret' },
  },
  tags: [{ key: 'team', value: 'a' }],
  lastTriggered: T,
  created: T,
};

test('ARN and URL forms', () => {
  assert.equal(webhookArn(scope, 'gh-main'), 'arn:aws:codepipeline:eu-west-1:123456789012:webhook:gh-main');
  assert.equal(webhookUrl('http://127.0.0.1:4566', 'tok'), 'http://127.0.0.1:4566/webhooks/codepipeline/tok');
  assert.equal(webhookUrl('http://nagare.local:8080/', 'tok'), 'http://nagare.local:8080/webhooks/codepipeline/tok');
});

test('ListWebhookItem: SecretToken redacted, the stored record untouched', () => {
  const item = toWebhookItem(record, 'http://127.0.0.1:4566');
  assert.deepEqual(item, {
    definition: { ...record.definition, authenticationConfiguration: { SecretToken: '****' } },
    url: 'http://127.0.0.1:4566/webhooks/codepipeline/tok_ABCDEFGHIJKLMNOP',
    lastTriggered: T,
    arn: 'arn:aws:codepipeline:eu-west-1:123456789012:webhook:gh-main',
    tags: [{ key: 'team', value: 'a' }],
  });
  assert.equal(record.definition.authenticationConfiguration.SecretToken, 'It is a secret');
  const ip = toWebhookItem({ ...record, definition: { ...record.definition, authentication: 'IP', authenticationConfiguration: { AllowedIPRange: '10.0.0.0/8' } } }, 'http://h');
  assert.deepEqual(ip.definition.authenticationConfiguration, { AllowedIPRange: '10.0.0.0/8' });
});
