import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadMasterKey, MASTER_KEY_FILE } from './master-key.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'nagare-key-'));
  dirs.push(d);
  return d;
}
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

test('creates <dataDir>/master.key with mode 0600 and reads the same key back', async () => {
  const dir = join(await tempDir(), 'nested');
  const k1 = await loadMasterKey({ dataDir: dir });
  assert.equal(k1.length, 32);
  const st = await stat(join(dir, MASTER_KEY_FILE));
  assert.equal(st.mode & 0o777, 0o600);
  assert.deepEqual(await loadMasterKey({ dataDir: dir }), k1);
  assert.equal((await readFile(join(dir, MASTER_KEY_FILE), 'utf8')).trim(), k1.toString('base64'));
  assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith('.tmp')), [], 'no temp file left behind');
});

test('concurrent first starts agree on one key', async () => {
  const dir = await tempDir();
  const keys = await Promise.all(Array.from({ length: 8 }, () => loadMasterKey({ dataDir: dir })));
  for (const k of keys) assert.deepEqual(k, keys[0]);
});

test('refuses a key file readable by group or others, without printing the key', async () => {
  const dir = await tempDir();
  const key = await loadMasterKey({ dataDir: dir });
  await chmod(join(dir, MASTER_KEY_FILE), 0o640);
  await assert.rejects(loadMasterKey({ dataDir: dir }), (err: Error & { code?: string }) => {
    assert.equal(err.code, 'MasterKeyFileInsecure');
    assert.match(err.message, /chmod 600/);
    assert.equal(err.message.includes(key.toString('base64')), false);
    return true;
  });
});

test('a configured base64 key wins and no file is written', async () => {
  const dir = await tempDir();
  const key = randomBytes(32);
  assert.deepEqual(await loadMasterKey({ dataDir: dir, base64Key: key.toString('base64') }), key);
  assert.deepEqual(await readdir(dir), []);
});

const badKeys: [string, string][] = [
  ['not base64', 'not*base64!'],
  ['16 bytes', randomBytes(16).toString('base64')],
  ['33 bytes', randomBytes(33).toString('base64')],
  ['empty', ''],
];
for (const [name, value] of badKeys) {
  test(`a configured key that is ${name} is a clear MasterKeyInvalid error`, async () => {
    await assert.rejects(loadMasterKey({ dataDir: await tempDir(), base64Key: value }), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'MasterKeyInvalid');
      assert.match(err.message, /32/);
      if (value.length > 0) assert.equal(err.message.includes(value), false);
      return true;
    });
  });
}

test('a corrupt key file is refused', async () => {
  const dir = await tempDir();
  await writeFile(join(dir, MASTER_KEY_FILE), 'c2hvcnQ=\n', { mode: 0o600 });
  await assert.rejects(loadMasterKey({ dataDir: dir }), { code: 'MasterKeyInvalid' });
});
