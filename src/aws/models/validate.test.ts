/**
 * Expected messages follow what AWS answers. Sources for the format:
 * - "1 validation error detected: Value '11' at 'maxResults' … less than or equal to 10", lower-camel
 *   paths and quoted numbers: AWS Pricing answer quoted in grokify/awsgo; shared/spec B.1.
 * - "Value null at '…' … Member must not be null", "; " between issues, "Value '[]'", cap of 10
 *   issues, `.1.member.` list paths: dynalite's test suite (run against real DynamoDB).
 * - Item constraints in brackets, max/min/pattern order: ACM RequestCertificate answer
 *   "Value '[ccc]' at 'subjectAlternativeNames' … Member must satisfy constraint: [Member must have
 *   length less than or equal to 253, Member must have length greater than or equal to 1, …]".
 * - "Map value must satisfy constraint: […]": Cognito Identity answer quoted in an Amplify app.
 * - Sensitive values left out ("Value at 'secretString'"): Secrets Manager and SSM answers quoted
 *   in user notes; Cognito "Value at 'password'".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ecrModel, logsModel, secretsmanagerModel, ssmModel } from './generated/index.js';
import type { ServiceModel } from './types.js';
import { MAX_VALIDATION_ISSUES, validateInput } from './validate.js';
import { formatValidationMessage } from './validation-message.js';

const TAG_PATTERN = '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]';

interface Case {
  name: string;
  model: ServiceModel;
  op: string;
  input: unknown;
  /** The exact message, or null for valid input. */
  message: string | null;
}

const cases: Case[] = [
  {
    name: 'missing required member', model: ssmModel, op: 'PutParameter', input: { Value: 'v' },
    message: "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
  },
  {
    name: 'number above max', model: ssmModel, op: 'GetParametersByPath', input: { Path: '/a', MaxResults: 11 },
    message: "1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10",
  },
  {
    name: 'number below min', model: ssmModel, op: 'GetParametersByPath', input: { Path: '/a', MaxResults: 0 },
    message: "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
  },
  {
    name: 'enum', model: ssmModel, op: 'PutParameter', input: { Name: 'n', Value: 'v', Type: 'Text' },
    message: "1 validation error detected: Value 'Text' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [String, StringList, SecureString]",
  },
  {
    name: 'string too long', model: ssmModel, op: 'PutParameter', input: { Name: 'n'.repeat(2049), Value: 'v' },
    message: `1 validation error detected: Value '${'n'.repeat(2049)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 2048`,
  },
  {
    name: 'list too long prints the list', model: ssmModel, op: 'GetParameters', input: { Names: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'] },
    message: "1 validation error detected: Value '[a, b, c, d, e, f, g, h, i, j, k]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10",
  },
  {
    name: 'empty list', model: ssmModel, op: 'GetParameters', input: { Names: [] },
    message: "1 validation error detected: Value '[]' at 'names' failed to satisfy constraint: Member must have length greater than or equal to 1",
  },
  {
    name: 'nested list of structures', model: ssmModel, op: 'GetParametersByPath',
    input: { Path: '/a', ParameterFilters: [{ Key: 'Type' }, { Key: 'tag:x', Option: 'x'.repeat(11) }, {}] },
    message: "2 validation errors detected: Value 'xxxxxxxxxxx' at 'parameterFilters.2.member.option' failed to satisfy constraint: Member must have length less than or equal to 10; " +
      "Value null at 'parameterFilters.3.member.key' failed to satisfy constraint: Member must not be null",
  },
  {
    name: 'simple list items: one issue for the list, every item constraint in brackets', model: ssmModel, op: 'GetParametersByPath',
    input: { Path: '/a', ParameterFilters: [{ Key: 'Type', Values: ['', 'String'] }] },
    message: "1 validation error detected: Value '[, String]' at 'parameterFilters.1.member.values' failed to satisfy constraint: " +
      'Member must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1]',
  },
  {
    name: 'pattern, Java \\p classes', model: ssmModel, op: 'AddTagsToResource',
    input: { ResourceType: 'Parameter', ResourceId: 'p', Tags: [{ Key: 'bad#key', Value: 'v' }] },
    message: "1 validation error detected: Value 'bad#key' at 'tags.1.member.key' failed to satisfy constraint: " +
      'Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
  },
  {
    name: 'unicode letters satisfy \\p{L}', model: ssmModel, op: 'AddTagsToResource',
    input: { ResourceType: 'Parameter', ResourceId: 'p', Tags: [{ Key: 'clé ü', Value: 'v' }] }, message: null,
  },
  {
    name: 'sensitive value is not printed', model: secretsmanagerModel, op: 'PutSecretValue',
    input: { SecretId: 's', SecretString: 'x'.repeat(65537) },
    message: "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
  },
  {
    name: 'two issues joined by "; "', model: ssmModel, op: 'PutParameter', input: { Type: 'Text', Value: 'v' },
    message: "2 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must not be null; " +
      "Value 'Text' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [String, StringList, SecureString]",
  },
  {
    name: 'blob length counts decoded bytes', model: secretsmanagerModel, op: 'PutSecretValue',
    input: { SecretId: 's', SecretBinary: Buffer.alloc(65537) },
    message: "1 validation error detected: Value at 'secretBinary' failed to satisfy constraint: Member must have length less than or equal to 65536",
  },
  {
    name: 'map keys and values of simple type: one issue each for the map', model: logsModel, op: 'TagResource',
    input: { resourceArn: 'arn:aws:logs:us-east-1:000000000000:log-group:g', tags: { 'bad#': 'v', ok: 'bad#' } },
    message: "2 validation errors detected: Value '{bad#=v, ok=bad#}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: " +
      '[Member must have length less than or equal to 128, Member must have length greater than or equal to 1, ' +
      `Member must satisfy regular expression pattern: ${TAG_PATTERN}+)$]; ` +
      "Value '{bad#=v, ok=bad#}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: " +
      `[Member must have length less than or equal to 256, Member must satisfy regular expression pattern: ${TAG_PATTERN}*)$]`,
  },
  {
    name: 'unknown members and nulls are ignored', model: ssmModel, op: 'GetParameter', input: { Name: 'n', Bogus: 1, WithDecryption: null }, message: null,
  },
  {
    name: 'wrong JSON types are left to decoding', model: ssmModel, op: 'GetParametersByPath', input: { Path: 5, MaxResults: '99', Recursive: 'x' }, message: null,
  },
  {
    name: 'non-object input counts as empty', model: ecrModel, op: 'CreateRepository', input: [1, 2],
    message: "1 validation error detected: Value null at 'repositoryName' failed to satisfy constraint: Member must not be null",
  },
];

describe('validateInput + formatValidationMessage', () => {
  for (const c of cases) {
    it(c.name, () => {
      const issues = validateInput(c.model, c.op, c.input);
      assert.equal(issues.length === 0 ? null : formatValidationMessage(issues), c.message);
    });
  }

  it(`stops at ${MAX_VALIDATION_ISSUES} issues, as AWS does`, () => {
    const filters = Array.from({ length: 30 }, () => ({}));
    const issues = validateInput(ssmModel, 'DescribeParameters', { ParameterFilters: filters });
    assert.equal(issues.length, MAX_VALIDATION_ISSUES);
    assert.match(formatValidationMessage(issues), /^10 validation errors detected: Value null at 'parameterFilters\.1\.member\.key'/);
  });

  it('does not print a list whose items are sensitive', () => {
    const model: ServiceModel = {
      metadata: { apiVersion: '2020-01-01', endpointPrefix: 'x', protocol: 'json', serviceId: 'X' },
      operations: { Op: { input: { shape: 'In' } } },
      paginators: {},
      shapes: {
        In: { type: 'structure', members: { Secrets: { shape: 'Secrets' } } },
        Secrets: { type: 'list', member: { shape: 'Secret' } },
        Secret: { type: 'string', min: 2, sensitive: true },
      },
    };
    assert.equal(formatValidationMessage(validateInput(model, 'Op', { Secrets: ['hunter2', 'x'] })),
      "1 validation error detected: Value at 'secrets' failed to satisfy constraint: Member must satisfy constraint: [Member must have length greater than or equal to 2]");
  });

  it('throws for an operation the model lacks (a programming error, not user input)', () => {
    assert.throws(() => validateInput(ssmModel, 'NoSuchOperation', {}), /no operation NoSuchOperation/);
  });
});
