import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidRequestException,
  ListSecretsCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { aws, awsOk, type CliResult } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';

/**
 * Secrets Manager through the real AWS CLI v2 and the JS SDK v3 against `nagare up`. The recovery
 * window test runs its own server with a time scale of 1,000,000, so 7 days pass in 0.6 s.
 */

const FAST_TIME_SCALE = 1_000_000;
let nagare: NagareHandle;
let work: string;
const SECRET_VALUES = ['{"username":"admin","password":"s3cr3t-Pa55"}', 'rotated-Pa55-77', 'binary-secret-bytes-42', 'sdk-only-secret-xyz'];

before(async () => {
  nagare = await startNagare();
  work = await mkdtemp(join(tmpdir(), 'nagare-sm-e2e-'));
});
after(async () => {
  await nagare?.stop();
  await rm(work, { recursive: true, force: true });
});

const ok = async (...args: string[]): Promise<CliResult> => awsOk(nagare.endpoint, args);
const fails = async (code: string, message: RegExp | undefined, ...args: string[]): Promise<CliResult> => {
  const r = await aws(nagare.endpoint, args);
  assert.equal(r.code, 254, `expected a service error for ${args.join(' ')}, got ${r.code}: ${r.stdout}${r.stderr}`);
  assert.match(r.stderr, new RegExp(`An error occurred \\(${code}\\) when calling`), r.stderr);
  if (message) assert.match(r.stderr, message);
  return r;
};

interface SecretValue {
  ARN: string;
  Name: string;
  VersionId: string;
  SecretString?: string;
  SecretBinary?: string;
  VersionStages: string[];
  CreatedDate: string;
}

describe('secrets through the AWS CLI', () => {
  test('create, get, put, update, describe', async () => {
    const created = (await ok('secretsmanager', 'create-secret', '--name', 'prod/app/db', '--secret-string', SECRET_VALUES[0] as string, '--description', 'app db', '--tags', 'Key=team,Value=core')).json<{ ARN: string; Name: string; VersionId: string }>();
    assert.match(created.ARN, /^arn:aws:secretsmanager:us-east-1:000000000000:secret:prod\/app\/db-[A-Za-z0-9]{6}$/);
    assert.equal(created.Name, 'prod/app/db');
    const got = (await ok('secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db')).json<SecretValue>();
    assert.deepEqual([got.SecretString, got.VersionId, got.VersionStages, got.ARN], [SECRET_VALUES[0], created.VersionId, ['AWSCURRENT'], created.ARN]);
    assert.match(got.CreatedDate, /^\d{4}-/);
    const put = (await ok('secretsmanager', 'put-secret-value', '--secret-id', created.ARN, '--secret-string', SECRET_VALUES[1] as string)).json<{ VersionId: string; VersionStages: string[] }>();
    assert.deepEqual(put.VersionStages, ['AWSCURRENT']);
    const previous = (await ok('secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db', '--version-stage', 'AWSPREVIOUS')).json<SecretValue>();
    assert.equal(previous.SecretString, SECRET_VALUES[0]);
    const byId = (await ok('secretsmanager', 'get-secret-value', '--secret-id', created.ARN.slice(0, -7), '--version-id', put.VersionId)).json<SecretValue>();
    assert.equal(byId.SecretString, SECRET_VALUES[1], 'partial ARN + version id');
    await ok('secretsmanager', 'update-secret', '--secret-id', 'prod/app/db', '--description', 'renamed');
    const d = (await ok('secretsmanager', 'describe-secret', '--secret-id', 'prod/app/db')).json<Record<string, unknown>>();
    assert.equal(d.Description, 'renamed');
    assert.deepEqual(d.VersionIdsToStages, { [created.VersionId]: ['AWSPREVIOUS'], [put.VersionId]: ['AWSCURRENT'] });
    assert.deepEqual(d.Tags, [{ Key: 'team', Value: 'core' }]);
    for (const k of ['CreatedDate', 'LastChangedDate', 'LastAccessedDate']) assert.match(String(d[k]), /^\d{4}-/, k);
    assert.equal('DeletedDate' in d, false);
    assert.equal('KmsKeyId' in d, false);
  });

  test('binary secrets round-trip through fileb://', async () => {
    const file = join(work, 'secret.bin');
    await writeFile(file, Buffer.from(SECRET_VALUES[2] as string));
    await ok('secretsmanager', 'create-secret', '--name', 'bin/secret', '--secret-binary', `fileb://${file}`);
    const got = (await ok('secretsmanager', 'get-secret-value', '--secret-id', 'bin/secret')).json<SecretValue>();
    assert.equal(Buffer.from(got.SecretBinary ?? '', 'base64').toString(), SECRET_VALUES[2]);
    assert.equal(got.SecretString, undefined);
  });

  test('ClientRequestToken idempotency', async () => {
    const token = randomUUID();
    const a = (await ok('secretsmanager', 'create-secret', '--name', 'idem/one', '--secret-string', 'v', '--client-request-token', token)).json();
    const b = (await ok('secretsmanager', 'create-secret', '--name', 'idem/one', '--secret-string', 'v', '--client-request-token', token)).json();
    assert.deepEqual(b, a);
    await fails('ResourceExistsException', /ClientRequestToken/, 'secretsmanager', 'create-secret', '--name', 'idem/one', '--secret-string', 'other', '--client-request-token', token);
    await fails('ResourceExistsException', /The operation failed because the secret idem\/one already exists\./, 'secretsmanager', 'create-secret', '--name', 'idem/one', '--secret-string', 'v');
    const t2 = randomUUID();
    const p1 = (await ok('secretsmanager', 'put-secret-value', '--secret-id', 'idem/one', '--secret-string', 'w', '--client-request-token', t2)).json();
    const p2 = (await ok('secretsmanager', 'put-secret-value', '--secret-id', 'idem/one', '--secret-string', 'w', '--client-request-token', t2)).json();
    assert.deepEqual(p2, p1);
    const versions = (await ok('secretsmanager', 'list-secret-version-ids', '--secret-id', 'idem/one')).json<{ Versions: { VersionId: string; VersionStages: string[] }[] }>();
    assert.deepEqual(versions.Versions.map((v) => v.VersionStages), [['AWSPREVIOUS'], ['AWSCURRENT']]);
  });

  test('list-secrets with filters, tags, pagination', async () => {
    for (const n of ['list/alpha', 'list/beta', 'list/gamma']) await ok('secretsmanager', 'create-secret', '--name', n, '--secret-string', 'v', '--description', `The ${n.split('/')[1]} secret`);
    await ok('secretsmanager', 'tag-resource', '--secret-id', 'list/beta', '--tags', 'Key=tier,Value=gold');
    const byName = (await ok('secretsmanager', 'list-secrets', '--filters', 'Key=name,Values=list/')).json<{ SecretList: { Name: string; SecretVersionsToStages: Record<string, string[]> }[] }>();
    assert.deepEqual(byName.SecretList.map((s) => s.Name), ['list/alpha', 'list/beta', 'list/gamma']);
    assert.ok(byName.SecretList.every((s) => Object.values(s.SecretVersionsToStages).some((st) => st.includes('AWSCURRENT'))));
    const byTag = (await ok('secretsmanager', 'list-secrets', '--filters', 'Key=tag-key,Values=tier')).json<{ SecretList: { Name: string }[] }>();
    assert.deepEqual(byTag.SecretList.map((s) => s.Name), ['list/beta']);
    const byDescription = (await ok('secretsmanager', 'list-secrets', '--filters', 'Key=description,Values=GAMMA')).json<{ SecretList: { Name: string }[] }>();
    assert.deepEqual(byDescription.SecretList.map((s) => s.Name), ['list/gamma']);
    const page = (await ok('secretsmanager', 'list-secrets', '--filters', 'Key=name,Values=list/', '--max-results', '2', '--no-paginate')).json<{ SecretList: unknown[]; NextToken?: string }>();
    assert.equal(page.SecretList.length, 2);
    assert.ok(page.NextToken);
    const paged = (await ok('secretsmanager', 'list-secrets', '--filters', 'Key=name,Values=list/', '--page-size', '1')).json<{ SecretList: unknown[] }>();
    assert.equal(paged.SecretList.length, 3, 'the CLI follows NextToken');
    await ok('secretsmanager', 'untag-resource', '--secret-id', 'list/beta', '--tag-keys', 'tier');
    assert.deepEqual((await ok('secretsmanager', 'list-secrets', '--filters', 'Key=tag-key,Values=tier')).json<{ SecretList: unknown[] }>().SecretList, []);
  });

  test('delete with a recovery window, restore, force delete, gone after the window', async () => {
    await ok('secretsmanager', 'create-secret', '--name', 'del/me', '--secret-string', 'v');
    await fails('InvalidParameterException', /can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays/, 'secretsmanager', 'delete-secret', '--secret-id', 'del/me', '--recovery-window-in-days', '7', '--force-delete-without-recovery');
    await fails('InvalidParameterException', /between 7 and 30 days/, 'secretsmanager', 'delete-secret', '--secret-id', 'del/me', '--recovery-window-in-days', '31');
    const del = (await ok('secretsmanager', 'delete-secret', '--secret-id', 'del/me')).json<{ DeletionDate: string; Name: string }>();
    assert.equal(del.Name, 'del/me');
    await fails('InvalidRequestException', /because it was marked for deletion/, 'secretsmanager', 'get-secret-value', '--secret-id', 'del/me');
    await fails('InvalidRequestException', /already scheduled for deletion/, 'secretsmanager', 'create-secret', '--name', 'del/me', '--secret-string', 'v');
    assert.ok((await ok('secretsmanager', 'describe-secret', '--secret-id', 'del/me')).json<{ DeletedDate?: string }>().DeletedDate);
    const listed = (await ok('secretsmanager', 'list-secrets', '--include-planned-deletion', '--filters', 'Key=name,Values=del/')).json<{ SecretList: { Name: string }[] }>();
    assert.deepEqual(listed.SecretList.map((s) => s.Name), ['del/me']);
    assert.deepEqual((await ok('secretsmanager', 'list-secrets', '--filters', 'Key=name,Values=del/')).json<{ SecretList: unknown[] }>().SecretList, []);
    await ok('secretsmanager', 'restore-secret', '--secret-id', 'del/me');
    assert.equal((await ok('secretsmanager', 'get-secret-value', '--secret-id', 'del/me')).json<SecretValue>().SecretString, 'v');
    await ok('secretsmanager', 'delete-secret', '--secret-id', 'del/me', '--force-delete-without-recovery');
    await fails('ResourceNotFoundException', undefined, 'secretsmanager', 'get-secret-value', '--secret-id', 'del/me');
    await ok('secretsmanager', 'create-secret', '--name', 'del/me', '--secret-string', 'again');
  });

  test('a deleted secret is gone for real once its window has passed (time scale 1,000,000)', async () => {
    const fast = await startNagare({ timeScale: FAST_TIME_SCALE });
    try {
      await awsOk(fast.endpoint, ['secretsmanager', 'create-secret', '--name', 'short/lived', '--secret-string', 'v']);
      const del = (await awsOk(fast.endpoint, ['secretsmanager', 'delete-secret', '--secret-id', 'short/lived', '--recovery-window-in-days', '7'])).json<{ DeletionDate: string }>();
      assert.ok(new Date(del.DeletionDate).getTime() - Date.now() < 5_000, `DeletionDate is the real moment: ${del.DeletionDate}`);
      await new Promise((r) => setTimeout(r, (7 * 86_400_000) / FAST_TIME_SCALE + 300));
      const gone = await aws(fast.endpoint, ['secretsmanager', 'describe-secret', '--secret-id', 'short/lived']);
      assert.equal(gone.code, 254);
      assert.match(gone.stderr, /\(ResourceNotFoundException\).*Secrets Manager can't find the specified secret\./);
      const listed = (await awsOk(fast.endpoint, ['secretsmanager', 'list-secrets', '--include-planned-deletion'])).json<{ SecretList: unknown[] }>();
      assert.deepEqual(listed.SecretList, []);
      await awsOk(fast.endpoint, ['secretsmanager', 'create-secret', '--name', 'short/lived', '--secret-string', 'again']);
    } finally {
      await fast.stop();
    }
  });

  test('errors with AWS codes and messages', async () => {
    await fails('ResourceNotFoundException', /Secrets Manager can't find the specified secret\./, 'secretsmanager', 'get-secret-value', '--secret-id', 'does/not/exist');
    await fails('ValidationException', /Invalid name\. Must be a valid name containing alphanumeric characters/, 'secretsmanager', 'create-secret', '--name', 'bad name', '--secret-string', 'v');
    await fails('ValidationException', /Invalid name/, 'secretsmanager', 'describe-secret', '--secret-id', 'bad*name');
    await fails('ResourceNotFoundException', /staging label: NOPE/, 'secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db', '--version-stage', 'NOPE');
    await fails('ResourceNotFoundException', /VersionId/, 'secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db', '--version-id', randomUUID());
    await fails('InvalidRequestException', /must provide either SecretString or SecretBinary/, 'secretsmanager', 'put-secret-value', '--secret-id', 'prod/app/db');
    await fails('InvalidParameterException', /both a binary secret value and a string secret value/, 'secretsmanager', 'create-secret', '--name', 'both', '--secret-string', 'v', '--secret-binary', 'dg==');
    const r = await aws(nagare.endpoint, ['secretsmanager', 'rotate-secret', '--secret-id', 'prod/app/db']);
    assert.equal(r.code, 254, 'rotation is not implemented and says so');
  });

  test('secrets are per region', async () => {
    const west = await aws(nagare.endpoint, ['secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db'], { region: 'eu-west-1' });
    assert.equal(west.code, 254);
    assert.match(west.stderr, /\(ResourceNotFoundException\)/);
    const c = (await awsOk(nagare.endpoint, ['secretsmanager', 'create-secret', '--name', 'prod/app/db', '--secret-string', 'west'], { region: 'eu-west-1' })).json<{ ARN: string }>();
    assert.match(c.ARN, /^arn:aws:secretsmanager:eu-west-1:/);
  });

  test('get-random-password', async () => {
    const p = (await ok('secretsmanager', 'get-random-password', '--password-length', '20', '--exclude-punctuation')).json<{ RandomPassword: string }>().RandomPassword;
    assert.match(p, /^[A-Za-z0-9]{20}$/);
  });
});

describe('AWS SDK v3 (@aws-sdk/client-secrets-manager)', () => {
  let sm: SecretsManagerClient;
  before(() => {
    sm = new SecretsManagerClient({ endpoint: nagare.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  });
  after(() => sm.destroy());

  test('typed round trip and typed errors', async () => {
    const c = await sm.send(new CreateSecretCommand({ Name: 'sdk/secret', SecretString: SECRET_VALUES[3] }));
    assert.ok(c.VersionId);
    await assert.rejects(sm.send(new CreateSecretCommand({ Name: 'sdk/secret', SecretString: 'x' })), ResourceExistsException);
    const v = await sm.send(new GetSecretValueCommand({ SecretId: c.ARN }));
    assert.equal(v.SecretString, SECRET_VALUES[3]);
    assert.ok(v.CreatedDate instanceof Date);
    const bin = await sm.send(new PutSecretValueCommand({ SecretId: 'sdk/secret', SecretBinary: new Uint8Array([1, 2, 3]) }));
    const got = await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/secret', VersionId: bin.VersionId }));
    assert.deepEqual([...(got.SecretBinary ?? [])], [1, 2, 3]);
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 'sdk/secret' }));
    assert.equal(Object.keys(d.VersionIdsToStages ?? {}).length, 2);
    const list = await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['sdk/'] }] }));
    assert.deepEqual(list.SecretList?.map((s) => s.Name), ['sdk/secret']);
    await sm.send(new DeleteSecretCommand({ SecretId: 'sdk/secret', RecoveryWindowInDays: 30 }));
    await assert.rejects(sm.send(new GetSecretValueCommand({ SecretId: 'sdk/secret' })), InvalidRequestException);
    await assert.rejects(sm.send(new GetSecretValueCommand({ SecretId: 'sdk/none' })), ResourceNotFoundException);
  });
});

describe('durability and secrecy', () => {
  test('secrets survive kill -9 and restart; the log never holds a secret value', async () => {
    await ok('secretsmanager', 'create-secret', '--name', 'durable/one', '--secret-string', SECRET_VALUES[1] as string);
    nagare = await nagare.restart();
    assert.equal((await ok('secretsmanager', 'get-secret-value', '--secret-id', 'durable/one')).json<SecretValue>().SecretString, SECRET_VALUES[1]);
    assert.equal((await ok('secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db', '--version-stage', 'AWSPREVIOUS')).json<SecretValue>().SecretString, SECRET_VALUES[0]);
    const log = await nagare.log();
    assert.ok(log.length > 0);
    for (const v of SECRET_VALUES) {
      assert.equal(log.includes(v), false, `the log contains ${v}`);
      assert.equal(log.includes(Buffer.from(v).toString('base64')), false, `the log contains base64 of ${v}`);
    }
  });
});
