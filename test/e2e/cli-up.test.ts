import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { aws, awsOk } from '../support/aws-cli.js';
import { freePort, REPO_ROOT, startNagare } from '../support/nagare.js';
import { runNagare, spawnNagare, waitForHealth, type NagareProcess } from '../support/nagare-process.js';

/**
 * `nagare up` as a user meets it: flags, env, banner, health, signals, refusals, languages.
 * Every server here is a real `node bin/nagare.js up` child process.
 */

const PKG_VERSION = (JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const dirs: string[] = [];
const procs: NagareProcess[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'nagare-cli-up-'));
  dirs.push(d);
  return d;
}
function track(p: NagareProcess): NagareProcess {
  procs.push(p);
  return p;
}
after(async () => {
  await Promise.all(procs.map((p) => p.kill()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function isListening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/_nagare/health`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

async function health(endpoint: string): Promise<{ status: number; contentType: string | null; body: Record<string, unknown> }> {
  const r = await fetch(`${endpoint}/_nagare/health`);
  return { status: r.status, contentType: r.headers.get('content-type'), body: (await r.json()) as Record<string, unknown> };
}

describe('nagare up: banner, health, signals', { concurrency: 2 }, () => {
  test('prints the banner with the endpoint and the env to export; /_nagare/health answers 200 JSON', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const p = track(spawnNagare(['up', '--port', String(port), '--data-dir', dataDir]));
    await p.waitForOutput(/Press Ctrl\+C to stop\./);
    const endpoint = `http://127.0.0.1:${port}`;
    const out = p.stdout();
    assert.match(out, new RegExp(`nagare is ready v${PKG_VERSION.replace(/\./g, '\\.')}`));
    assert.match(out, new RegExp(`endpoint\\s+${endpoint}\\n`));
    assert.match(out, /storage\s+PGlite \(.*\/pg\) \+ blobs \(.*\/blobs\)/);
    assert.ok(out.includes(dataDir), `banner names the data dir ${dataDir}:\n${out}`);
    assert.match(out, /time scale\s+1×/);
    assert.match(out, new RegExp(`log\\s+${join(dataDir, 'nagare.log').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    assert.ok(out.includes('export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1'), out);
    assert.ok(out.includes(`aws --endpoint-url ${endpoint} s3 ls`), out);
    assert.ok(!out.includes('\u001b['), 'no colour codes when stdout is not a TTY');

    const h = await health(endpoint);
    assert.equal(h.status, 200);
    assert.match(h.contentType ?? '', /^application\/json/);
    assert.equal(h.body.status, 'ok');
    assert.equal(h.body.version, PKG_VERSION);
    assert.equal(typeof h.body.uptimeSeconds, 'number');
    assert.ok((h.body.uptimeSeconds as number) >= 0);
    assert.deepEqual(h.body.storage, { database: 'pglite', blobs: 'fs' });
    assert.equal(h.body.timeScale, 1);
    const services = h.body.services as string[];
    for (const s of ['S3', 'SSM', 'Secrets Manager']) assert.ok(services.includes(s), `health lists ${s}: ${services.join(', ')}`);
    await new Promise((r) => setTimeout(r, 1200));
    const later = await health(endpoint);
    assert.ok((later.body.uptimeSeconds as number) >= (h.body.uptimeSeconds as number) + 1, 'uptime advances');
    const post = await fetch(`${endpoint}/_nagare/health`, { method: 'POST' });
    assert.equal(post.status, 405);

    // The structured log is where the banner says it is, one JSON object per line.
    const log = await readFile(join(dataDir, 'nagare.log'), 'utf8');
    const lines = log.trim().split('\n').map((l) => JSON.parse(l) as { msg?: string; port?: number });
    assert.ok(lines.some((l) => l.msg === 'nagare up' && l.port === port), log);

    p.child.kill('SIGTERM');
    assert.deepEqual(await p.exited, { code: 0, signal: null });
  });

  test('--time-scale 60 shows in the banner and in /_nagare/health', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const p = track(spawnNagare(['up', '--port', String(port), '--data-dir', dataDir, '--time-scale', '60']));
    await p.waitForOutput(/Press Ctrl\+C to stop\./);
    assert.match(p.stdout(), /time scale\s+60× \(AWS waits run 60 times faster\)/);
    const h = await health(`http://127.0.0.1:${port}`);
    assert.equal(h.body.timeScale, 60);
    p.child.kill('SIGTERM');
    assert.deepEqual(await p.exited, { code: 0, signal: null });
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} stops it gracefully (exit 0, port released) and the data dir reopens with its data`, async () => {
      const dataDir = await tempDir();
      const port = await freePort();
      const endpoint = `http://127.0.0.1:${port}`;
      const p = track(spawnNagare(['up', '--port', String(port), '--data-dir', dataDir]));
      await waitForHealth(endpoint, p);
      const name = `/cli-up/${signal.toLowerCase()}`;
      await Promise.all([
        awsOk(endpoint, ['ssm', 'put-parameter', '--name', name, '--value', `before ${signal}`, '--type', 'SecureString']),
        awsOk(endpoint, ['s3', 'mb', `s3://cli-up-${signal.toLowerCase()}`]),
      ]);
      await awsOk(endpoint, ['s3', 'cp', '-', `s3://cli-up-${signal.toLowerCase()}/note.txt`], { input: `written before ${signal}\n` });

      p.child.kill(signal);
      const exit = await p.exited;
      assert.deepEqual(exit, { code: 0, signal: null }, `exit after ${signal}:\n${p.stdout()}\n${p.stderr()}`);
      assert.match(p.stdout(), /stopping nagare…\nnagare stopped\.\n/);
      assert.equal(p.stderr(), '', 'a graceful stop prints nothing on stderr');
      assert.equal(await isListening(port), false, 'the port is released');

      // Same data dir, same port: everything written before the signal is there.
      const again = await startNagare({ dataDir }, port);
      try {
        const [param, obj] = await Promise.all([
          awsOk(again.endpoint, ['ssm', 'get-parameter', '--name', name, '--with-decryption']),
          awsOk(again.endpoint, ['s3', 'cp', `s3://cli-up-${signal.toLowerCase()}/note.txt`, '-']),
        ]);
        assert.equal(param.json<{ Parameter: { Value: string; Version: number } }>().Parameter.Value, `before ${signal}`);
        assert.equal(param.json<{ Parameter: { Value: string; Version: number } }>().Parameter.Version, 1);
        assert.equal(obj.stdout, `written before ${signal}\n`);
      } finally {
        await again.stop({ keepData: true });
      }
    });
  }
});

describe('nagare up: binding and credentials', { concurrency: 2 }, () => {
  test('a non-loopback --host without credentials refuses to start (exit 2, clear message, nothing listening)', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const r = await runNagare(['up', '--host', '0.0.0.0', '--port', String(port), '--data-dir', dataDir]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /nagare cannot start: the options are invalid\./);
    assert.ok(
      r.stderr.includes(
        'refusing to listen on non-loopback address 0.0.0.0 with the default test/test key: set --access-key-id and --secret-access-key (or NAGARE_ACCESS_KEY_ID / NAGARE_SECRET_ACCESS_KEY)',
      ),
      r.stderr,
    );
    assert.equal(r.stdout, '');
    assert.equal(await isListening(port), false);
    // NAGARE_HOST is refused the same way.
    const viaEnv = await runNagare(['up', '--port', String(port), '--data-dir', dataDir], { NAGARE_HOST: '0.0.0.0' });
    assert.equal(viaEnv.code, 2);
    assert.match(viaEnv.stderr, /refusing to listen on non-loopback address 0\.0\.0\.0/);
    // Half a key pair is refused too.
    const half = await runNagare(['up', '--port', String(port), '--data-dir', dataDir, '--access-key-id', 'AKIAONLYHALF']);
    assert.equal(half.code, 2);
    assert.match(half.stderr, /access key id and secret access key must be given together/);
  });

  test('a non-loopback --host with --access-key-id/--secret-access-key starts, accepts only that key, never prints the secret', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const akid = 'AKIANAGAREE2ETEST01';
    const secret = 'e2e-Secret/Key+Not-Printed-0123456789';
    const p = track(
      spawnNagare(['up', '--host', '0.0.0.0', '--port', String(port), '--data-dir', dataDir, '--access-key-id', akid, '--secret-access-key', secret]),
    );
    try {
      const endpoint = `http://127.0.0.1:${port}`;
      await waitForHealth(endpoint, p);
      await p.waitForOutput(/Press Ctrl\+C to stop\./);
      assert.match(p.stdout(), new RegExp(`endpoint\\s+http://0\\.0\\.0\\.0:${port}\\n`));
      assert.ok(p.stdout().includes(`export AWS_ACCESS_KEY_ID=${akid} AWS_SECRET_ACCESS_KEY=<your secret> AWS_DEFAULT_REGION=us-east-1`), p.stdout());
      assert.ok(!p.stdout().includes(secret) && !p.stderr().includes(secret), 'the configured secret is never printed');

      const [withTest, withKey] = await Promise.all([
        aws(endpoint, ['ssm', 'describe-parameters']),
        aws(endpoint, ['ssm', 'describe-parameters'], { env: { AWS_ACCESS_KEY_ID: akid, AWS_SECRET_ACCESS_KEY: secret } }),
      ]);
      assert.equal(withTest.code, 254, 'the well-known test/test key does not exist off loopback');
      assert.match(withTest.stderr, /\(UnrecognizedClientException\).*The security token included in the request is invalid\./);
      assert.equal(withKey.code, 0, withKey.stderr);
      assert.deepEqual(withKey.json(), { Parameters: [] });
      const log = await readFile(join(dataDir, 'nagare.log'), 'utf8');
      assert.ok(!log.includes(secret), 'the secret never reaches the log');
    } finally {
      p.child.kill('SIGTERM');
      assert.deepEqual(await p.exited, { code: 0, signal: null });
    }
  });
});

describe('nagare up: options and env', { concurrency: 2 }, () => {
  test('an unknown flag exits 2 naming it; an invalid value exits 2 naming the option and its env', async () => {
    const dataDir = await tempDir();
    const unknown = await runNagare(['up', '--data-dir', dataDir, '--bogus-flag', '1']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option: --bogus-flag/);
    assert.equal(unknown.stdout, '');
    const bad = await runNagare(['up', '--data-dir', dataDir, '--port', 'not-a-port']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /nagare cannot start: the options are invalid\./);
    assert.match(bad.stderr, /--port \/ NAGARE_PORT: /);
    assert.match(bad.stderr, /See `nagare up --help`\./);
    const scale = await runNagare(['up', '--data-dir', dataDir, '--time-scale', '0']);
    assert.equal(scale.code, 2);
    assert.match(scale.stderr, /--time-scale \/ NAGARE_TIME_SCALE: /);
    assert.equal(existsSync(join(dataDir, 'pg')), false, 'a refused start creates no database');
  });

  test('NAGARE_PORT is honoured (with NAGARE_TIME_SCALE), and --port beats it', async () => {
    const [envPort, flagPort] = [await freePort(), await freePort()];
    const [d1, d2] = [await tempDir(), await tempDir()];
    const fromEnv = track(spawnNagare(['up', '--data-dir', d1], { NAGARE_PORT: String(envPort), NAGARE_TIME_SCALE: '3600' }));
    const overridden = track(spawnNagare(['up', '--data-dir', d2, '--port', String(flagPort)], { NAGARE_PORT: String(envPort) }));
    try {
      const h = await waitForHealth(`http://127.0.0.1:${envPort}`, fromEnv);
      assert.equal(h.timeScale, 3600);
      await waitForHealth(`http://127.0.0.1:${flagPort}`, overridden);
      await overridden.waitForOutput(/Press Ctrl\+C/);
      assert.ok(overridden.stdout().includes(`http://127.0.0.1:${flagPort}`), overridden.stdout());
      assert.ok(!overridden.stdout().includes(`:${envPort}`), 'the flag, not the env, decides the port');
    } finally {
      fromEnv.child.kill('SIGTERM');
      overridden.child.kill('SIGTERM');
      assert.deepEqual(await fromEnv.exited, { code: 0, signal: null });
      assert.deepEqual(await overridden.exited, { code: 0, signal: null });
    }
  });

  test('a port already in use: clear message, non-zero exit, no hang', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((ok) => blocker.listen(0, '127.0.0.1', () => ok((blocker.address() as { port: number }).port)));
    try {
      // runNagare SIGKILLs after 120 s (exit code null): a hang fails the exit-code assertion.
      const r = await runNagare(['up', '--port', String(port), '--data-dir', await tempDir()], {}, 120_000);
      assert.equal(r.code, 1, `exit code (stdout: ${r.stdout}) (stderr: ${r.stderr})`);
      assert.ok(
        r.stderr.includes(`nagare could not start: port ${port} on 127.0.0.1 is already in use: stop the other process or pass --port.`),
        r.stderr,
      );
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace for a known condition');
    } finally {
      await new Promise((ok) => blocker.close(ok));
    }
  });

  test('a second server on the same embedded data dir is refused (PGlite has no lock of its own)', async () => {
    const dataDir = await tempDir();
    const first = await startNagare({ dataDir });
    try {
      const r = await runNagare(['up', '--port', String(await freePort()), '--data-dir', dataDir], {}, 120_000);
      assert.equal(r.code, 1, `exit code (stdout: ${r.stdout}) (stderr: ${r.stderr})`);
      assert.match(r.stderr, /is in use by another nagare process \(pid \d+\); stop it or choose another --data-dir/);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace for a known condition');
      assert.equal((await fetch(`${first.endpoint}/_nagare/health`)).status, 200, 'the first server is unharmed');
    } finally {
      await first.stop();
    }
  });

  test('NAGARE_LANG=ja prints the Japanese banner and stop messages', async () => {
    const port = await freePort();
    const p = track(spawnNagare(['up', '--port', String(port), '--data-dir', await tempDir()], { NAGARE_LANG: 'ja' }));
    await p.waitForOutput(/停止するには Ctrl\+C を押してください。/);
    const out = p.stdout();
    assert.match(out, /nagare の準備ができました/);
    assert.match(out, new RegExp(`エンドポイント\\s+http://127\\.0\\.0\\.1:${port}`));
    assert.match(out, /ストレージ\s+PGlite/);
    assert.match(out, /AWS CLI の設定:/);
    p.child.kill('SIGINT');
    assert.deepEqual(await p.exited, { code: 0, signal: null });
    assert.match(p.stdout(), /nagare を停止しています…\nnagare を停止しました。/);
    // The locale alone (no NAGARE_LANG) picks Japanese too.
    const viaLang = await runNagare(['frobnicate'], { NAGARE_LANG: undefined, LANG: 'ja_JP.UTF-8' });
    assert.equal(viaLang.code, 2);
    assert.match(viaLang.stderr, /不明なコマンド: frobnicate/);
  });
});

describe('nagare: help and version', () => {
  test('--help / help / no command print the usage and exit 0', async () => {
    const runs = await Promise.all([runNagare(['--help']), runNagare(['help']), runNagare([]), runNagare(['-h'])]);
    for (const r of runs) {
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^usage: nagare <command> \[options\]/);
      assert.match(r.stdout, /\n {2}up {8}start the AWS-compatible endpoint/);
      assert.match(r.stdout, /\n {2}version {3}print the version/);
      assert.equal(r.stderr, '');
    }
  });

  test('version / --version print the package version', async () => {
    const runs = await Promise.all([runNagare(['version']), runNagare(['--version'])]);
    for (const r of runs) {
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `nagare ${PKG_VERSION}\n`);
    }
  });

  test('up --help lists every option with its env variable, without starting anything', async () => {
    const dataDir = await tempDir();
    const r = await runNagare(['up', '--help', '--data-dir', dataDir]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^usage: nagare up \[options\]/);
    const rows: Array<[string, string]> = [
      ['--port', 'NAGARE_PORT'],
      ['--host', 'NAGARE_HOST'],
      ['--data-dir', 'NAGARE_DATA_DIR'],
      ['--database-url', 'NAGARE_DATABASE_URL'],
      ['--time-scale', 'NAGARE_TIME_SCALE'],
      ['--access-key-id', 'NAGARE_ACCESS_KEY_ID'],
      ['--secret-access-key', 'NAGARE_SECRET_ACCESS_KEY'],
      ['--account-id', 'NAGARE_ACCOUNT_ID'],
      ['--master-key', 'NAGARE_MASTER_KEY'],
      ['--log-level', 'NAGARE_LOG_LEVEL'],
      ['--log-file', 'NAGARE_LOG_FILE'],
    ];
    for (const [flag, env] of rows) assert.match(r.stdout, new RegExp(`\\n {2}${flag} +${env} +\\S`), `${flag} ${env}`);
    assert.equal(existsSync(join(dataDir, 'pg')), false);
  });

  test('an unknown command exits 2 with the usage on stderr', async () => {
    const r = await runNagare(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^unknown command: frobnicate\nusage: nagare <command>/);
    assert.equal(r.stdout, '');
  });
});
