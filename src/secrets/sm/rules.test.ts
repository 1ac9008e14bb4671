import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../shared/index.js';
import type { SecretDescription } from './describe-secret.js';
import { getRandomPassword } from './get-random-password.js';
import { matchesSecretFilters, splitWords, type SecretFilter } from './list-filters.js';
import { newSecretArn, parseSecretId, validateSecretName, type SecretRef } from './secret-id.js';
import { sameValue, valueFromInput } from './secret-value.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const arnBase = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:';

const ids: [string, SecretRef][] = [
  ['prod/db', { kind: 'name', name: 'prod/db' }],
  ['Valid/_+=.@-Name', { kind: 'name', name: 'Valid/_+=.@-Name' }],
  [`${arnBase}prod/db-AbCdEf`, { kind: 'arn', arn: `${arnBase}prod/db-AbCdEf` }],
  [`${arnBase}prod/db`, { kind: 'arn', arn: `${arnBase}prod/db`, name: 'prod/db' }],
  [`${arnBase}Valid-Name-a1b2`, { kind: 'arn', arn: `${arnBase}Valid-Name-a1b2`, name: 'Valid-Name-a1b2' }],
  [`${arnBase}Valid-Name-a1b2c3-`, { kind: 'arn', arn: `${arnBase}Valid-Name-a1b2c3-`, name: 'Valid-Name-a1b2c3-' }],
  [`${arnBase}Invalid-Name-a1b2c3`, { kind: 'arn', arn: `${arnBase}Invalid-Name-a1b2c3` }],
  ['arn:aws:secretsmanager:eu-west-1:000000000000:secret:x', { kind: 'foreign' }],
  ['arn:aws:ssm:us-east-1:000000000000:parameter/x', { kind: 'foreign' }],
];
for (const [id, want] of ids) test(`SecretId ${id}`, () => assert.deepEqual(parseSecretId(id, scope), want));

for (const bad of ['Inv Name', ' Inv Name', ' Inv*Name? ', 'x'.repeat(513), '']) {
  test(`name ${JSON.stringify(bad.slice(0, 20))} is a ValidationException`, () => {
    assert.throws(() => validateSecretName(bad), {
      code: 'ValidationException',
      message: 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
    });
    assert.throws(() => parseSecretId(bad, scope), { code: 'ValidationException' });
  });
}

test('secret ARNs end in the name, a hyphen and six random characters', () => {
  const arn = newSecretArn(scope, 'appauthexample');
  assert.match(arn, /^arn:aws:secretsmanager:us-east-1:000000000000:secret:appauthexample-[A-Za-z0-9]{6}$/);
  assert.deepEqual(parseSecretId(arn, scope), { kind: 'arn', arn });
});

test('parseSecretId throws nothing but AppError', () => {
  fc.assert(fc.property(fc.oneof(fc.string(), fc.string().map((s) => arnBase + s)), (id) => {
    try {
      parseSecretId(id, scope);
    } catch (err) {
      assert.ok(err instanceof AppError);
    }
  }), { numRuns: 2000 });
});

test('values: exactly one kind; both is InvalidParameterException', () => {
  assert.deepEqual(valueFromInput({ secretString: 's' }), { kind: 'string', text: 's' });
  assert.equal(valueFromInput({}), undefined);
  assert.throws(() => valueFromInput({ secretString: 's', secretBinary: new Uint8Array([1]) }), { code: 'InvalidParameterException' });
  assert.equal(sameValue({ kind: 'string', text: 'a' }, { kind: 'binary', bytes: Buffer.from('a') }), false);
  assert.equal(sameValue({ kind: 'binary', bytes: Buffer.from([1, 2]) }, { kind: 'binary', bytes: Buffer.from([1, 2]) }), true);
});

test('word splitting follows separators and case changes', () => {
  assert.deepEqual(splitWords('MyTestSecret'), ['My', 'Test', 'Secret']);
  assert.deepEqual(splitWords('prod/db-password'), ['prod', 'db', 'password']);
});

const secret = (over: Partial<SecretDescription>): SecretDescription => ({
  id: 1, name: 'prod/db', arn: `${arnBase}prod/db-AbCdEf`, description: 'Main database password', kmsKeyId: null,
  createdAt: new Date(0), lastChangedAt: new Date(0), lastAccessedAt: null, deletedAt: null, recoveryWindowDays: null,
  versionIdsToStages: {}, tags: [{ Key: 'team', Value: 'core' }], ...over,
});
const filterCases: [SecretFilter[], boolean][] = [
  [[{ Key: 'name', Values: ['prod'] }], true],
  [[{ Key: 'name', Values: ['Prod'] }], false],
  [[{ Key: 'name', Values: ['!prod'] }], false],
  [[{ Key: 'name', Values: ['!dev'] }], true],
  [[{ Key: 'description', Values: ['database'] }], true],
  [[{ Key: 'description', Values: ['DATA pass'] }], true],
  [[{ Key: 'tag-key', Values: ['te'] }], true],
  [[{ Key: 'tag-value', Values: ['cor'] }], true],
  [[{ Key: 'all', Values: ['core'] }], true],
  [[{ Key: 'all', Values: ['nothing'] }], false],
  [[{ Key: 'primary-region', Values: ['us-east-1'] }], false],
  [[{ Key: 'name', Values: ['prod'] }, { Key: 'tag-key', Values: ['owner'] }], false],
];
for (const [filters, want] of filterCases) test(`secret filters ${JSON.stringify(filters)} → ${want}`, () => assert.equal(matchesSecretFilters(secret({}), filters), want));

test('random passwords honour length, exclusions and required types', () => {
  assert.equal(getRandomPassword({}).length, 32);
  for (let i = 0; i < 50; i++) {
    const p = getRandomPassword({ passwordLength: 8, excludeCharacters: 'abcABC012', excludePunctuation: true });
    assert.equal(p.length, 8);
    assert.doesNotMatch(p, /[abcABC012]/);
    assert.match(p, /[a-z]/);
    assert.match(p, /[A-Z]/);
    assert.match(p, /[0-9]/);
    assert.doesNotMatch(p, /[^A-Za-z0-9]/);
  }
  assert.throws(() => getRandomPassword({ passwordLength: 3 }), { code: 'InvalidParameterException' });
  assert.throws(() => getRandomPassword({ excludeLowercase: true, excludeUppercase: true, excludeNumbers: true, excludePunctuation: true }), { code: 'InvalidParameterException' });
});
