/**
 * SerializationException messages are Coral's, as dynalite's test suite asserts them against real
 * DynamoDB (`__type: com.amazon.coral.service#SerializationException`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../protocol/errors.js';
import { codebuildModel, ecsModel, logsModel, secretsmanagerModel, ssmModel } from './generated/index.js';
import { decodeJsonInput } from './json-decode.js';
import { encodeJsonOutput } from './json-encode.js';
import type { ServiceModel } from './types.js';

const NUMBER = 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber';

describe('decodeJsonInput', () => {
  it('turns base64 into bytes and drops unknown members and nulls', () => {
    const out = decodeJsonInput(secretsmanagerModel, 'CreateSecret', { Name: 'n', SecretBinary: 'aGVsbG8=', Bogus: 1, Description: null });
    assert.deepEqual(Object.keys(out), ['Name', 'SecretBinary']);
    assert.ok(out['SecretBinary'] instanceof Uint8Array);
    assert.equal(Buffer.from(out['SecretBinary']).toString('utf8'), 'hello');
  });

  it('turns epoch seconds (with fraction) and ISO strings into Dates', () => {
    const at = decodeJsonInput(ecsModel, 'SubmitTaskStateChange', { cluster: 'c', pullStartedAt: 1543431490.226, pullStoppedAt: '2018-11-28T18:58:10.226Z' });
    assert.deepEqual(at['pullStartedAt'], new Date(1543431490226));
    assert.deepEqual(at['pullStoppedAt'], new Date(1543431490226));
  });

  it('decodes nested structures, keeping member names', () => {
    const out = decodeJsonInput(codebuildModel, 'ListBuildBatches', { filter: { status: 'SUCCEEDED', x: 1 }, maxResults: 5 });
    assert.deepEqual(out, { filter: { status: 'SUCCEEDED' }, maxResults: 5 });
  });

  it('keeps a "__proto__" map key as plain data', () => {
    const out = decodeJsonInput(logsModel, 'TagResource', JSON.parse('{"resourceArn":"a","tags":{"__proto__":"x"}}'));
    const tags = out['tags'] as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(tags), Object.prototype);
    assert.deepEqual(Object.keys(tags), ['__proto__']);
  });

  it('refuses absurdly deep input through recursive shapes instead of overflowing the stack', () => {
    let aggregator: Record<string, unknown> = { Expression: 'AWS:Application.Name' };
    for (let i = 0; i < 2000; i++) aggregator = { Aggregators: [aggregator] };
    assert.throws(() => decodeJsonInput(ssmModel, 'GetInventory', { Aggregators: [aggregator] }), { code: 'SerializationException' });
  });

  it('truncates integral numbers and clamps integers to 32 bits', () => {
    assert.deepEqual(decodeJsonInput(ssmModel, 'GetParametersByPath', { Path: '/', MaxResults: 5.9 }), { Path: '/', MaxResults: 5 });
    assert.deepEqual(decodeJsonInput(ssmModel, 'GetParametersByPath', { Path: '/', MaxResults: 1e12 }), { Path: '/', MaxResults: 2147483647 });
  });

  const serializationCases: Array<{ name: string; model: ServiceModel; op: string; input: unknown; message: string }> = [
    { name: 'number for a string', model: ssmModel, op: 'GetParameter', input: { Name: 5 }, message: `${NUMBER} can not be converted to an String` },
    { name: 'boolean for a string', model: ssmModel, op: 'GetParameter', input: { Name: true }, message: 'class java.lang.Boolean can not be converted to an String' },
    { name: 'list for a string', model: ssmModel, op: 'GetParameter', input: { Name: [] }, message: 'Start of list found where not expected' },
    { name: 'object for a string', model: ssmModel, op: 'GetParameter', input: { Name: {} }, message: 'Start of structure or map found where not expected.' },
    { name: 'string for an integer', model: ssmModel, op: 'GetParametersByPath', input: { Path: '/', MaxResults: '5' }, message: 'class java.lang.String can not be converted to an Integer' },
    { name: 'boolean for an integer', model: ssmModel, op: 'GetParametersByPath', input: { Path: '/', MaxResults: false }, message: 'class java.lang.Boolean can not be converted to an Integer' },
    { name: 'number for a boolean', model: ssmModel, op: 'GetParameter', input: { Name: 'n', WithDecryption: 1 }, message: `${NUMBER} can not be converted to an Boolean` },
    { name: 'odd string for a boolean', model: ssmModel, op: 'GetParameter', input: { Name: 'n', WithDecryption: 'maybe' }, message: "'MAYBE' can not be converted to an Boolean" },
    { name: 'scalar for a list', model: ssmModel, op: 'GetParameters', input: { Names: 'n' }, message: 'Expected list or null' },
    { name: 'object for a list', model: ssmModel, op: 'GetParameters', input: { Names: { a: 1 } }, message: 'Start of structure or map found where not expected.' },
    { name: 'scalar for a structure', model: ssmModel, op: 'PutParameter', input: { Name: 'n', Value: 'v', Tags: [1] }, message: 'Expected null' },
    { name: 'list for a structure', model: ssmModel, op: 'PutParameter', input: { Name: 'n', Value: 'v', Tags: [[]] }, message: 'Start of list found where not expected' },
    { name: 'bad base64 length', model: secretsmanagerModel, op: 'CreateSecret', input: { Name: 'n', SecretBinary: '23456' }, message: "'23456' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 5" },
    { name: 'bad base64 character', model: secretsmanagerModel, op: 'CreateSecret', input: { Name: 'n', SecretBinary: '=+/=' }, message: "'=+/=' can not be converted to a Blob: Invalid Base64 character: '='" },
    { name: 'bad base64 last character', model: secretsmanagerModel, op: 'CreateSecret', input: { Name: 'n', SecretBinary: '+/+=' }, message: "'+/+=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected" },
    { name: 'number for a blob', model: secretsmanagerModel, op: 'CreateSecret', input: { Name: 'n', SecretBinary: 23 }, message: `${NUMBER} can not be converted to a Blob` },
    { name: 'non-date string for a timestamp', model: ecsModel, op: 'SubmitTaskStateChange', input: { pullStartedAt: 'soon' }, message: 'class java.lang.String can not be converted to milliseconds since epoch' },
  ];
  for (const c of serializationCases) {
    it(`SerializationException: ${c.name}`, () => {
      assert.throws(() => decodeJsonInput(c.model, c.op, c.input), (err: unknown) => {
        assert.ok(err instanceof AwsError);
        assert.equal(err.code, 'SerializationException');
        assert.equal(err.status, 400);
        assert.equal(err.message, c.message);
        return true;
      });
    });
  }
});

describe('encodeJsonOutput', () => {
  it('writes Dates as epoch seconds with milliseconds, bytes as base64, and only modelled members', () => {
    const out = encodeJsonOutput(secretsmanagerModel, 'GetSecretValue', {
      Name: 'n', SecretBinary: Buffer.from('hello'), CreatedDate: new Date(1543431490226), VersionStages: ['AWSCURRENT'], internal: 'x', ARN: undefined,
    });
    assert.equal(JSON.stringify(out), '{"Name":"n","SecretBinary":"aGVsbG8=","VersionStages":["AWSCURRENT"],"CreatedDate":1543431490.226}');
  });

  it('walks lists and maps of structures', () => {
    const out = encodeJsonOutput(secretsmanagerModel, 'ListSecrets', {
      SecretList: [{ Name: 'a', LastChangedDate: new Date(1000), SecretVersionsToStages: { v1: ['AWSCURRENT'] }, junk: 1 }],
    });
    assert.deepEqual(out, { SecretList: [{ Name: 'a', LastChangedDate: 1, SecretVersionsToStages: { v1: ['AWSCURRENT'] } }] });
  });

  it('round-trips a blob through decode and encode', () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    const wire = encodeJsonOutput(secretsmanagerModel, 'GetSecretValue', { SecretBinary: bytes });
    const back = decodeJsonInput(secretsmanagerModel, 'PutSecretValue', { SecretId: 's', SecretBinary: wire['SecretBinary'] });
    assert.deepEqual(Uint8Array.from(back['SecretBinary'] as Uint8Array), bytes);
  });

  it('round-trips a timestamp to the millisecond', () => {
    const when = new Date('2024-02-29T12:34:56.789Z');
    const wire = encodeJsonOutput(secretsmanagerModel, 'DescribeSecret', { DeletedDate: when });
    assert.equal(wire['DeletedDate'], 1709210096.789);
    const back = decodeJsonInput(ecsModel, 'SubmitTaskStateChange', { pullStartedAt: wire['DeletedDate'] });
    assert.deepEqual(back['pullStartedAt'], when);
  });

  it('returns an empty object for an operation without output members', () => {
    assert.deepEqual(encodeJsonOutput(ssmModel, 'DeleteParameter', {}), {});
  });
});
