import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWatchArgs } from './pipeline-watch-args.js';

const ID = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

test('defaults: local endpoint, us-east-1, 1 s, test/test credentials', () => {
  assert.deepEqual(parseWatchArgs(['demo'], {}), {
    args: { pipelineName: 'demo', endpoint: 'http://127.0.0.1:4566', region: 'us-east-1', intervalMs: 1000, color: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
  });
});

test('environment: NAGARE_ENDPOINT_URL, AWS_REGION over AWS_DEFAULT_REGION, AWS credentials and session token', () => {
  const env = { NAGARE_ENDPOINT_URL: 'http://nagare:4566', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2', AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'SK', AWS_SESSION_TOKEN: 'TOK' };
  const r = parseWatchArgs(['demo'], env);
  assert.ok('args' in r);
  assert.equal(r.args.endpoint, 'http://nagare:4566');
  assert.equal(r.args.region, 'eu-west-1');
  assert.deepEqual(r.args.credentials, { accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'TOK' });
  const fallback = parseWatchArgs(['demo'], { AWS_DEFAULT_REGION: 'us-west-2' });
  assert.ok('args' in fallback);
  assert.equal(fallback.args.region, 'us-west-2');
});

test('flags win over the environment, in both --opt value and --opt=value forms', () => {
  const r = parseWatchArgs(['--endpoint-url=http://h:1', 'demo', '--region', 'ap-northeast-1', '--interval-ms', '250', '--execution-id', ID, '--lang', 'ja', '--no-color'], { NAGARE_ENDPOINT_URL: 'http://other:2' });
  assert.deepEqual(r, {
    args: { pipelineName: 'demo', executionId: ID, endpoint: 'http://h:1', region: 'ap-northeast-1', intervalMs: 250, lang: 'ja', color: false, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
  });
});

test('help, in the language asked for', () => {
  assert.deepEqual(parseWatchArgs(['--help'], {}), { help: true });
  assert.deepEqual(parseWatchArgs(['demo', '-h', '--lang', 'ja'], {}), { help: true, lang: 'ja' });
});

for (const [argv, env, problem] of [
  [[], {}, /pipeline name is missing/],
  [['a', 'b'], {}, /only one pipeline/],
  [['bad name!'], {}, /not a pipeline name/],
  [['demo', '--bogus'], {}, /unknown option: --bogus/],
  [['demo', '--region'], {}, /--region needs a value/],
  [['demo', '--execution-id', 'nope'], {}, /--execution-id expects/],
  [['demo', '--endpoint-url', 'ftp://x'], {}, /--endpoint-url expects an http\(s\) URL/],
  [['demo'], { NAGARE_ENDPOINT_URL: 'localhost:4566' }, /NAGARE_ENDPOINT_URL expects an http\(s\) URL/],
  [['demo', '--interval-ms', '99'], {}, /--interval-ms expects an integer/],
  [['demo', '--interval-ms', '1.5'], {}, /--interval-ms expects an integer/],
  [['demo', '--lang', 'fr'], {}, /--lang expects ja or en/],
  [['demo', '--region', 'US East'], {}, /--region expects a region name/],
] as const) {
  test(`usage problem: ${argv.join(' ') || '(none)'} ${JSON.stringify(env)}`, () => {
    const r = parseWatchArgs(argv, env);
    assert.ok('problems' in r, JSON.stringify(r));
    assert.ok(r.problems.some((p) => problem.test(p)), r.problems.join('\n'));
  });
}
