import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { aws, awsOk } from '../support/aws-cli.js';
import { errorMessageOf, errorType, jsonCall } from '../support/signed-request.js';
import { startLogsServer, type LogsServer } from '../support/logs-harness.js';

/**
 * CloudWatch Logs driven by the real AWS CLI v2 over HTTP: resources, events, pagination, JSON
 * shapes (epoch-millisecond times) and AWS's error codes and texts.
 */
let srv: LogsServer;
let endpoint = '';

before(async () => {
  srv = await startLogsServer();
  endpoint = srv.endpoint;
});
after(async () => srv?.close());

interface Group { logGroupName: string; creationTime: number; arn: string; storedBytes: number; metricFilterCount: number; retentionInDays?: number }
interface Stream { logStreamName: string; creationTime: number; firstEventTimestamp?: number; lastEventTimestamp?: number; lastIngestionTime?: number; uploadSequenceToken?: string; arn: string; storedBytes: number }
interface Page { events: Array<{ timestamp: number; message: string; ingestionTime: number }>; nextForwardToken: string; nextBackwardToken: string }
interface Filtered { events: Array<{ logStreamName: string; timestamp: number; message: string; ingestionTime: number; eventId: string }>; searchedLogStreams: unknown[]; nextToken?: string }

const put = (group: string, stream: string, events: Array<{ timestamp: number; message: string }>) =>
  aws(endpoint, ['logs', 'put-log-events', '--log-group-name', group, '--log-stream-name', stream, '--log-events', JSON.stringify(events)]);

/** The CLI's error line: "An error occurred (<code>) when calling the <Op> operation[ (reached max retries: 0)]: <message>". */
function assertAwsError(r: { code: number; stderr: string }, code: string, operation: string, message: string): void {
  assert.equal(r.code, 254, r.stderr);
  const line = r.stderr.split('\n').find((l) => l.startsWith('An error occurred')) ?? '';
  assert.ok(line.startsWith(`An error occurred (${code}) when calling the ${operation} operation`), r.stderr);
  assert.equal(line.replace(/^An error occurred \(\w+\) when calling the \w+ operation( \(reached max retries: \d+\))?: /, ''), message, r.stderr);
}

describe('log groups', { concurrency: true }, () => {
  test('create once; the second create is ResourceAlreadyExistsException', async () => {
    await awsOk(endpoint, ['logs', 'create-log-group', '--log-group-name', '/e2e/dup', '--tags', 'team=ci']);
    assertAwsError(await aws(endpoint, ['logs', 'create-log-group', '--log-group-name', '/e2e/dup']), 'ResourceAlreadyExistsException', 'CreateLogGroup', 'The specified log group already exists');
    const reserved = await aws(endpoint, ['logs', 'create-log-group', '--log-group-name', 'aws/mine']);
    assert.match(reserved.stderr, /InvalidParameterException/);
    const badName = await aws(endpoint, ['logs', 'create-log-group', '--log-group-name', 'has space']);
    assert.equal(badName.code, 254);
    assert.match(badName.stderr, /failed to satisfy constraint: Member must satisfy regular expression pattern/);
  });

  test('describe-log-groups: AWS shape, epoch-millisecond creationTime, retention, storedBytes', async () => {
    const before = Date.now();
    await awsOk(endpoint, ['logs', 'create-log-group', '--log-group-name', '/e2e/shape']);
    const afterCreate = Date.now();
    await awsOk(endpoint, ['logs', 'put-retention-policy', '--log-group-name', '/e2e/shape', '--retention-in-days', '7']);
    await awsOk(endpoint, ['logs', 'create-log-stream', '--log-group-name', '/e2e/shape', '--log-stream-name', 's']);
    await awsOk(endpoint, ['logs', 'put-log-events', '--log-group-name', '/e2e/shape', '--log-stream-name', 's', '--log-events', JSON.stringify([{ timestamp: Date.now(), message: 'twelve bytes' }])]);
    const out = (await awsOk(endpoint, ['logs', 'describe-log-groups', '--log-group-name-prefix', '/e2e/shape'])).json<{ logGroups: Group[] }>();
    assert.equal(out.logGroups.length, 1);
    const g = out.logGroups[0]!;
    assert.deepEqual(Object.keys(g).sort(), ['arn', 'creationTime', 'logGroupName', 'metricFilterCount', 'retentionInDays', 'storedBytes']);
    assert.ok(Number.isInteger(g.creationTime) && g.creationTime >= before && g.creationTime <= afterCreate, `creationTime ${g.creationTime} is epoch ms`);
    assert.equal(g.arn, 'arn:aws:logs:us-east-1:000000000000:log-group:/e2e/shape:*');
    assert.equal(g.retentionInDays, 7);
    assert.equal(g.storedBytes, 12);
    assert.equal(g.metricFilterCount, 0);

    // Members newer than this CLI's model, checked on the wire.
    const raw = await jsonCall(endpoint, 'Logs_20140328.DescribeLogGroups', { logGroupNamePrefix: '/e2e/shape' }, { service: 'logs' });
    const wire = raw.json<{ logGroups: Array<Record<string, unknown>> }>().logGroups[0]!;
    assert.equal(wire.logGroupArn, 'arn:aws:logs:us-east-1:000000000000:log-group:/e2e/shape');
    assert.equal(wire.logGroupClass, 'STANDARD');

    await awsOk(endpoint, ['logs', 'delete-retention-policy', '--log-group-name', '/e2e/shape']);
    const cleared = (await awsOk(endpoint, ['logs', 'describe-log-groups', '--log-group-name-prefix', '/e2e/shape'])).json<{ logGroups: Group[] }>();
    assert.equal(cleared.logGroups[0]!.retentionInDays, undefined);
  });

  test('the CLI pages describe-log-groups through nextToken', async () => {
    for (let i = 0; i < 7; i++) await awsOk(endpoint, ['logs', 'create-log-group', '--log-group-name', `/e2e/page/${String(i).padStart(2, '0')}`]);
    const all = (await awsOk(endpoint, ['logs', 'describe-log-groups', '--log-group-name-prefix', '/e2e/page/', '--page-size', '2'])).json<{ logGroups: Group[] }>();
    assert.deepEqual(all.logGroups.map((g) => g.logGroupName), ['00', '01', '02', '03', '04', '05', '06'].map((n) => `/e2e/page/${n}`));
    const first = (await awsOk(endpoint, ['logs', 'describe-log-groups', '--log-group-name-prefix', '/e2e/page/', '--max-items', '3'])).json<{ logGroups: Group[]; NextToken?: string }>();
    assert.equal(first.logGroups.length, 3);
    assert.ok(first.NextToken);
    const pattern = (await awsOk(endpoint, ['logs', 'describe-log-groups', '--log-group-name-pattern', 'page/0'])).json<{ logGroups: Group[] }>();
    assert.equal(pattern.logGroups.length, 7);
    assert.deepEqual(Object.keys(pattern.logGroups[0]!).sort(), ['arn', 'creationTime', 'logGroupName']);
  });

  test('tags by ARN; delete-log-group', async () => {
    await awsOk(endpoint, ['logs', 'create-log-group', '--log-group-name', '/e2e/tags', '--tags', 'a=1,b=2']);
    const arn = 'arn:aws:logs:us-east-1:000000000000:log-group:/e2e/tags';
    await awsOk(endpoint, ['logs', 'tag-resource', '--resource-arn', arn, '--tags', 'c=3']);
    await awsOk(endpoint, ['logs', 'untag-resource', '--resource-arn', arn, '--tag-keys', 'a']);
    const tags = (await awsOk(endpoint, ['logs', 'list-tags-for-resource', '--resource-arn', arn])).json<{ tags: Record<string, string> }>();
    assert.deepEqual(tags.tags, { b: '2', c: '3' });
    const legacy = await jsonCall(endpoint, 'Logs_20140328.ListTagsLogGroup', { logGroupName: '/e2e/tags' }, { service: 'logs' });
    assert.deepEqual(legacy.json(), { tags: { b: '2', c: '3' } });
    await awsOk(endpoint, ['logs', 'delete-log-group', '--log-group-name', '/e2e/tags']);
    assertAwsError(await aws(endpoint, ['logs', 'delete-log-group', '--log-group-name', '/e2e/tags']), 'ResourceNotFoundException', 'DeleteLogGroup', 'The specified log group does not exist.');
    assertAwsError(await aws(endpoint, ['logs', 'list-tags-for-resource', '--resource-arn', arn]), 'ResourceNotFoundException', 'ListTagsForResource', 'The specified log group does not exist.');
  });
});

describe('streams and events', () => {
  const group = '/e2e/events';
  const t = Date.now() - 10_000;
  before(async () => {
    await awsOk(endpoint, ['logs', 'create-log-group', '--log-group-name', group]);
    await awsOk(endpoint, ['logs', 'create-log-stream', '--log-group-name', group, '--log-stream-name', 'app']);
  });

  test('put-log-events, then describe-log-streams in AWS shape', async () => {
    const events = Array.from({ length: 5 }, (_, i) => ({ timestamp: t + i, message: `event ${i}` }));
    const r = (await put(group, 'app', events)).json<{ nextSequenceToken: string; rejectedLogEventsInfo?: unknown }>();
    assert.match(r.nextSequenceToken, /^\d{56}$/);
    assert.equal(r.rejectedLogEventsInfo, undefined);
    const streams = (await awsOk(endpoint, ['logs', 'describe-log-streams', '--log-group-name', group])).json<{ logStreams: Stream[] }>();
    const s = streams.logStreams[0]!;
    assert.deepEqual(Object.keys(s).sort(), ['arn', 'creationTime', 'firstEventTimestamp', 'lastEventTimestamp', 'lastIngestionTime', 'logStreamName', 'storedBytes', 'uploadSequenceToken']);
    assert.equal(s.firstEventTimestamp, t);
    assert.equal(s.lastEventTimestamp, t + 4);
    assert.ok(s.lastIngestionTime! >= t && s.lastIngestionTime! <= Date.now(), 'lastIngestionTime is epoch ms');
    assert.equal(s.uploadSequenceToken, r.nextSequenceToken);
    assert.equal(s.arn, `arn:aws:logs:us-east-1:000000000000:log-group:${group}:log-stream:app`);
    assert.equal(s.storedBytes, 0, 'AWS reports 0 for streams since 2019');
  });

  test('get-log-events pages forward until the token repeats, and backward likewise', async () => {
    const forward: string[] = [];
    let token: string | undefined;
    let calls = 0;
    for (;;) {
      const args = ['logs', 'get-log-events', '--log-group-name', group, '--log-stream-name', 'app', '--start-from-head', '--limit', '2'];
      const page = (await awsOk(endpoint, token ? [...args, '--next-token', token] : args)).json<Page>();
      calls++;
      forward.push(...page.events.map((e) => e.message));
      assert.match(page.nextForwardToken, /^f\/\d{56}\/s$/);
      assert.match(page.nextBackwardToken, /^b\/\d{56}\/s$/);
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    assert.deepEqual(forward, ['event 0', 'event 1', 'event 2', 'event 3', 'event 4']);
    assert.equal(calls, 4);

    let page = (await awsOk(endpoint, ['logs', 'get-log-events', '--log-group-name', group, '--log-stream-name', 'app', '--limit', '2'])).json<Page>();
    const backward = page.events.map((e) => e.message);
    assert.deepEqual(backward, ['event 3', 'event 4'], 'without --start-from-head the newest events come first');
    for (;;) {
      const back = page.nextBackwardToken;
      page = (await awsOk(endpoint, ['logs', 'get-log-events', '--log-group-name', group, '--log-stream-name', 'app', '--limit', '2', '--next-token', back])).json<Page>();
      backward.unshift(...page.events.map((e) => e.message));
      if (page.nextBackwardToken === back) break;
    }
    assert.deepEqual(backward, forward);
    const all = (await awsOk(endpoint, ['logs', 'get-log-events', '--log-group-name', group, '--log-stream-name', 'app', '--start-time', String(t + 1), '--end-time', String(t + 3)])).json<Page>();
    assert.deepEqual(all.events.map((e) => e.message), ['event 1', 'event 2']);
    assert.ok(all.events.every((e) => e.timestamp >= t && e.ingestionTime >= e.timestamp));
  });

  test('too old and too new events are reported, not refused', async () => {
    const now = Date.now();
    const r = (await put(group, 'app', [
      { timestamp: now - 15 * 86_400_000, message: 'ancient' },
      { timestamp: now, message: 'fresh' },
      { timestamp: now + 3 * 3_600_000, message: 'future' },
    ])).json<{ rejectedLogEventsInfo: Record<string, number> }>();
    assert.deepEqual(r.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 0, tooNewLogEventStartIndex: 2 });
  });

  test('filter-log-events: interleaved streams, patterns, stream names, the CLI paginating', async () => {
    const g = '/e2e/filter';
    await awsOk(endpoint, ['logs', 'create-log-group', '--log-group-name', g]);
    for (const s of ['web', 'worker']) await awsOk(endpoint, ['logs', 'create-log-stream', '--log-group-name', g, '--log-stream-name', s]);
    const base = Date.now() - 60_000;
    await put(g, 'web', [
      { timestamp: base, message: 'GET / 200' },
      { timestamp: base + 2, message: 'ERROR upstream timeout' },
      { timestamp: base + 4, message: JSON.stringify({ level: 'error', msg: 'db down' }) },
    ]);
    await put(g, 'worker', [
      { timestamp: base + 1, message: 'job 1 started' },
      { timestamp: base + 3, message: 'ERROR job 1 ignored' },
      { timestamp: base + 5, message: JSON.stringify({ level: 'info', msg: 'ok' }) },
    ]);
    const all = (await awsOk(endpoint, ['logs', 'filter-log-events', '--log-group-name', g, '--page-size', '2'])).json<Filtered>();
    assert.deepEqual(all.events.map((e) => `${e.logStreamName}|${e.message.slice(0, 12)}`), [
      'web|GET / 200', 'worker|job 1 starte', 'web|ERROR upstre', 'worker|ERROR job 1 ', 'web|{"level":"er', 'worker|{"level":"in',
    ]);
    assert.ok(all.events.every((e) => /^\d{56}$/.test(e.eventId)));
    assert.deepEqual(all.searchedLogStreams, []);
    const errors = (await awsOk(endpoint, ['logs', 'filter-log-events', '--log-group-name', g, '--filter-pattern', 'ERROR -ignored'])).json<Filtered>();
    assert.deepEqual(errors.events.map((e) => e.message), ['ERROR upstream timeout']);
    const phrase = (await awsOk(endpoint, ['logs', 'filter-log-events', '--log-group-name', g, '--filter-pattern', '"job 1" ?started ?ignored'])).json<Filtered>();
    assert.deepEqual(phrase.events.map((e) => e.message), ['job 1 started', 'ERROR job 1 ignored']);
    const json = (await awsOk(endpoint, ['logs', 'filter-log-events', '--log-group-name', g, '--filter-pattern', '{ $.level = "error" }'])).json<Filtered>();
    assert.deepEqual(json.events.map((e) => JSON.parse(e.message) as unknown), [{ level: 'error', msg: 'db down' }]);
    const worker = (await awsOk(endpoint, ['logs', 'filter-log-events', '--log-group-name', g, '--log-stream-names', 'worker', '--start-time', String(base + 2), '--end-time', String(base + 3)])).json<Filtered>();
    assert.deepEqual(worker.events.map((e) => e.message), ['ERROR job 1 ignored']);
    const bad = await aws(endpoint, ['logs', 'filter-log-events', '--log-group-name', g, '--filter-pattern', '{ $.level = "error"']);
    assertAwsError(bad, 'InvalidParameterException', 'FilterLogEvents', "If a filter pattern starts with '{' it must end with '}'");
  });

  test('test-metric-filter reports the matching messages', async () => {
    const r = (await awsOk(endpoint, ['logs', 'test-metric-filter', '--filter-pattern', 'ERROR', '--log-event-messages', 'ok', 'an ERROR', 'ERROR again'])).json<{ matches: Array<{ eventNumber: number; eventMessage: string }> }>();
    assert.deepEqual(r.matches.map((m) => [m.eventNumber, m.eventMessage]), [[2, 'an ERROR'], [3, 'ERROR again']]);
  });

  test('delete-log-stream removes the stream and its events from every read', async () => {
    await awsOk(endpoint, ['logs', 'create-log-stream', '--log-group-name', group, '--log-stream-name', 'tmp']);
    await put(group, 'tmp', [{ timestamp: Date.now(), message: 'temporary' }]);
    await awsOk(endpoint, ['logs', 'delete-log-stream', '--log-group-name', group, '--log-stream-name', 'tmp']);
    const f = (await awsOk(endpoint, ['logs', 'filter-log-events', '--log-group-name', group, '--filter-pattern', 'temporary'])).json<Filtered>();
    assert.deepEqual(f.events, []);
    assertAwsError(await aws(endpoint, ['logs', 'get-log-events', '--log-group-name', group, '--log-stream-name', 'tmp']), 'ResourceNotFoundException', 'GetLogEvents', 'The specified log stream does not exist.');
  });
});

describe('errors', { concurrency: true }, () => {
  test('ResourceNotFoundException texts for groups and streams', async () => {
    assertAwsError(await aws(endpoint, ['logs', 'get-log-events', '--log-group-name', '/e2e/none', '--log-stream-name', 's']), 'ResourceNotFoundException', 'GetLogEvents', 'The specified log group does not exist.');
    assertAwsError(await aws(endpoint, ['logs', 'describe-log-streams', '--log-group-name', '/e2e/none']), 'ResourceNotFoundException', 'DescribeLogStreams', 'The specified log group does not exist.');
    assertAwsError(await aws(endpoint, ['logs', 'filter-log-events', '--log-group-name', '/e2e/none']), 'ResourceNotFoundException', 'FilterLogEvents', 'The specified log group does not exist.');
    await awsOk(endpoint, ['logs', 'create-log-group', '--log-group-name', '/e2e/errors']);
    assertAwsError(await put('/e2e/errors', 'none', [{ timestamp: Date.now(), message: 'x' }]), 'ResourceNotFoundException', 'PutLogEvents', 'The specified log stream does not exist.');
    assertAwsError(await put('/e2e/none', 'none', [{ timestamp: Date.now(), message: 'x' }]), 'ResourceNotFoundException', 'PutLogEvents', 'The specified log group does not exist.');
  });

  test('InvalidParameterException for batches, retention values and tokens AWS refuses', async () => {
    await awsOk(endpoint, ['logs', 'create-log-group', '--log-group-name', '/e2e/invalid']);
    await awsOk(endpoint, ['logs', 'create-log-stream', '--log-group-name', '/e2e/invalid', '--log-stream-name', 's']);
    const now = Date.now();
    assertAwsError(await put('/e2e/invalid', 's', [{ timestamp: now, message: 'b' }, { timestamp: now - 1, message: 'a' }]), 'InvalidParameterException', 'PutLogEvents', 'Log events in a single PutLogEvents request must be in chronological order.');
    assertAwsError(await put('/e2e/invalid', 's', [{ timestamp: now - 90_000_000, message: 'a' }, { timestamp: now, message: 'b' }]), 'InvalidParameterException', 'PutLogEvents', 'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
    const retention = await aws(endpoint, ['logs', 'put-retention-policy', '--log-group-name', '/e2e/invalid', '--retention-in-days', '2']);
    assert.match(retention.stderr, /InvalidParameterException.*retentionInDays.*enum value set/);
    assertAwsError(await aws(endpoint, ['logs', 'get-log-events', '--log-group-name', '/e2e/invalid', '--log-stream-name', 's', '--next-token', 'f/nonsense']), 'InvalidParameterException', 'GetLogEvents', 'The specified nextToken is invalid.');
    assertAwsError(await aws(endpoint, ['logs', 'describe-log-streams', '--log-group-name', '/e2e/invalid', '--order-by', 'LastEventTime', '--log-stream-name-prefix', 's']), 'InvalidParameterException', 'DescribeLogStreams', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
  });

  test('StartLiveTail (an HTTP/2 event stream) answers not implemented, never a fake success', async () => {
    const r = await jsonCall(endpoint, 'Logs_20140328.StartLiveTail', { logGroupIdentifiers: ['arn:aws:logs:us-east-1:000000000000:log-group:/e2e/errors'] }, { service: 'logs' });
    assert.equal(r.status, 400, r.text);
    assert.equal(errorType(r), 'UnknownOperationException');
    assert.match(errorMessageOf(r), /StartLiveTail/);
  });
});
