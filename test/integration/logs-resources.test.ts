import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as logs from '../../src/logs/index.js';
import { FakeClock, isAppError, silentLogger } from '../../src/shared/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';

/** Log groups and streams as resources: create rules, listings and their pagination, tags. */
const scope = { accountId: '000000000000', region: 'us-east-1' };
const T0 = Date.UTC(2026, 0, 1);
const code = (c: string, message?: RegExp) => (err: unknown): boolean => isAppError(err) && err.code === c && (message === undefined || message.test(err.message));

async function withDeps(open: OpenTestDb, fn: (deps: logs.LogsDeps, clock: FakeClock) => Promise<void>): Promise<void> {
  const db = await open();
  const clock = new FakeClock(T0);
  try {
    await fn({ db, clock, logger: silentLogger }, clock);
  } finally {
    await db.dispose();
  }
}

forEachDatabase((open) => {
  test('groups: create once, list in byte order with prefix, pattern and pagination; regions are separate', () =>
    withDeps(open, async (deps, clock) => {
      const names = ['/b/x', '/a/z', '/a/y', '/A/q', '/a/yy', 'plain'];
      for (const name of names) {
        await logs.createLogGroup(deps, scope, { name });
        clock.advance(1);
      }
      await assert.rejects(logs.createLogGroup(deps, scope, { name: '/a/z' }), code('LogGroupAlreadyExists', /^The specified log group already exists$/));
      await assert.rejects(logs.createLogGroup(deps, scope, { name: 'aws/reserved' }), code('InvalidParameter'));
      await logs.createLogGroup(deps, { ...scope, region: 'eu-west-1' }, { name: '/a/z' });

      const all: string[] = [];
      let token: string | undefined;
      do {
        const page = await logs.describeLogGroups(deps, scope, { limit: 4, nextToken: token });
        all.push(...page.groups.map((g) => g.name));
        token = page.nextToken;
      } while (token);
      assert.deepEqual(all, ['/A/q', '/a/y', '/a/yy', '/a/z', '/b/x', 'plain']);
      const byPrefix = await logs.describeLogGroups(deps, scope, { prefix: '/a/y' });
      assert.deepEqual(byPrefix.groups.map((g) => g.name), ['/a/y', '/a/yy']);
      const byPattern = await logs.describeLogGroups(deps, scope, { pattern: 'y' });
      assert.deepEqual(byPattern.groups.map((g) => g.name), ['/a/y', '/a/yy']);
      assert.equal(byPattern.brief, true);
      assert.equal((await logs.describeLogGroups(deps, scope, { prefix: '/a/z' })).groups[0]!.createdMs, T0 + 1);
      await assert.rejects(logs.describeLogGroups(deps, scope, { prefix: 'a', pattern: 'b' }), code('InvalidParameter', /mutually exclusive/));
      await assert.rejects(logs.describeLogGroups(deps, scope, { nextToken: 'garbage!' }), code('InvalidNextToken'));
      const listed = await logs.listLogGroups(deps, scope, { pattern: '^/a/y|plain' });
      assert.deepEqual(listed.groups.map((g) => g.name), ['/a/y', '/a/yy', 'plain']);
    }));

  test('streams: list by name or last event time, both directions, with pagination', () =>
    withDeps(open, async (deps) => {
      await logs.createLogGroup(deps, scope, { name: '/g' });
      for (const s of ['s3', 's1', 's2', 'other', 'idle']) await logs.createLogStream(deps, scope, '/g', s);
      await assert.rejects(logs.createLogStream(deps, scope, '/g', 's1'), code('LogStreamAlreadyExists', /^The specified log stream already exists$/));
      await assert.rejects(logs.createLogStream(deps, scope, '/nope', 's1'), code('LogGroupNotFound'));
      await logs.appendEvents(deps, scope, '/g', 's1', [{ timestamp: T0 + 30, message: 'x' }]);
      await logs.appendEvents(deps, scope, '/g', 's2', [{ timestamp: T0 + 10, message: 'x' }]);
      await logs.appendEvents(deps, scope, '/g', 's3', [{ timestamp: T0 + 20, message: 'x' }, { timestamp: T0 + 5, message: 'y' }]);
      await logs.appendEvents(deps, scope, '/g', 'other', [{ timestamp: T0 + 40, message: 'x' }]);

      const collect = async (input: Omit<logs.DescribeLogStreamsInput, 'group' | 'nextToken'>): Promise<string[]> => {
        const out: string[] = [];
        let token: string | undefined;
        do {
          const page = await logs.describeLogStreams(deps, scope, { group: '/g', limit: 2, ...input, nextToken: token });
          out.push(...page.streams.map((s) => s.name));
          token = page.nextToken;
        } while (token);
        return out;
      };
      assert.deepEqual(await collect({}), ['idle', 'other', 's1', 's2', 's3']);
      assert.deepEqual(await collect({ descending: true }), ['s3', 's2', 's1', 'other', 'idle']);
      assert.deepEqual(await collect({ prefix: 's' }), ['s1', 's2', 's3']);
      assert.deepEqual(await collect({ orderBy: 'LastEventTime' }), ['idle', 's2', 's3', 's1', 'other']);
      assert.deepEqual(await collect({ orderBy: 'LastEventTime', descending: true }), ['other', 's1', 's3', 's2', 'idle']);
      await assert.rejects(logs.describeLogStreams(deps, scope, { group: '/g', orderBy: 'LastEventTime', prefix: 's' }), code('InvalidParameter', /^Cannot order by LastEventTime with a logStreamNamePrefix\.$/));
      const token = (await logs.describeLogStreams(deps, scope, { group: '/g', limit: 1 })).nextToken!;
      await assert.rejects(logs.describeLogStreams(deps, scope, { group: '/g', orderBy: 'LastEventTime', nextToken: token }), code('InvalidNextToken'));

      const s3 = (await logs.describeLogStreams(deps, scope, { group: '/g', prefix: 's3' })).streams[0]!;
      assert.deepEqual([s3.firstEventMs, s3.lastEventMs, s3.lastIngestionMs], [T0 + 5, T0 + 20, T0]);
      const idle = (await logs.describeLogStreams(deps, scope, { group: '/g', prefix: 'idle' })).streams[0]!;
      assert.deepEqual([idle.firstEventMs, idle.lastEventMs, idle.lastIngestionMs, idle.lastSeq], [null, null, null, 0]);

      await logs.deleteLogStream(deps, scope, '/g', 'idle');
      await assert.rejects(logs.deleteLogStream(deps, scope, '/g', 'idle'), code('LogStreamNotFound'));
      await assert.rejects(logs.deleteLogStream(deps, scope, '/nope', 'idle'), code('LogGroupNotFound'));
    }));

  test('tags by name and by ARN; at most 50; deletion protection blocks DeleteLogGroup', () =>
    withDeps(open, async (deps) => {
      await logs.createLogGroup(deps, scope, { name: '/t', tags: { team: 'ci', env: 'dev' } });
      const arn = logs.groupArn(scope, '/t');
      assert.equal(logs.groupNameFromTaggingArn(scope, arn), '/t');
      assert.equal(logs.groupNameFromTaggingArn(scope, `${arn}:*`), '/t');
      await logs.tagLogGroup(deps, scope, '/t', { env: 'prod', owner: 'me' });
      await logs.untagLogGroup(deps, scope, '/t', ['team']);
      assert.deepEqual(await logs.listLogGroupTags(deps, scope, '/t'), { env: 'prod', owner: 'me' });
      const many = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
      await assert.rejects(logs.tagLogGroup(deps, scope, '/t', many), code('TooManyTags'));
      await assert.rejects(logs.listLogGroupTags(deps, scope, '/none'), code('LogGroupNotFound'));
      assert.throws(() => logs.groupNameFromTaggingArn(scope, 'arn:aws:logs:us-east-1:111111111111:log-group:/t'), code('LogGroupNotFound'));

      await logs.putDeletionProtection(deps, scope, arn, true);
      await assert.rejects(logs.deleteLogGroup(deps, scope, '/t'), code('DeletionProtected'));
      await logs.putDeletionProtection(deps, scope, '/t', false);
      await logs.deleteLogGroup(deps, scope, '/t');
      await assert.rejects(logs.deleteLogGroup(deps, scope, '/t'), code('LogGroupNotFound', /^The specified log group does not exist\.$/));
      await assert.rejects(logs.putRetentionPolicy(deps, scope, '/t', 1), code('LogGroupNotFound'));
      await logs.createLogGroup(deps, scope, { name: '/t' });
      assert.deepEqual(await logs.listLogGroupTags(deps, scope, '/t'), {}, 'a recreated group starts without the old tags');
      await assert.rejects(logs.putRetentionPolicy(deps, scope, '/t', 2), code('InvalidParameter', /enum value set: \[1, 3, 5/));
    }));
});
