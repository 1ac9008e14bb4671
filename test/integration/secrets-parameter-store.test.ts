import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createCipher, parameterStore as ps, type SecretsDeps } from '../../src/secrets/index.js';
import { FakeClock, silentLogger } from '../../src/shared/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const user = 'arn:aws:iam::000000000000:root';

async function withDeps(open: OpenTestDb, fn: (deps: SecretsDeps) => Promise<void>): Promise<void> {
  const db = await open();
  try {
    await fn({ db, clock: new FakeClock(), cipher: createCipher(randomBytes(32)), logger: silentLogger });
  } finally {
    await db.dispose();
  }
}

forEachDatabase((open) => {
  test('put / get / overwrite / versions / selectors', async () => {
    await withDeps(open, async (deps) => {
      assert.deepEqual(await ps.putParameter(deps, scope, { name: '/app/db/password', value: 'p@ss', type: 'SecureString', user }), { version: 1, tier: 'Standard' });
      await assert.rejects(ps.putParameter(deps, scope, { name: '/app/db/password', value: 'x', type: 'SecureString', user }), { code: 'ParameterAlreadyExists' });
      assert.equal((await ps.putParameter(deps, scope, { name: '/app/db/password', value: 'p@ss2', overwrite: true, user })).version, 2);
      const latest = await ps.getParameter(deps, scope, '/app/db/password', true);
      assert.equal(latest.value, 'p@ss2');
      assert.equal(latest.type, 'SecureString', 'Type kept on overwrite');
      assert.equal(latest.arn, 'arn:aws:ssm:us-east-1:000000000000:parameter/app/db/password');
      const hidden = await ps.getParameter(deps, scope, '/app/db/password', false);
      assert.notEqual(hidden.value, 'p@ss2');
      assert.equal(Buffer.from(hidden.value, 'base64')[0], 1, 'the base64 ciphertext envelope');
      const v1 = await ps.getParameter(deps, scope, '/app/db/password:1', true);
      assert.equal(v1.value, 'p@ss');
      assert.equal(v1.selector, ':1');
      await assert.rejects(ps.getParameter(deps, scope, '/app/db/password:9', true), { code: 'ParameterVersionNotFound', message: /could not find version 9 of \/app\/db\/password/ });
      await assert.rejects(ps.getParameter(deps, scope, '/nope', true), { code: 'ParameterNotFound' });
      await assert.rejects(ps.putParameter(deps, scope, { name: '/app/db/password', value: 'x', type: 'String', overwrite: true, user }), { code: 'HierarchyTypeMismatchException' });
      await assert.rejects(ps.putParameter(deps, scope, { name: '/new', value: 'x', user }), { code: 'ValidationException', message: 'A parameter type is required when you create a parameter.' });
    });
  });

  test('/a and a are the same parameter; ARN reads work', async () => {
    await withDeps(open, async (deps) => {
      await ps.putParameter(deps, scope, { name: '/TestParam1', value: 'one', type: 'String', user });
      await assert.rejects(ps.putParameter(deps, scope, { name: 'TestParam1', value: 'two', type: 'String', user }), { code: 'ParameterAlreadyExists' });
      assert.equal((await ps.getParameter(deps, scope, 'TestParam1', false)).value, 'one');
      assert.equal((await ps.getParameter(deps, scope, 'arn:aws:ssm:us-east-1:000000000000:parameter/TestParam1', false)).name, '/TestParam1');
      const other = { accountId: '111111111111', region: 'us-east-1' };
      await assert.rejects(ps.getParameter(deps, other, 'TestParam1', false), { code: 'ParameterNotFound' }, 'scoped per account');
    });
  });

  test('labels move between versions, 10 per version, and select versions', async () => {
    await withDeps(open, async (deps) => {
      for (let i = 0; i < 3; i++) await ps.putParameter(deps, scope, { name: '/l', value: `v${i + 1}`, type: 'String', overwrite: i > 0, user });
      assert.deepEqual(await ps.labelParameterVersion(deps, scope, { name: '/l', version: 1, labels: ['prod', '1bad', 'awsX'] }), { invalidLabels: ['1bad', 'awsX'], version: 1 });
      assert.equal((await ps.getParameter(deps, scope, '/l:prod', false)).value, 'v1');
      await ps.labelParameterVersion(deps, scope, { name: '/l', labels: ['prod'] });
      const moved = await ps.getParameter(deps, scope, '/l:prod', false);
      assert.equal(moved.value, 'v3');
      assert.equal(moved.selector, ':prod');
      const labels = Array.from({ length: 9 }, (_, i) => `l${i}`);
      await ps.labelParameterVersion(deps, scope, { name: '/l', labels });
      await assert.rejects(ps.labelParameterVersion(deps, scope, { name: '/l', labels: ['eleventh'] }), { code: 'ParameterVersionLabelLimitExceeded' });
      await assert.rejects(ps.labelParameterVersion(deps, scope, { name: '/l', version: 7, labels: ['x'] }), { code: 'ParameterVersionNotFound' });
      const history = await ps.getParameterHistory(deps, scope, { name: '/l' });
      assert.deepEqual(history.versions.map((v) => v.labels.length), [0, 0, 10]);
      assert.deepEqual(await ps.unlabelParameterVersion(deps, scope, { name: '/l', version: 3, labels: ['prod', 'absent'] }), { removedLabels: ['prod'], invalidLabels: ['absent'] });
    });
  });

  test('100 versions are kept; a labelled oldest version blocks the 101st', async () => {
    await withDeps(open, async (deps) => {
      for (let i = 1; i <= 100; i++) await ps.putParameter(deps, scope, { name: 'cap', value: `v${i}`, type: 'String', overwrite: true, user });
      await ps.labelParameterVersion(deps, scope, { name: 'cap', version: 1, labels: ['keep'] });
      await assert.rejects(ps.putParameter(deps, scope, { name: 'cap', value: 'v101', overwrite: true, user }), {
        code: 'ParameterMaxVersionLimitExceeded',
        message: /Version 1, the oldest version, can't be deleted because it has a label/,
      });
      await ps.unlabelParameterVersion(deps, scope, { name: 'cap', version: 1, labels: ['keep'] });
      assert.equal((await ps.putParameter(deps, scope, { name: 'cap', value: 'v101', overwrite: true, user })).version, 101);
      const first = await ps.getParameterHistory(deps, scope, { name: 'cap', maxResults: 50 });
      assert.equal(first.versions[0]?.version, 2);
      const rest = await ps.getParameterHistory(deps, scope, { name: 'cap', maxResults: 50, nextToken: first.nextToken });
      assert.equal(rest.versions.at(-1)?.version, 101);
      assert.equal(rest.nextToken, undefined);
      await assert.rejects(ps.getParameter(deps, scope, 'cap:1', false), { code: 'ParameterVersionNotFound' });
    });
  });

  test('GetParametersByPath: levels, recursion, filters, pagination', async () => {
    await withDeps(open, async (deps) => {
      const names = ['/a/x', '/a/y', '/a/b/z', '/ab/x', '/a', 'a2', ...Array.from({ length: 12 }, (_, i) => `/p/n${String(i).padStart(2, '0')}`)];
      for (const name of names) await ps.putParameter(deps, scope, { name, value: name, type: name.endsWith('y') ? 'SecureString' : 'String', user });
      const names1 = async (path: string, recursive = false): Promise<string[]> =>
        (await ps.getParametersByPath(deps, scope, { path, recursive })).parameters.map((p) => p.name);
      assert.deepEqual(await names1('/a'), ['/a/x', '/a/y']);
      assert.deepEqual(await names1('/a/', true), ['/a/b/z', '/a/x', '/a/y']);
      assert.deepEqual(await names1('/nothing'), []);
      const secure = await ps.getParametersByPath(deps, scope, { path: '/a', recursive: true, filters: [{ Key: 'Type', Values: ['SecureString'] }], withDecryption: true });
      assert.deepEqual(secure.parameters.map((p) => [p.name, p.value]), [['/a/y', '/a/y']]);
      const page1 = await ps.getParametersByPath(deps, scope, { path: '/p' });
      assert.equal(page1.parameters.length, 10);
      assert.ok(page1.nextToken);
      const page2 = await ps.getParametersByPath(deps, scope, { path: '/p', nextToken: page1.nextToken });
      assert.deepEqual(page2.parameters.map((p) => p.name), ['/p/n10', '/p/n11']);
      assert.equal(page2.nextToken, undefined);
      const root = await ps.getParametersByPath(deps, scope, { path: '/', recursive: true, maxResults: 10 });
      assert.ok(!root.parameters.some((p) => p.name === 'a2'), 'names without a slash are in no hierarchy');
      await ps.labelParameterVersion(deps, scope, { name: '/a/x', labels: ['live'] });
      await ps.putParameter(deps, scope, { name: '/a/x', value: 'newer', overwrite: true, user });
      const labelled = await ps.getParametersByPath(deps, scope, { path: '/a', filters: [{ Key: 'Label', Values: ['live'] }] });
      assert.deepEqual(labelled.parameters.map((p) => [p.name, p.value]), [['/a/x', '/a/x']]);
      await assert.rejects(ps.getParametersByPath(deps, scope, { path: 'a' }), { code: 'ValidationException' });
      await assert.rejects(ps.getParametersByPath(deps, scope, { path: '/a', nextToken: 'garbage' }), { code: 'InvalidNextToken' });
    });
  });

  test('DescribeParameters filters, tags and pagination; GetParameters and DeleteParameters', async () => {
    await withDeps(open, async (deps) => {
      await ps.putParameter(deps, scope, { name: '/d/one', value: '1', type: 'String', description: 'first', tags: [{ Key: 'team', Value: 'core' }], user });
      await ps.putParameter(deps, scope, { name: '/d/two', value: '2', type: 'SecureString', keyId: 'alias/custom', user });
      await ps.putParameter(deps, scope, { name: '/d/three', value: '3', type: 'StringList', tier: 'Advanced', user });
      const all = await ps.describeParameters(deps, scope, {});
      assert.deepEqual(all.parameters.map((p) => p.name), ['/d/one', '/d/three', '/d/two']);
      assert.equal(all.parameters[0]?.description, 'first');
      assert.equal(all.parameters[2]?.keyId, 'alias/custom');
      const byTag = await ps.describeParameters(deps, scope, { parameterFilters: [{ Key: 'tag:team', Values: ['core'] }] });
      assert.deepEqual(byTag.parameters.map((p) => p.name), ['/d/one']);
      const byTier = await ps.describeParameters(deps, scope, { parameterFilters: [{ Key: 'Tier', Values: ['Advanced'] }] });
      assert.deepEqual(byTier.parameters.map((p) => p.name), ['/d/three']);
      const legacy = await ps.describeParameters(deps, scope, { filters: [{ Key: 'Type', Values: ['SecureString'] }] });
      assert.deepEqual(legacy.parameters.map((p) => p.name), ['/d/two']);
      const p1 = await ps.describeParameters(deps, scope, { maxResults: 2 });
      const p2 = await ps.describeParameters(deps, scope, { maxResults: 2, nextToken: p1.nextToken });
      assert.deepEqual([...p1.parameters, ...p2.parameters].map((p) => p.name), ['/d/one', '/d/three', '/d/two']);
      await assert.rejects(ps.describeParameters(deps, scope, { filters: [{ Key: 'Name', Values: ['x'] }], parameterFilters: [{ Key: 'Type', Values: ['String'] }] }), { code: 'ValidationException' });
      const got = await ps.getParameters(deps, scope, ['/d/one', '/d/missing', '/d/two:7', '/d/one'], false);
      assert.deepEqual(got.parameters.map((p) => p.name), ['/d/one']);
      assert.deepEqual(got.invalid, ['/d/missing', '/d/two:7']);
      assert.deepEqual(await ps.listParameterTags(deps, scope, 'Parameter', '/d/one'), [{ Key: 'team', Value: 'core' }]);
      await ps.addParameterTags(deps, scope, 'Parameter', '/d/one', [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'infra' }]);
      await ps.removeParameterTags(deps, scope, 'Parameter', '/d/one', ['env']);
      assert.deepEqual(await ps.listParameterTags(deps, scope, 'Parameter', '/d/one'), [{ Key: 'team', Value: 'infra' }]);
      await assert.rejects(ps.listParameterTags(deps, scope, 'Document', '/d/one'), { code: 'InvalidResourceId' });
      assert.deepEqual(await ps.deleteParameters(deps, scope, ['/d/one', '/d/nope']), { deleted: ['/d/one'], invalid: ['/d/nope'] });
      await ps.deleteParameter(deps, scope, '/d/two');
      await assert.rejects(ps.deleteParameter(deps, scope, '/d/two'), { code: 'ParameterNotFound' });
      assert.equal((await ps.putParameter(deps, scope, { name: '/d/two', value: 'again', type: 'String', user })).version, 1, 'versions restart after delete');
    });
  });

  test('concurrent PutParameter on one name: versions 1..20, no gaps, no duplicates', async () => {
    await withDeps(open, async (deps) => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => ps.putParameter(deps, scope, { name: '/race/p', value: `value-${i}`, type: 'SecureString', overwrite: true, user })),
      );
      assert.deepEqual(results.map((r) => r.version).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
      const history = await ps.getParameterHistory(deps, scope, { name: '/race/p', withDecryption: true });
      assert.deepEqual(history.versions.map((v) => v.version), Array.from({ length: 20 }, (_, i) => i + 1));
      assert.deepEqual(new Set(history.versions.map((v) => v.value)).size, 20);
    });
  });

  test('concurrent creates without Overwrite: exactly one wins', async () => {
    await withDeps(open, async (deps) => {
      const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => ps.putParameter(deps, scope, { name: '/race/create', value: 'x', type: 'String', user })));
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
      for (const o of outcomes) if (o.status === 'rejected') assert.equal((o.reason as { code?: string }).code, 'ParameterAlreadyExists');
    });
  });

  test('the database never holds a plaintext SecureString', async () => {
    await withDeps(open, async (deps) => {
      const secret = `plain-${randomBytes(8).toString('hex')}`;
      await ps.putParameter(deps, scope, { name: '/scan/s', value: secret, type: 'SecureString', user });
      await ps.putParameter(deps, scope, { name: '/scan/s', value: `${secret}-2`, overwrite: true, user });
      await ps.labelParameterVersion(deps, scope, { name: '/scan/s', labels: ['x'] });
      for (const table of ['ssm_parameters', 'ssm_parameter_versions', 'ssm_parameter_labels', 'ssm_parameter_tags']) {
        const r = await deps.db.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
        for (const { row } of r.rows) {
          assert.equal(row.includes(secret), false, `${table} holds the plaintext`);
          assert.equal(row.includes(Buffer.from(secret).toString('hex')), false, `${table} holds the plaintext as bytes`);
        }
      }
    });
  });
});
