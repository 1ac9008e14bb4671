import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchesLegacyFilters, matchesParameterFilters, validateParameterFilters, type FilterSubject } from './filters.js';
import { isValidLabel, partitionLabels } from './labels.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { isUnderPath, validatePath } from './path.js';
import { assertAllowedPattern, assertDataType, assertNoNestedReference, resolveTier } from './value-rules.js';
import type { ParameterFilter } from './types.js';

const labelCases: [string, boolean][] = [
  ['prod', true], ['Release_1.2-rc', true], ['1st', false], ['aws-x', false], ['SSMx', false], ['a b', false], ['x'.repeat(100), true], ['x'.repeat(101), false], ['', false],
];
for (const [label, ok] of labelCases) test(`label ${JSON.stringify(label.slice(0, 20))} is ${ok ? 'valid' : 'invalid'}`, () => assert.equal(isValidLabel(label), ok));

test('partitionLabels keeps order and drops duplicates', () => {
  assert.deepEqual(partitionLabels(['a', '1x', 'a', 'b']), { valid: ['a', 'b'], invalid: ['1x'] });
});

const pathCases: [string, string, boolean, boolean][] = [
  ['/a/x', '/a', false, true],
  ['/a/x', '/a/', false, true],
  ['/a/x/y', '/a', false, false],
  ['/a/x/y', '/a', true, true],
  ['/ab/x', '/a', true, false],
  ['/a', '/a', true, false],
  ['/x', '/', false, true],
  ['/x/y', '/', false, false],
  ['/x/y', '/', true, true],
  ['x', '/', true, false],
];
for (const [name, path, recursive, want] of pathCases) {
  test(`${name} ${want ? 'is' : 'is not'} under ${path}${recursive ? ' (recursive)' : ''}`, () => assert.equal(isUnderPath(name, path, recursive), want));
}
for (const bad of ['a', '//', '/a//b', '/a b', '']) {
  test(`path ${JSON.stringify(bad)} is refused with the service's message`, () => assert.throws(() => validatePath(bad), { code: 'ValidationException', message: /must begin with a forward slash/ }));
}

test('page tokens round-trip and foreign tokens are InvalidNextToken', () => {
  assert.equal(decodePageToken(encodePageToken('/a/b')), '/a/b');
  assert.equal(decodePageToken(undefined), undefined);
  for (const bad of ['x', '!!!', Buffer.from('{"v":2}').toString('base64url')]) assert.throws(() => decodePageToken(bad), { code: 'InvalidNextToken' });
});

const subject: FilterSubject = { name: '/app/prod/db', type: 'SecureString', keyId: 'alias/aws/ssm', tier: 'Standard', dataType: 'text', tags: new Map([['team', 'core']]) };
const filterCases: [ParameterFilter[], boolean][] = [
  [[{ Key: 'Type', Values: ['SecureString'] }], true],
  [[{ Key: 'Type', Values: ['String', 'StringList'] }], false],
  [[{ Key: 'Name', Option: 'BeginsWith', Values: ['app/'] }], true],
  [[{ Key: 'Name', Option: 'Contains', Values: ['prod'] }], true],
  [[{ Key: 'Name', Values: ['/app/prod/db'] }], true],
  [[{ Key: 'Path', Values: ['/app/prod'] }], true],
  [[{ Key: 'Path', Values: ['/app'] }], false],
  [[{ Key: 'Path', Option: 'Recursive', Values: ['/app'] }], true],
  [[{ Key: 'Path', Option: 'Recursive', Values: ['/ap'] }], false],
  [[{ Key: 'KeyId', Values: ['alias/aws/ssm'] }], true],
  [[{ Key: 'Tier', Values: ['Advanced'] }], false],
  [[{ Key: 'DataType', Values: ['text'] }], true],
  [[{ Key: 'tag:team', Values: ['core'] }], true],
  [[{ Key: 'tag:team' }], true],
  [[{ Key: 'tag:owner' }], false],
  [[{ Key: 'Type', Values: ['SecureString'] }, { Key: 'Tier', Values: ['Standard'] }], true],
  [[{ Key: 'Type', Values: ['SecureString'] }, { Key: 'Tier', Values: ['Advanced'] }], false],
];
for (const [filters, want] of filterCases) {
  test(`filters ${JSON.stringify(filters)} → ${want}`, () => {
    validateParameterFilters(filters, 'describe');
    assert.equal(matchesParameterFilters(subject, filters), want);
  });
}

const filterErrors: [ParameterFilter[], 'describe' | 'by-path', string][] = [
  [[{ Key: 'Label', Values: ['x'] }], 'describe', 'InvalidFilterKey'],
  [[{ Key: 'Name', Values: ['x'] }], 'by-path', 'InvalidFilterKey'],
  [[{ Key: 'tag:a', Values: ['x'] }], 'by-path', 'InvalidFilterKey'],
  [[{ Key: 'Type' }], 'describe', 'InvalidFilterValue'],
  [[{ Key: 'Type', Values: ['String'] }, { Key: 'Type', Values: ['String'] }], 'describe', 'InvalidFilterKey'],
  [[{ Key: 'Path', Option: 'Equals', Values: ['/a'] }], 'describe', 'InvalidFilterOption'],
  [[{ Key: 'Path', Values: ['/aws/x'] }], 'describe', 'ValidationException'],
  [[{ Key: 'Path', Values: ['a/b'] }], 'describe', 'ValidationException'],
  [[{ Key: 'Type', Values: ['Secure'] }], 'describe', 'InvalidFilterOption'],
  [[{ Key: 'Tier', Values: ['Gold'] }], 'describe', 'InvalidFilterOption'],
  [[{ Key: 'Type', Option: 'Contains', Values: ['String'] }], 'describe', 'InvalidFilterOption'],
  [[{ Key: 'Label', Option: 'BeginsWith', Values: ['x'] }], 'by-path', 'InvalidFilterOption'],
];
for (const [filters, mode, code] of filterErrors) {
  test(`${mode} filters ${JSON.stringify(filters)} → ${code}`, () => assert.throws(() => validateParameterFilters(filters, mode), { code }));
}

test('legacy Filters: Name prefix, Type and KeyId exact, AND across keys', () => {
  assert.equal(matchesLegacyFilters(subject, [{ Key: 'Name', Values: ['/app'] }]), true);
  assert.equal(matchesLegacyFilters(subject, [{ Key: 'Name', Values: ['/app'] }, { Key: 'Type', Values: ['String'] }]), false);
  assert.equal(matchesLegacyFilters({ ...subject, keyId: null }, [{ Key: 'KeyId', Values: ['alias/aws/ssm'] }]), false);
});

const tierCases: [Parameters<typeof resolveTier>, string][] = [
  [[undefined, undefined, 10, false], 'Standard'],
  [[undefined, 'Advanced', 10, false], 'Advanced'],
  [['Intelligent-Tiering', undefined, 10, false], 'Standard'],
  [['Intelligent-Tiering', undefined, 5000, false], 'Advanced'],
  [['Intelligent-Tiering', undefined, 10, true], 'Advanced'],
  [['Advanced', undefined, 8192, false], 'Advanced'],
];
for (const [args, want] of tierCases) test(`tier ${JSON.stringify(args)} → ${want}`, () => assert.equal(resolveTier(...args), want));

const tierErrors: [Parameters<typeof resolveTier>, RegExp][] = [
  [['Standard', 'Advanced', 10, false], /can't downgrade/],
  [[undefined, undefined, 4097, false], /^Standard tier parameters support a maximum parameter value of 4096 characters/],
  [['Advanced', undefined, 8193, false], /8192/],
  [['Standard', undefined, 10, true], /policies/],
];
for (const [args, message] of tierErrors) test(`tier ${JSON.stringify(args)} is refused`, () => assert.throws(() => resolveTier(...args), { code: 'ValidationException', message }));

test('AllowedPattern is a full match and the value never appears in the error', () => {
  assertAllowedPattern('\\d{1,4}', '1234');
  assert.throws(() => assertAllowedPattern('\\d{1,4}', '10,000'), {
    code: 'ParameterPatternMismatchException',
    message: 'Parameter value, cannot be validated against allowedPattern: \\d{1,4}',
  });
  assert.throws(() => assertAllowedPattern('(', 'x'), { code: 'InvalidAllowedPatternException' });
});

test('data types and nested references', () => {
  assertDataType('aws:ec2:image', 'String', 'ami-12345678abcdef0');
  assert.throws(() => assertDataType('AWS:EC2:IMAGE', 'String', 'x'), { message: /Data type names are all lowercase/ });
  assert.throws(() => assertDataType('aws:ec2:image', 'String', 'not-an-ami'), { code: 'ValidationException' });
  assert.throws(() => assertNoNestedReference('{{resolve:x}}', 'String'), { message: /can't nest another parameter/ });
  assertNoNestedReference('{{resolve:x}}', 'SecureString');
});
