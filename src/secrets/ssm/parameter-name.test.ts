import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameKey, parameterArn, parseParameterRef, validateNewName } from './parameter-name.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };

const valid: [string, string][] = [
  ['TestParam1', 'TestParam1'],
  ['/TestParam1', '/TestParam1'],
  ['  /padded/name  ', '/padded/name'],
  ['/ai-kirinuki/production/database-password', '/ai-kirinuki/production/database-password'],
  ['a.b-c_d', 'a.b-c_d'],
  [`/${Array.from({ length: 15 }, (_, i) => `L${i}`).join('/')}`, `/${Array.from({ length: 15 }, (_, i) => `L${i}`).join('/')}`],
];
for (const [raw, want] of valid) {
  test(`accepts name ${JSON.stringify(raw)}`, () => assert.equal(validateNewName(raw, scope), want));
}

const invalid: [string, string, RegExp][] = [
  ['awsTestParameter', 'ValidationException', /can't be prefixed with "aws" or "ssm"/],
  ['SSM-testparameter', 'ValidationException', /can't be prefixed with "aws" or "ssm"/],
  ['/aws', 'ValidationException', /can't be prefixed with "aws" or "ssm"/],
  ['/aws/testparam1', 'AccessDeniedException', /^No access to reserved parameter name: \/aws\/testparam1\.$/],
  ['/AWS/x', 'AccessDeniedException', /reserved parameter name/],
  ['/ssm/path/to/var', 'ValidationException', /can't be prefixed with "ssm".*If formed as a path/],
  ['MyParameter3/L1', 'ValidationException', /If formed as a path/],
  ['/a//b', 'ValidationException', /If formed as a path/],
  ['/a/b/', 'ValidationException', /If formed as a path/],
  ['has space', 'ValidationException', /If formed as a path/],
  ['name:1', 'ValidationException', /If formed as a path/],
  ['arn:aws:ssm:us-east-1:000000000000:parameter/x', 'ValidationException', /If formed as a path/],
  ['/', 'ValidationException', /If formed as a path/],
  [`/${Array.from({ length: 16 }, (_, i) => `L${i}`).join('/')}`, 'HierarchyLevelLimitExceededException', /maximum of 15 levels/],
  ['x'.repeat(1000), 'ValidationException', /1011/],
];
for (const [raw, code, message] of invalid) {
  test(`rejects name ${JSON.stringify(raw.slice(0, 40))} with ${code}`, () => {
    assert.throws(() => validateNewName(raw, scope), (err: Error & { code?: string }) => {
      assert.equal(err.code, code);
      assert.match(err.message, message);
      return true;
    });
  });
}

test('/a and a share one key; hierarchical names keep their slash', () => {
  assert.equal(nameKey('/a'), 'a');
  assert.equal(nameKey('a'), 'a');
  assert.equal(nameKey('/a/b'), '/a/b');
});

test('ARNs drop the leading slash', () => {
  assert.equal(parameterArn(scope, '/Test/IAD/helloWorld'), 'arn:aws:ssm:us-east-1:000000000000:parameter/Test/IAD/helloWorld');
  assert.equal(parameterArn(scope, 'golden-ami'), 'arn:aws:ssm:us-east-1:000000000000:parameter/golden-ami');
});

const refs: [string, ReturnType<typeof parseParameterRef>][] = [
  ['/a/b', { name: '/a/b', key: '/a/b' }],
  ['/a/b:3', { name: '/a/b', key: '/a/b', selector: { kind: 'version', version: 3, text: ':3' } }],
  ['/a/b:prod', { name: '/a/b', key: '/a/b', selector: { kind: 'label', label: 'prod', text: ':prod' } }],
  ['/top:1', { name: '/top', key: 'top', selector: { kind: 'version', version: 1, text: ':1' } }],
  ['arn:aws:ssm:us-east-1:000000000000:parameter/a/b:2', { name: '/a/b', key: '/a/b', selector: { kind: 'version', version: 2, text: ':2' } }],
  ['arn:aws:ssm:us-east-1:000000000000:parameter/golden-ami', { name: 'golden-ami', key: 'golden-ami' }],
  ['arn:aws:ssm:eu-west-1:000000000000:parameter/a', undefined],
  ['arn:aws:ssm:us-east-1:111111111111:parameter/a', undefined],
  ['arn:aws:s3:::bucket', undefined],
  ['/a:1:2', undefined],
  ['/a:', undefined],
  ['/a:0', undefined],
  ['/a:99999999999', undefined],
  ['bad name', undefined],
  ['', undefined],
];
for (const [raw, want] of refs) {
  test(`parses reference ${JSON.stringify(raw)}`, () => assert.deepEqual(parseParameterRef(raw, scope), want));
}
