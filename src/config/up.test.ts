import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentialsOf, envNameOf, flagNameOf, isLoopbackHost, resolveUpConfig } from './up.js';

test('defaults: loopback, 4566, ./.nagare, time scale 1, test/test', () => {
  const r = resolveUpConfig({}, {});
  assert.ok('config' in r);
  assert.equal(r.config.port, 4566);
  assert.equal(r.config.host, '127.0.0.1');
  assert.equal(r.config.dataDir, './.nagare');
  assert.equal(r.config.timeScale, 1);
  assert.equal(r.config.accountId, '000000000000');
  assert.deepEqual([...credentialsOf(r.config)], [['test', 'test']]);
});

test('flags win over NAGARE_* env, env over defaults', () => {
  const r = resolveUpConfig({ port: '5000' }, { NAGARE_PORT: '4000', NAGARE_TIME_SCALE: '60', NAGARE_DATA_DIR: '/d' });
  assert.ok('config' in r);
  assert.equal(r.config.port, 5000);
  assert.equal(r.config.timeScale, 60);
  assert.equal(r.config.dataDir, '/d');
});

const rejected: Array<[string, Record<string, string>, RegExp]> = [
  ['non-loopback host without credentials', { host: '0.0.0.0' }, /refusing to listen on non-loopback address 0\.0\.0\.0/],
  ['port out of range', { port: '70000' }, /--port \/ NAGARE_PORT/],
  ['time scale zero', { timeScale: '0' }, /--time-scale/],
  ['database url scheme', { databaseUrl: 'mysql://x' }, /postgres:\/\//],
  ['key without secret', { accessKeyId: 'AKID' }, /must be given together/],
  ['account id', { accountId: '123' }, /12 digits/],
];
for (const [name, flags, expected] of rejected) {
  test(`rejects ${name}`, () => {
    const r = resolveUpConfig(flags, {});
    assert.ok('problems' in r, 'expected problems');
    assert.match(r.problems.map((p) => `${p.option}: ${p.message}`).join('\n'), expected);
  });
}

test('non-loopback host is allowed once credentials are configured', () => {
  const r = resolveUpConfig({ host: '0.0.0.0', accessKeyId: 'AKIDPROD', secretAccessKey: 's3cr3t' }, {});
  assert.ok('config' in r);
  assert.deepEqual([...credentialsOf(r.config)], [['AKIDPROD', 's3cr3t']]);
});

test('loopback detection', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.equal(isLoopbackHost(h), true, h);
  for (const h of ['0.0.0.0', '10.0.0.1', '::', 'example.com', '128.0.0.1']) assert.equal(isLoopbackHost(h), false, h);
});

test('env and flag names', () => {
  assert.equal(envNameOf('dataDir'), 'NAGARE_DATA_DIR');
  assert.equal(flagNameOf('databaseUrl'), '--database-url');
});
