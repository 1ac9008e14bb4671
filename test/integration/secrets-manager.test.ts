import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createCipher, secretsManager as sm, type SecretsDeps } from '../../src/secrets/index.js';
import { FakeClock, silentLogger } from '../../src/shared/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const DAY = 86_400_000;

async function withDeps(open: OpenTestDb, fn: (deps: SecretsDeps & { clock: FakeClock }) => Promise<void>, timeScale = 1): Promise<void> {
  const db = await open();
  try {
    await fn({ db, clock: new FakeClock(Date.UTC(2026, 0, 1), timeScale), cipher: createCipher(randomBytes(32)), logger: silentLogger });
  } finally {
    await db.dispose();
  }
}

const text = (v: sm.SecretValue): string => (v.kind === 'string' ? v.text : v.bytes.toString('utf8'));

forEachDatabase((open) => {
  test('create / get / put / update with AWSCURRENT and AWSPREVIOUS', async () => {
    await withDeps(open, async (deps) => {
      const created = await sm.createSecret(deps, scope, { name: 'prod/db', secretString: 's1', description: 'db' });
      assert.match(created.arn, /^arn:aws:secretsmanager:us-east-1:000000000000:secret:prod\/db-[A-Za-z0-9]{6}$/);
      const v1 = created.versionId as string;
      const got = await sm.getSecretValue(deps, scope, { secretId: 'prod/db' });
      assert.deepEqual([text(got.value), got.versionId, got.stages], ['s1', v1, ['AWSCURRENT']]);
      const put = await sm.putSecretValue(deps, scope, { secretId: created.arn, secretString: 's2' });
      assert.deepEqual(put.stages, ['AWSCURRENT']);
      assert.equal(text((await sm.getSecretValue(deps, scope, { secretId: 'prod/db', versionStage: 'AWSPREVIOUS' })).value), 's1');
      assert.equal(text((await sm.getSecretValue(deps, scope, { secretId: created.arn.slice(0, -7) })).value), 's2', 'partial ARN');
      const upd = await sm.updateSecret(deps, scope, { secretId: 'prod/db', secretBinary: Buffer.from([0, 1, 2]), description: 'new' });
      const bin = await sm.getSecretValue(deps, scope, { secretId: 'prod/db' });
      assert.equal(bin.versionId, upd.versionId);
      assert.deepEqual(bin.value, { kind: 'binary', bytes: Buffer.from([0, 1, 2]) });
      const d = await sm.describeSecret(deps, scope, 'prod/db');
      assert.equal(d.description, 'new');
      assert.deepEqual(d.versionIdsToStages, { [put.versionId]: ['AWSPREVIOUS'], [upd.versionId as string]: ['AWSCURRENT'] });
      assert.ok(d.lastAccessedAt && d.lastAccessedAt.getTime() % DAY === 0, 'LastAccessedDate is a day');
      assert.equal((await sm.getSecretValue(deps, scope, { secretId: 'prod/db', versionId: v1 })).stages.length, 0, 'old versions stay readable by id');
      await assert.rejects(sm.getSecretValue(deps, scope, { secretId: 'prod/db', versionId: randomUUID() }), { code: 'ResourceNotFoundException', message: /for VersionId: / });
      await assert.rejects(sm.getSecretValue(deps, scope, { secretId: 'prod/db', versionStage: 'NOPE' }), { message: "Secrets Manager can't find the specified secret value for staging label: NOPE" });
      await assert.rejects(sm.getSecretValue(deps, scope, { secretId: 'prod/db', versionId: v1, versionStage: 'AWSCURRENT' }), { code: 'InvalidRequestException' });
      await assert.rejects(sm.getSecretValue(deps, scope, { secretId: 'nope' }), { code: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
      await assert.rejects(sm.getSecretValue(deps, scope, { secretId: `${created.arn.slice(0, -6)}zzzzzz` }), { code: 'ResourceNotFoundException' });
    });
  });

  test('ClientRequestToken idempotency', async () => {
    await withDeps(open, async (deps) => {
      const token = randomUUID();
      const a = await sm.createSecret(deps, scope, { name: 'idem', token, secretString: 'v' });
      assert.equal(a.versionId, token);
      assert.deepEqual(await sm.createSecret(deps, scope, { name: 'idem', token, secretString: 'v' }), a, 'same token + value: same answer');
      await assert.rejects(sm.createSecret(deps, scope, { name: 'idem', token, secretString: 'other' }), { code: 'ResourceExistsException', message: /You can't use ClientRequestToken/ });
      await assert.rejects(sm.createSecret(deps, scope, { name: 'idem', token: randomUUID(), secretString: 'v' }), { code: 'ResourceExistsException', message: 'The operation failed because the secret idem already exists.' });
      const t2 = randomUUID();
      const p1 = await sm.putSecretValue(deps, scope, { secretId: 'idem', token: t2, secretString: 'w' });
      const p2 = await sm.putSecretValue(deps, scope, { secretId: 'idem', token: t2, secretString: 'w' });
      assert.deepEqual(p2, p1);
      assert.equal((await sm.listSecretVersionIds(deps, scope, { secretId: 'idem' })).versions.length, 2);
      await assert.rejects(sm.putSecretValue(deps, scope, { secretId: 'idem', token: t2, secretString: 'changed' }), { code: 'ResourceExistsException' });
      await assert.rejects(sm.putSecretValue(deps, scope, { secretId: 'idem' }), { code: 'InvalidRequestException', message: 'You must provide either SecretString or SecretBinary.' });
    });
  });

  test('a secret without a value, custom stages, stage moves', async () => {
    await withDeps(open, async (deps) => {
      const c = await sm.createSecret(deps, scope, { name: 'empty' });
      assert.equal(c.versionId, undefined);
      await assert.rejects(sm.getSecretValue(deps, scope, { secretId: 'empty' }), { message: /staging label: AWSCURRENT/ });
      const first = await sm.putSecretValue(deps, scope, { secretId: 'empty', secretString: 'a', versionStages: ['BLUE'] });
      assert.deepEqual(first.stages, ['AWSCURRENT', 'BLUE'], 'the first version always becomes AWSCURRENT');
      const pending = await sm.putSecretValue(deps, scope, { secretId: 'empty', secretString: 'b', versionStages: ['AWSPENDING'] });
      assert.equal(text((await sm.getSecretValue(deps, scope, { secretId: 'empty' })).value), 'a');
      await assert.rejects(sm.updateSecretVersionStage(deps, scope, { secretId: 'empty', versionStage: 'AWSCURRENT', moveToVersionId: pending.versionId }), { code: 'InvalidParameterException', message: /RemoveFromVersionId can't be empty/ });
      await sm.updateSecretVersionStage(deps, scope, { secretId: 'empty', versionStage: 'AWSCURRENT', moveToVersionId: pending.versionId, removeFromVersionId: first.versionId });
      const d = await sm.describeSecret(deps, scope, 'empty');
      assert.deepEqual(d.versionIdsToStages, { [first.versionId]: ['AWSPREVIOUS', 'BLUE'], [pending.versionId]: ['AWSCURRENT', 'AWSPENDING'] });
    });
  });

  test('delete with a recovery window, restore, force delete, purge after the window (time scale)', async () => {
    await withDeps(
      open,
      async (deps) => {
        await sm.createSecret(deps, scope, { name: 'gone', secretString: 'x' });
        await assert.rejects(sm.deleteSecret(deps, scope, { secretId: 'gone', recoveryWindowInDays: 7, forceDeleteWithoutRecovery: true }), {
          code: 'InvalidParameterException',
          message: "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
        });
        await assert.rejects(sm.deleteSecret(deps, scope, { secretId: 'gone', recoveryWindowInDays: 6 }), { code: 'InvalidParameterException' });
        const del = await sm.deleteSecret(deps, scope, { secretId: 'gone', recoveryWindowInDays: 7 });
        assert.equal(del.deletionDate.getTime() - deps.clock.now().getTime(), (7 * DAY) / 60, 'window in AWS time, deletion date in wall-clock time');
        await assert.rejects(sm.getSecretValue(deps, scope, { secretId: 'gone' }), { code: 'InvalidRequestException', message: "You can't perform this operation on the secret because it was marked for deletion." });
        await assert.rejects(sm.putSecretValue(deps, scope, { secretId: 'gone', secretString: 'y' }), { code: 'InvalidRequestException' });
        await assert.rejects(sm.createSecret(deps, scope, { name: 'gone', secretString: 'y' }), { message: "You can't create this secret because a secret with this name is already scheduled for deletion." });
        await assert.rejects(sm.deleteSecret(deps, scope, { secretId: 'gone' }), { code: 'InvalidRequestException' });
        assert.ok((await sm.describeSecret(deps, scope, 'gone')).deletedAt);
        assert.deepEqual((await sm.listSecrets(deps, scope, {})).secrets.map((s) => s.name), []);
        assert.deepEqual((await sm.listSecrets(deps, scope, { includePlannedDeletion: true })).secrets.map((s) => s.name), ['gone']);
        await sm.restoreSecret(deps, scope, 'gone');
        assert.equal(text((await sm.getSecretValue(deps, scope, { secretId: 'gone' })).value), 'x');
        await sm.deleteSecret(deps, scope, { secretId: 'gone', recoveryWindowInDays: 7 });
        deps.clock.advance((7 * DAY) / 60 - 1000);
        assert.ok(await sm.describeSecret(deps, scope, 'gone'), 'still recoverable just before the window ends');
        deps.clock.advance(1000);
        await assert.rejects(sm.describeSecret(deps, scope, 'gone'), { code: 'ResourceNotFoundException' });
        await sm.createSecret(deps, scope, { name: 'gone', secretString: 'reborn' });
        await sm.deleteSecret(deps, scope, { secretId: 'gone' });
        await sm.deleteSecret(deps, scope, { secretId: 'gone', forceDeleteWithoutRecovery: true });
        await assert.rejects(sm.restoreSecret(deps, scope, 'gone'), { code: 'ResourceNotFoundException' });
        await assert.rejects(sm.deleteSecret(deps, scope, { secretId: 'never', forceDeleteWithoutRecovery: true }), { code: 'ResourceNotFoundException' });
      },
      60,
    );
  });

  test('ListSecrets filters, sorting and pagination; tags', async () => {
    await withDeps(open, async (deps) => {
      for (let i = 0; i < 5; i++) {
        await sm.createSecret(deps, scope, { name: `app/s${i}`, secretString: 'v', description: i % 2 ? 'Odd secret' : 'Even secret', tags: [{ Key: 'idx', Value: String(i) }] });
        deps.clock.advance(1000);
      }
      await sm.tagSecret(deps, scope, 'app/s0', [{ Key: 'team', Value: 'core' }]);
      await sm.untagSecret(deps, scope, 'app/s0', ['idx']);
      assert.deepEqual((await sm.describeSecret(deps, scope, 'app/s0')).tags, [{ Key: 'team', Value: 'core' }]);
      const names = async (input: sm.ListSecretsInput): Promise<string[]> => (await sm.listSecrets(deps, scope, input)).secrets.map((s) => s.name);
      assert.deepEqual(await names({ filters: [{ Key: 'description', Values: ['odd'] }] }), ['app/s1', 'app/s3']);
      assert.deepEqual(await names({ filters: [{ Key: 'tag-key', Values: ['team'] }] }), ['app/s0']);
      assert.deepEqual(await names({ sortOrder: 'desc' }), ['app/s4', 'app/s3', 'app/s2', 'app/s1', 'app/s0']);
      const p1 = await sm.listSecrets(deps, scope, { maxResults: 2 });
      const p2 = await sm.listSecrets(deps, scope, { maxResults: 2, nextToken: p1.nextToken });
      const p3 = await sm.listSecrets(deps, scope, { maxResults: 2, nextToken: p2.nextToken });
      assert.deepEqual([...p1.secrets, ...p2.secrets, ...p3.secrets].map((s) => s.name), ['app/s0', 'app/s1', 'app/s2', 'app/s3', 'app/s4']);
      assert.equal(p3.nextToken, undefined);
      await assert.rejects(sm.listSecrets(deps, scope, { nextToken: 'junk' }), { code: 'InvalidNextTokenException' });
      const batch = await sm.batchGetSecretValue(deps, scope, { secretIds: ['app/s1', 'missing'] });
      assert.deepEqual(batch.values.map((v) => v.name), ['app/s1']);
      assert.equal(batch.errors[0]?.ErrorCode, 'ResourceNotFoundException');
    });
  });

  test('concurrent PutSecretValue: every version kept, one AWSCURRENT', async () => {
    await withDeps(open, async (deps) => {
      await sm.createSecret(deps, scope, { name: 'race', secretString: 'v0' });
      await Promise.all(Array.from({ length: 15 }, (_, i) => sm.putSecretValue(deps, scope, { secretId: 'race', secretString: `v${i + 1}` })));
      const versions = (await sm.listSecretVersionIds(deps, scope, { secretId: 'race', includeDeprecated: true })).versions;
      assert.equal(versions.length, 16);
      assert.equal(versions.filter((v) => v.stages.includes('AWSCURRENT')).length, 1);
      assert.equal(versions.filter((v) => v.stages.includes('AWSPREVIOUS')).length, 1);
    });
  });

  test('the database never holds a plaintext secret value', async () => {
    await withDeps(open, async (deps) => {
      const secret = `plain-${randomBytes(8).toString('hex')}`;
      await sm.createSecret(deps, scope, { name: 'scan', secretString: secret });
      await sm.putSecretValue(deps, scope, { secretId: 'scan', secretBinary: Buffer.from(secret) });
      for (const table of ['sm_secrets', 'sm_secret_versions', 'sm_secret_stages', 'sm_secret_tags']) {
        const r = await deps.db.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
        for (const { row } of r.rows) {
          assert.equal(row.includes(secret), false, `${table} holds the plaintext`);
          assert.equal(row.includes(Buffer.from(secret).toString('hex')), false, `${table} holds the plaintext as bytes`);
        }
      }
    });
  });
});
