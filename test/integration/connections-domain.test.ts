import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as connections from '../../src/connections/index.js';
import { FakeClock, silentLogger } from '../../src/shared/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };

async function withDeps(open: OpenTestDb, fn: (deps: connections.ConnectionsDeps, clock: FakeClock) => Promise<void>): Promise<void> {
  const db = await open();
  const clock = new FakeClock();
  try {
    await fn({ db, clock, logger: silentLogger }, clock);
  } finally {
    await db.dispose();
  }
}

/** The same connection under the other service prefix. */
const otherForm = (arn: string): string =>
  arn.startsWith('arn:aws:codestar-connections:') ? arn.replace(':codestar-connections:', ':codeconnections:') : arn.replace(':codeconnections:', ':codestar-connections:');

forEachDatabase((open) => {
  test('a connection keeps the ARN prefix it was created under; either form finds it', async () => {
    await withDeps(open, async (deps) => {
      const old = await connections.createConnection(deps, scope, 'codestar-connections', { name: 'old-conn', providerType: 'GitHub' });
      const neu = await connections.createConnection(deps, scope, 'codeconnections', { name: 'new-conn', providerType: 'GitLab' });
      assert.match(old.arn, /^arn:aws:codestar-connections:us-east-1:000000000000:connection\/[0-9a-f-]{36}$/);
      assert.match(neu.arn, /^arn:aws:codeconnections:us-east-1:000000000000:connection\/[0-9a-f-]{36}$/);
      for (const c of [old, neu]) {
        for (const arn of [c.arn, otherForm(c.arn)]) {
          assert.equal((await connections.getConnection(deps, scope, arn)).arn, c.arn);
          assert.deepEqual(await connections.findConnection(deps, arn), {
            arn: c.arn,
            name: c.name,
            providerType: c.providerType,
            status: 'AVAILABLE',
            ownerAccountId: '000000000000',
          });
        }
      }
      assert.equal(await connections.findConnection(deps, 'arn:aws:codeconnections:us-east-1:000000000000:connection/00000000-0000-0000-0000-000000000000'), undefined);
      assert.equal(await connections.findConnection(deps, 'not-an-arn'), undefined);
    });
  });

  test('names are unique per account and region; other scopes see nothing', async () => {
    await withDeps(open, async (deps) => {
      const c = await connections.createConnection(deps, scope, 'codeconnections', { name: 'dup', providerType: 'GitHub' });
      await assert.rejects(connections.createConnection(deps, scope, 'codestar-connections', { name: 'dup', providerType: 'Bitbucket' }), { code: 'ConnectionNameExists' });
      const west = { accountId: '000000000000', region: 'us-west-2' };
      await connections.createConnection(deps, west, 'codeconnections', { name: 'dup', providerType: 'GitHub' });
      await assert.rejects(connections.getConnection(deps, west, c.arn), { code: 'ConnectionNotFound' });
      await assert.rejects(connections.getConnection(deps, { accountId: '111111111111', region: 'us-east-1' }, c.arn), { code: 'ConnectionNotFound' });
      await assert.rejects(connections.deleteConnection(deps, west, c.arn), { code: 'ConnectionNotFound' });
      // findConnection looks in the scope the ARN names.
      assert.equal((await connections.findConnection(deps, c.arn))?.name, 'dup');
    });
  });

  test('create needs a provider type; host ARNs name nothing', async () => {
    await withDeps(open, async (deps) => {
      await assert.rejects(connections.createConnection(deps, scope, 'codeconnections', { name: 'x' }), { code: 'InvalidInput' });
      await assert.rejects(
        connections.createConnection(deps, scope, 'codeconnections', { name: 'x', hostArn: 'arn:aws:codeconnections:us-east-1:000000000000:host/h-1' }),
        { code: 'HostNotFound' },
      );
    });
  });

  test('list: creation order, provider filter, pages, host filter', async () => {
    await withDeps(open, async (deps, clock) => {
      const made: connections.Connection[] = [];
      for (let i = 0; i < 5; i++) {
        made.push(await connections.createConnection(deps, scope, 'codeconnections', { name: `c${i}`, providerType: i % 2 === 0 ? 'GitHub' : 'Bitbucket' }));
        clock.advance(1000);
      }
      const all = await connections.listConnections(deps, scope, {});
      assert.deepEqual(all.connections.map((c) => c.name), ['c0', 'c1', 'c2', 'c3', 'c4']);
      assert.equal(all.nextToken, undefined);
      const gh = await connections.listConnections(deps, scope, { providerType: 'GitHub' });
      assert.deepEqual(gh.connections.map((c) => c.name), ['c0', 'c2', 'c4']);

      const names: string[] = [];
      let token: string | undefined;
      do {
        const page = await connections.listConnections(deps, scope, { maxResults: 2, ...(token !== undefined ? { nextToken: token } : {}) });
        assert.ok(page.connections.length <= 2);
        names.push(...page.connections.map((c) => c.name));
        token = page.nextToken;
        if (names.length === 2) await connections.deleteConnection(deps, scope, made[0]!.arn); // a delete between pages shifts nothing
      } while (token !== undefined);
      assert.deepEqual(names, ['c0', 'c1', 'c2', 'c3', 'c4']);

      assert.deepEqual((await connections.listConnections(deps, scope, { hostArn: 'arn:aws:codestar-connections:us-east-1:000000000000:host/h-1' })).connections, []);
      await assert.rejects(connections.listConnections(deps, scope, { nextToken: 'bogus' }), { code: 'InvalidNextToken' });
    });
  });

  test('tags: create, add, replace, remove; limit', async () => {
    await withDeps(open, async (deps) => {
      const c = await connections.createConnection(deps, scope, 'codestar-connections', { name: 't', providerType: 'GitHub', tags: [{ Key: 'team', Value: 'a' }] });
      await connections.tagResource(deps, scope, otherForm(c.arn), [{ Key: 'env', Value: 'dev' }, { Key: 'team', Value: 'b' }]);
      assert.deepEqual(await connections.listTagsForResource(deps, scope, c.arn), [{ Key: 'team', Value: 'b' }, { Key: 'env', Value: 'dev' }]);
      await connections.untagResource(deps, scope, c.arn, ['team', 'missing']);
      assert.deepEqual(await connections.listTagsForResource(deps, scope, c.arn), [{ Key: 'env', Value: 'dev' }]);
      const many = Array.from({ length: connections.MAX_TAGS }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
      await assert.rejects(connections.tagResource(deps, scope, c.arn, many), { code: 'TagLimitExceeded' });
      assert.deepEqual(await connections.listTagsForResource(deps, scope, c.arn), [{ Key: 'env', Value: 'dev' }], 'a refused TagResource changes nothing');
      await assert.rejects(connections.tagResource(deps, scope, 'arn:aws:codeconnections:us-east-1:000000000000:host/h-1', []), { code: 'ConnectionNotFound' });
    });
  });

  test('delete: gone from both forms; a second delete is ResourceNotFound', async () => {
    await withDeps(open, async (deps) => {
      const c = await connections.createConnection(deps, scope, 'codeconnections', { name: 'gone', providerType: 'GitHub' });
      await connections.deleteConnection(deps, scope, otherForm(c.arn));
      await assert.rejects(connections.getConnection(deps, scope, c.arn), { code: 'ConnectionNotFound' });
      await assert.rejects(connections.deleteConnection(deps, scope, c.arn), { code: 'ConnectionNotFound' });
      assert.equal(await connections.findConnection(deps, c.arn), undefined);
      // The name is free again; the new connection gets a new ARN.
      const again = await connections.createConnection(deps, scope, 'codeconnections', { name: 'gone', providerType: 'GitHub' });
      assert.notEqual(again.arn, c.arn);
    });
  });

  test(`at most ${connections.MAX_CONNECTIONS} connections per account and region`, async () => {
    await withDeps(open, async (deps) => {
      for (let i = 0; i < connections.MAX_CONNECTIONS; i++) await connections.createConnection(deps, scope, 'codeconnections', { name: `n${i}`, providerType: 'GitHub' });
      await assert.rejects(connections.createConnection(deps, scope, 'codeconnections', { name: 'one-more', providerType: 'GitHub' }), { code: 'ConnectionLimitExceeded' });
      await connections.createConnection(deps, { ...scope, region: 'eu-west-1' }, 'codeconnections', { name: 'one-more', providerType: 'GitHub' });
    });
  });
});
