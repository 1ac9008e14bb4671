import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatConnectionArn, isHostArn, parseConnectionArn } from './arn.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const id = 'aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f';

describe('connection ARNs', () => {
  it('formats both service prefixes', () => {
    assert.equal(formatConnectionArn('codestar-connections', scope, id), `arn:aws:codestar-connections:us-east-1:000000000000:connection/${id}`);
    assert.equal(formatConnectionArn('codeconnections', scope, id), `arn:aws:codeconnections:us-east-1:000000000000:connection/${id}`);
  });

  it('parses either form to the same identity', () => {
    const old = parseConnectionArn(`arn:aws:codestar-connections:eu-west-1:123456789012:connection/${id}`);
    const neu = parseConnectionArn(`arn:aws:codeconnections:eu-west-1:123456789012:connection/${id}`);
    assert.deepEqual(old, { service: 'codestar-connections', region: 'eu-west-1', accountId: '123456789012', id });
    assert.deepEqual(neu, { service: 'codeconnections', region: 'eu-west-1', accountId: '123456789012', id });
  });

  it('round-trips', () => {
    for (const service of ['codestar-connections', 'codeconnections'] as const) {
      const arn = formatConnectionArn(service, scope, id);
      const p = parseConnectionArn(arn);
      assert.ok(p);
      assert.equal(formatConnectionArn(p.service, p, p.id), arn);
    }
  });

  const notConnections: Array<[string, string]> = [
    ['another service', `arn:aws:codecommit:us-east-1:000000000000:connection/${id}`],
    ['a host', 'arn:aws:codestar-connections:us-east-1:000000000000:host/my-host-1a2b3c4d'],
    ['another partition', `arn:aws-cn:codeconnections:cn-north-1:000000000000:connection/${id}`],
    ['a short account', `arn:aws:codeconnections:us-east-1:0000:connection/${id}`],
    ['no region', `arn:aws:codeconnections::000000000000:connection/${id}`],
    ['no id', 'arn:aws:codeconnections:us-east-1:000000000000:connection/'],
    ['a nested path', `arn:aws:codeconnections:us-east-1:000000000000:connection/${id}/x`],
    ['not an ARN', 'my-conn'],
  ];
  for (const [what, arn] of notConnections) {
    it(`rejects ${what}`, () => assert.equal(parseConnectionArn(arn), undefined));
  }

  it('recognises host ARNs of either prefix', () => {
    assert.equal(isHostArn('arn:aws:codestar-connections:us-east-1:000000000000:host/h-1'), true);
    assert.equal(isHostArn('arn:aws:codeconnections:us-east-1:000000000000:host/h-1'), true);
    assert.equal(isHostArn(`arn:aws:codeconnections:us-east-1:000000000000:connection/${id}`), false);
  });
});
