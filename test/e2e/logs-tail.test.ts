import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import * as logs from '../../src/logs/index.js';
import { AWS_CLI, awsOk, cliEnv } from '../support/aws-cli.js';
import { startLogsServer, type LogsServer } from '../support/logs-harness.js';

/**
 * `aws logs tail` (FilterLogEvents, interleaved, paginated; --follow polls every 5 s) and a
 * 100,000-line stream read back whole through GetLogEvents pagination, with the real CLI.
 */
let srv: LogsServer;

before(async () => {
  srv = await startLogsServer();
});
after(async () => srv?.close());

const append = (group: string, stream: string, messages: string[], ts = Date.now()): Promise<{ appended: number }> =>
  logs.appendEvents(srv.deps, srv.scope, group, stream, messages.map((message) => ({ timestamp: ts, message })));

/** `2026-01-01T00:00:00 message` → message */
const shortMessages = (stdout: string): string[] => stdout.split('\n').filter((l) => l !== '').map((l) => l.slice(l.indexOf(' ') + 1));

test('tail prints the recent events of all streams in time order; --since and --format', async () => {
  const g = '/aws/codebuild/tail-demo';
  const now = Date.now();
  await logs.appendEvents(srv.deps, srv.scope, g, 'build-1', [
    { timestamp: now - 3_600_000, message: 'an hour ago\n' },
    { timestamp: now - 4_000, message: '[Container] 2026/01/01 00:00:00.000000 Entering phase BUILD\n' },
    { timestamp: now - 2_000, message: 'npm test\n' },
  ]);
  await logs.appendEvents(srv.deps, srv.scope, g, 'build-2', [{ timestamp: now - 3_000, message: 'other stream\n' }]);

  const short = await awsOk(srv.endpoint, ['logs', 'tail', g, '--format', 'short']);
  assert.deepEqual(shortMessages(short.stdout), ['[Container] 2026/01/01 00:00:00.000000 Entering phase BUILD', 'other stream', 'npm test']);
  assert.match(short.stdout.split('\n')[0]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d \[Container\]/);

  const since = await awsOk(srv.endpoint, ['logs', 'tail', g, '--since', '2h', '--format', 'short']);
  assert.equal(shortMessages(since.stdout)[0], 'an hour ago');

  const detailed = await awsOk(srv.endpoint, ['logs', 'tail', g, '--log-stream-names', 'build-2']);
  assert.match(detailed.stdout, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00 build-2 other stream\n$/);

  const filtered = await awsOk(srv.endpoint, ['logs', 'tail', g, '--format', 'short', '--filter-pattern', 'npm']);
  assert.deepEqual(shortMessages(filtered.stdout), ['npm test']);
});

test('tail --follow shows every line another writer appends exactly once, in order', async () => {
  const g = '/aws/codebuild/follow-demo';
  await append(g, 'build', ['before follow started']);
  const child = spawn(AWS_CLI, ['--endpoint-url', srv.endpoint, 'logs', 'tail', g, '--follow', '--format', 'short'], {
    env: cliEnv({ PYTHONUNBUFFERED: '1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((ok) => child.once('close', () => ok()));
  try {
    const written: string[] = [];
    // ~9 s of writing spans at least one of the CLI's 5-second polls; batches of 1–3 lines, some
    // sharing a millisecond, land while the CLI is both asleep and paging.
    for (let i = 0; i < 45; i++) {
      const batch = Array.from({ length: 1 + (i % 3) }, (_, j) => `line ${i}.${j}`);
      await append(g, i % 2 === 0 ? 'build' : 'sidecar', batch);
      written.push(...batch);
      await new Promise((ok) => setTimeout(ok, 200));
    }
    const expected = ['before follow started', ...written];
    const deadline = Date.now() + 30_000;
    while (shortMessages(stdout).length < expected.length && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 250));
    await new Promise((ok) => setTimeout(ok, 5_500)); // one more poll: nothing may repeat
    assert.deepEqual(shortMessages(stdout), expected, stderr);
  } finally {
    child.kill('SIGINT');
    await exited;
  }
});

test('a 100,000-line stream reads back completely through get-log-events pagination', async () => {
  const g = '/aws/codebuild/big';
  const n = 100_000;
  const t0 = Date.now() - 60_000;
  for (let start = 0; start < n; start += 10_000) {
    await logs.appendEvents(srv.deps, srv.scope, g, 'build', Array.from({ length: 10_000 }, (_, i) => ({ timestamp: t0 + Math.floor((start + i) / 50), message: `line ${start + i}` })));
  }
  let token: string | undefined;
  let expected = 0;
  let pages = 0;
  for (;;) {
    const args = ['logs', 'get-log-events', '--log-group-name', g, '--log-stream-name', 'build', '--start-from-head'];
    const page = (await awsOk(srv.endpoint, token ? [...args, '--next-token', token] : args)).json<{ events: Array<{ message: string }>; nextForwardToken: string }>();
    for (const e of page.events) assert.equal(e.message, `line ${expected++}`);
    pages++;
    if (page.nextForwardToken === token) break;
    token = page.nextForwardToken;
  }
  assert.equal(expected, n);
  assert.equal(pages, 11, '10 full pages of 10,000 events and the empty one that repeats the token');
});
