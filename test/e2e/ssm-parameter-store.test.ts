import {
  GetParameterCommand,
  GetParametersByPathCommand,
  LabelParameterVersionCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  SSMClient,
  paginateGetParametersByPath,
} from '@aws-sdk/client-ssm';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { aws, awsOk, type CliResult } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';

/**
 * SSM Parameter Store through the real AWS CLI v2 and the JS SDK v3 against `nagare up`.
 * Every SecureString value written here is checked to be absent from the server log.
 */

let nagare: NagareHandle;
const SECRET_VALUES = ['p@ss', 'rotated-p@ss-2', 'sdk-secret-value-9f3c'];

before(async () => {
  nagare = await startNagare();
});
after(async () => {
  await nagare?.stop();
});

const ok = async (...args: string[]): Promise<CliResult> => awsOk(nagare.endpoint, args);
const fails = async (code: string, ...args: string[]): Promise<CliResult> => {
  const r = await aws(nagare.endpoint, args);
  assert.equal(r.code, 254, `expected a service error for ${args.join(' ')}, got ${r.code}: ${r.stdout}${r.stderr}`);
  assert.match(r.stderr, new RegExp(`An error occurred \\(${code}\\) when calling`), r.stderr);
  return r;
};

interface Parameter {
  Name: string;
  Type: string;
  Value: string;
  Version: number;
  Selector?: string;
  ARN: string;
  DataType: string;
  LastModifiedDate: string;
}

describe('the seed scenario', () => {
  test('put-parameter SecureString and read it back with --with-decryption', async () => {
    const put = await ok('ssm', 'put-parameter', '--name', '/ai-kirinuki/production/database-password', '--value', 'p@ss', '--type', 'SecureString');
    assert.deepEqual(put.json(), { Version: 1, Tier: 'Standard' });
    const got = (await ok('ssm', 'get-parameter', '--name', '/ai-kirinuki/production/database-password', '--with-decryption')).json<{ Parameter: Parameter }>();
    assert.equal(got.Parameter.Value, 'p@ss');
    assert.equal(got.Parameter.Type, 'SecureString');
    assert.equal(got.Parameter.Version, 1);
    assert.equal(got.Parameter.ARN, 'arn:aws:ssm:us-east-1:000000000000:parameter/ai-kirinuki/production/database-password');
    assert.equal(got.Parameter.DataType, 'text');
    assert.match(got.Parameter.LastModifiedDate, /^\d{4}-\d\d-\d\dT/);
    const hidden = (await ok('ssm', 'get-parameter', '--name', '/ai-kirinuki/production/database-password')).json<{ Parameter: Parameter }>();
    assert.notEqual(hidden.Parameter.Value, 'p@ss', 'without decryption: ciphertext, never the plaintext');
    assert.match(hidden.Parameter.Value, /^[A-Za-z0-9+/]+=*$/);
  });
});

describe('parameters, versions, labels, selectors', () => {
  test('overwrite, history, labels and name:version / name:label selectors', async () => {
    const name = '/e2e/app/db-password';
    await ok('ssm', 'put-parameter', '--name', name, '--value', 'p@ss', '--type', 'SecureString', '--description', 'db');
    await fails('ParameterAlreadyExists', 'ssm', 'put-parameter', '--name', name, '--value', 'x', '--type', 'SecureString');
    assert.equal((await ok('ssm', 'put-parameter', '--name', name, '--value', 'rotated-p@ss-2', '--overwrite')).json<{ Version: number }>().Version, 2);
    const labelled = await ok('ssm', 'label-parameter-version', '--name', name, '--parameter-version', '1', '--labels', 'stable', '9bad');
    assert.deepEqual(labelled.json(), { InvalidLabels: ['9bad'], ParameterVersion: 1 });
    const byLabel = (await ok('ssm', 'get-parameter', '--name', `${name}:stable`, '--with-decryption')).json<{ Parameter: Parameter }>().Parameter;
    assert.deepEqual([byLabel.Value, byLabel.Version, byLabel.Selector], ['p@ss', 1, ':stable']);
    const byVersion = (await ok('ssm', 'get-parameter', '--name', `${name}:2`, '--with-decryption')).json<{ Parameter: Parameter }>().Parameter;
    assert.deepEqual([byVersion.Value, byVersion.Selector], ['rotated-p@ss-2', ':2']);
    const byArn = (await ok('ssm', 'get-parameter', '--name', `arn:aws:ssm:us-east-1:000000000000:parameter${name}`)).json<{ Parameter: Parameter }>().Parameter;
    assert.equal(byArn.Name, name);
    await fails('ParameterVersionNotFound', 'ssm', 'get-parameter', '--name', `${name}:5`);
    const hist = (await ok('ssm', 'get-parameter-history', '--name', name, '--with-decryption')).json<{ Parameters: (Parameter & { Labels: string[]; Description?: string })[] }>();
    assert.deepEqual(hist.Parameters.map((p) => [p.Version, p.Value, p.Labels, p.Description]), [
      [1, 'p@ss', ['stable'], 'db'],
      [2, 'rotated-p@ss-2', [], 'db'],
    ]);
    const histHidden = (await ok('ssm', 'get-parameter-history', '--name', name)).json<{ Parameters: Parameter[] }>();
    assert.ok(histHidden.Parameters.every((p) => !SECRET_VALUES.includes(p.Value)));
    await ok('ssm', 'label-parameter-version', '--name', name, '--labels', 'stable');
    assert.equal((await ok('ssm', 'get-parameter', '--name', `${name}:stable`)).json<{ Parameter: Parameter }>().Parameter.Version, 2, 'a label moves');
    await ok('ssm', 'label-parameter-version', '--name', name, '--labels', ...Array.from({ length: 9 }, (_, i) => `l${i}`));
    await fails('ParameterVersionLabelLimitExceeded', 'ssm', 'label-parameter-version', '--name', name, '--labels', 'eleventh');
    const un = await ok('ssm', 'unlabel-parameter-version', '--name', name, '--parameter-version', '2', '--labels', 'stable', 'never');
    assert.deepEqual(un.json(), { RemovedLabels: ['stable'], InvalidLabels: ['never'] });
  });

  test('/name and name are one parameter; String and StringList; get-parameters reports unknown names', async () => {
    await ok('ssm', 'put-parameter', '--name', 'e2eTop', '--value', 'top', '--type', 'String');
    await fails('ParameterAlreadyExists', 'ssm', 'put-parameter', '--name', '/e2eTop', '--value', 'x', '--type', 'String');
    await ok('ssm', 'put-parameter', '--name', '/e2e/list', '--value', 'a,b,c', '--type', 'StringList');
    const r = (await ok('ssm', 'get-parameters', '--names', '/e2eTop', '/e2e/list', '/e2e/missing')).json<{ Parameters: Parameter[]; InvalidParameters: string[] }>();
    assert.deepEqual(r.Parameters.map((p) => [p.Name, p.Type, p.Value]), [['e2eTop', 'String', 'top'], ['/e2e/list', 'StringList', 'a,b,c']]);
    assert.deepEqual(r.InvalidParameters, ['/e2e/missing']);
  });

  test('get-parameters-by-path: one level, recursive, filters, NextToken', async () => {
    for (let i = 0; i < 12; i++) await ok('ssm', 'put-parameter', '--name', `/e2e/path/p${String(i).padStart(2, '0')}`, '--value', `v${i}`, '--type', 'String');
    await ok('ssm', 'put-parameter', '--name', '/e2e/path/deeper/q', '--value', 'q', '--type', 'SecureString');
    const oneLevel = (await ok('ssm', 'get-parameters-by-path', '--path', '/e2e/path')).json<{ Parameters: Parameter[] }>();
    assert.equal(oneLevel.Parameters.length, 12, 'the CLI follows NextToken across pages of 10');
    const recursive = (await ok('ssm', 'get-parameters-by-path', '--path', '/e2e/path', '--recursive', '--with-decryption')).json<{ Parameters: Parameter[] }>();
    assert.equal(recursive.Parameters.length, 13);
    assert.equal(recursive.Parameters.find((p) => p.Name === '/e2e/path/deeper/q')?.Value, 'q');
    const page = (await ok('ssm', 'get-parameters-by-path', '--path', '/e2e/path', '--max-results', '5', '--no-paginate')).json<{ Parameters: Parameter[]; NextToken?: string }>();
    assert.equal(page.Parameters.length, 5);
    assert.ok(page.NextToken);
    const input = JSON.stringify({ Path: '/e2e/path', MaxResults: 5, NextToken: page.NextToken });
    const next = (await ok('ssm', 'get-parameters-by-path', '--no-paginate', '--cli-input-json', input)).json<{ Parameters: Parameter[] }>();
    assert.equal(next.Parameters[0]?.Name, '/e2e/path/p05');
    const secure = (await ok('ssm', 'get-parameters-by-path', '--path', '/e2e', '--recursive', '--parameter-filters', 'Key=Type,Values=SecureString')).json<{ Parameters: Parameter[] }>();
    assert.ok(secure.Parameters.length >= 2 && secure.Parameters.every((p) => p.Type === 'SecureString'));
    await fails('ValidationException', 'ssm', 'get-parameters-by-path', '--path', '/e2e/path', '--max-results', '11');
    await fails('InvalidFilterKey', 'ssm', 'get-parameters-by-path', '--path', '/e2e', '--parameter-filters', 'Key=Name,Values=x');
    await fails('InvalidNextToken', 'ssm', 'get-parameters-by-path', '--no-paginate', '--cli-input-json', JSON.stringify({ Path: '/e2e', NextToken: 'bm90LWEtdG9rZW4' }));
    await fails('ValidationException', 'ssm', 'get-parameters-by-path', '--path', 'no-slash');
  });

  test('describe-parameters: metadata only, filters, tags', async () => {
    await ok('ssm', 'put-parameter', '--name', '/e2e/desc/a', '--value', 'A', '--type', 'String', '--tags', 'Key=team,Value=core', '--allowed-pattern', '^[A-Z]$', '--tier', 'Advanced');
    await ok('ssm', 'put-parameter', '--name', '/e2e/desc/b', '--value', 'sdk-secret-value-9f3c', '--type', 'SecureString', '--key-id', 'alias/custom');
    const all = (await ok('ssm', 'describe-parameters', '--parameter-filters', 'Key=Path,Values=/e2e/desc')).json<{ Parameters: Record<string, unknown>[] }>();
    assert.deepEqual(all.Parameters.map((p) => p.Name), ['/e2e/desc/a', '/e2e/desc/b']);
    assert.ok(all.Parameters.every((p) => !('Value' in p)));
    assert.equal(all.Parameters[0]?.AllowedPattern, '^[A-Z]$');
    assert.equal(all.Parameters[0]?.Tier, 'Advanced');
    assert.equal(all.Parameters[1]?.KeyId, 'alias/custom');
    const tagged = (await ok('ssm', 'describe-parameters', '--parameter-filters', 'Key=tag:team,Values=core')).json<{ Parameters: { Name: string }[] }>();
    assert.deepEqual(tagged.Parameters.map((p) => p.Name), ['/e2e/desc/a']);
    const legacy = (await ok('ssm', 'describe-parameters', '--filters', 'Key=Name,Values=/e2e/desc/b')).json<{ Parameters: { Name: string }[] }>();
    assert.deepEqual(legacy.Parameters.map((p) => p.Name), ['/e2e/desc/b']);
    await fails('InvalidFilterKey', 'ssm', 'describe-parameters', '--parameter-filters', 'Key=Label,Values=x');
    await fails('ParameterPatternMismatchException', 'ssm', 'put-parameter', '--name', '/e2e/desc/a', '--value', 'lower', '--overwrite');
    await fails('ValidationException', 'ssm', 'put-parameter', '--name', '/e2e/desc/a', '--value', 'B', '--overwrite', '--tier', 'Standard');
    await ok('ssm', 'add-tags-to-resource', '--resource-type', 'Parameter', '--resource-id', '/e2e/desc/b', '--tags', 'Key=env,Value=prod');
    const tags = (await ok('ssm', 'list-tags-for-resource', '--resource-type', 'Parameter', '--resource-id', '/e2e/desc/b')).json<{ TagList: unknown[] }>();
    assert.deepEqual(tags.TagList, [{ Key: 'env', Value: 'prod' }]);
    await ok('ssm', 'remove-tags-from-resource', '--resource-type', 'Parameter', '--resource-id', '/e2e/desc/b', '--tag-keys', 'env');
    assert.deepEqual((await ok('ssm', 'list-tags-for-resource', '--resource-type', 'Parameter', '--resource-id', '/e2e/desc/b')).json<{ TagList: unknown[] }>().TagList, []);
  });

  test('parameters are per region', async () => {
    await ok('ssm', 'put-parameter', '--name', '/e2e/regional', '--value', 'east', '--type', 'String');
    const west = await aws(nagare.endpoint, ['ssm', 'get-parameter', '--name', '/e2e/regional'], { region: 'eu-west-1' });
    assert.equal(west.code, 254);
    assert.match(west.stderr, /\(ParameterNotFound\)/);
    await awsOk(nagare.endpoint, ['ssm', 'put-parameter', '--name', '/e2e/regional', '--value', 'west', '--type', 'String'], { region: 'eu-west-1' });
    const got = (await awsOk(nagare.endpoint, ['ssm', 'get-parameter', '--name', '/e2e/regional'], { region: 'eu-west-1' })).json<{ Parameter: Parameter }>();
    assert.deepEqual([got.Parameter.Value, got.Parameter.ARN], ['west', 'arn:aws:ssm:eu-west-1:000000000000:parameter/e2e/regional']);
    assert.equal((await ok('ssm', 'get-parameter', '--name', '/e2e/regional')).json<{ Parameter: Parameter }>().Parameter.Value, 'east');
  });

  test('delete-parameter and delete-parameters', async () => {
    await ok('ssm', 'put-parameter', '--name', '/e2e/del/a', '--value', 'a', '--type', 'String');
    await ok('ssm', 'put-parameter', '--name', '/e2e/del/b', '--value', 'b', '--type', 'String');
    await ok('ssm', 'delete-parameter', '--name', '/e2e/del/a');
    await fails('ParameterNotFound', 'ssm', 'delete-parameter', '--name', '/e2e/del/a');
    const r = await ok('ssm', 'delete-parameters', '--names', '/e2e/del/a', '/e2e/del/b');
    assert.deepEqual(r.json(), { DeletedParameters: ['/e2e/del/b'], InvalidParameters: ['/e2e/del/a'] });
    await fails('ParameterNotFound', 'ssm', 'get-parameter', '--name', '/e2e/del/b');
  });
});

describe('errors with AWS codes', () => {
  const cases: [string, string[]][] = [
    ['ValidationException', ['ssm', 'put-parameter', '--name', 'awsReserved', '--value', 'x', '--type', 'String']],
    ['AccessDeniedException', ['ssm', 'put-parameter', '--name', '/aws/reserved', '--value', 'x', '--type', 'String']],
    ['ValidationException', ['ssm', 'put-parameter', '--name', 'no/leading/slash', '--value', 'x', '--type', 'String']],
    ['HierarchyLevelLimitExceededException', ['ssm', 'put-parameter', '--name', `/${Array.from({ length: 16 }, (_, i) => `l${i}`).join('/')}`, '--value', 'x', '--type', 'String']],
    ['ValidationException', ['ssm', 'put-parameter', '--name', '/e2e/err/t', '--value', 'x', '--type', 'String', '--overwrite', '--tags', 'Key=a,Value=b']],
    ['ValidationException', ['ssm', 'put-parameter', '--name', '/e2e/err/notype', '--value', 'x']],
    ['ValidationException', ['ssm', 'put-parameter', '--name', '/e2e/err/big', '--value', 'x'.repeat(4097), '--type', 'String']],
    ['ParameterNotFound', ['ssm', 'get-parameter', '--name', '/e2e/err/missing']],
    ['ParameterNotFound', ['ssm', 'get-parameter-history', '--name', '/e2e/err/missing']],
    ['ParameterNotFound', ['ssm', 'label-parameter-version', '--name', '/e2e/err/missing', '--labels', 'x']],
    ['InvalidResourceId', ['ssm', 'list-tags-for-resource', '--resource-type', 'Parameter', '--resource-id', '/e2e/err/missing']],
  ];
  for (const [code, args] of cases) {
    test(`${args.slice(1, 4).join(' ')} → ${code}`, async () => {
      await fails(code, ...args);
    });
  }

  test('ParameterNotFound has the empty message AWS sends', async () => {
    const r = await fails('ParameterNotFound', 'ssm', 'get-parameter', '--name', '/e2e/err/missing');
    assert.match(r.stderr, /when calling the GetParameter operation(?: \(reached max retries: \d+\))?: \s*$/);
  });

  test('an operation nagare does not implement is refused, not faked', async () => {
    const r = await aws(nagare.endpoint, ['ssm', 'list-documents']);
    assert.equal(r.code, 254);
    assert.match(r.stderr, /UnknownOperationException|not implement/);
  });
});

describe('AWS SDK v3 (@aws-sdk/client-ssm)', () => {
  let ssm: SSMClient;
  before(() => {
    ssm = new SSMClient({ endpoint: nagare.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  });
  after(() => ssm.destroy());

  test('typed round trip, typed errors, paginator', async () => {
    const put = await ssm.send(new PutParameterCommand({ Name: '/sdk/one', Value: 'sdk-secret-value-9f3c', Type: 'SecureString' }));
    assert.equal(put.Version, 1);
    await assert.rejects(ssm.send(new PutParameterCommand({ Name: '/sdk/one', Value: 'x', Type: 'SecureString' })), ParameterAlreadyExists);
    const got = await ssm.send(new GetParameterCommand({ Name: '/sdk/one', WithDecryption: true }));
    assert.equal(got.Parameter?.Value, 'sdk-secret-value-9f3c');
    assert.ok(got.Parameter?.LastModifiedDate instanceof Date);
    await assert.rejects(ssm.send(new GetParameterCommand({ Name: '/sdk/none' })), ParameterNotFound);
    await ssm.send(new LabelParameterVersionCommand({ Name: '/sdk/one', Labels: ['blue'] }));
    assert.equal((await ssm.send(new GetParameterCommand({ Name: '/sdk/one:blue' }))).Parameter?.Selector, ':blue');
    for (let i = 0; i < 23; i++) await ssm.send(new PutParameterCommand({ Name: `/sdk/many/p${i}`, Value: String(i), Type: 'String' }));
    const names: string[] = [];
    for await (const page of paginateGetParametersByPath({ client: ssm, pageSize: 10 }, { Path: '/sdk/many' })) names.push(...(page.Parameters ?? []).map((p) => p.Name ?? ''));
    assert.equal(names.length, 23);
    assert.equal(new Set(names).size, 23);
    const first = await ssm.send(new GetParametersByPathCommand({ Path: '/sdk/many', MaxResults: 10 }));
    assert.ok(first.NextToken);
  });
});

describe('durability and secrecy', () => {
  test('a put survives kill -9 and restart; the log never holds a SecureString value', async () => {
    await ok('ssm', 'put-parameter', '--name', '/e2e/durable', '--value', 'p@ss', '--type', 'SecureString');
    nagare = await nagare.restart();
    const got = (await ok('ssm', 'get-parameter', '--name', '/e2e/durable', '--with-decryption')).json<{ Parameter: Parameter }>();
    assert.equal(got.Parameter.Value, 'p@ss');
    assert.equal((await ok('ssm', 'get-parameter', '--name', '/ai-kirinuki/production/database-password', '--with-decryption')).json<{ Parameter: Parameter }>().Parameter.Value, 'p@ss');
    const log = await nagare.log();
    assert.ok(log.length > 0, 'the server logged something');
    for (const v of SECRET_VALUES) assert.equal(log.includes(v), false, `the log contains ${v}`);
  });
});
