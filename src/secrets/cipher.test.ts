import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { AppError } from '../shared/index.js';
import { createCipher } from './cipher.js';

const key = randomBytes(32);
const plain = Buffer.from('p@ss — with ünïcode', 'utf8');

test('round-trips a value and never stores the plaintext', () => {
  const c = createCipher(key);
  const env = c.encrypt(plain, 'ctx');
  assert.equal(env[0], 1, 'format version byte');
  assert.equal(env[1], 1, 'key id byte');
  assert.equal(env.includes(plain), false);
  assert.deepEqual(c.decrypt(env, 'ctx'), plain);
});

test('uses a fresh IV per value', () => {
  const c = createCipher(key);
  assert.notDeepEqual(c.encrypt(plain, 'ctx'), c.encrypt(plain, 'ctx'));
});

const failures: [string, (env: Buffer) => { env: Buffer; key?: Buffer; ctx?: string }][] = [
  ['a flipped ciphertext byte', (env) => { const e = Buffer.from(env); e[e.length - 1] = (e[e.length - 1] as number) ^ 1; return { env: e }; }],
  ['a flipped tag byte', (env) => { const e = Buffer.from(env); e[20] = (e[20] as number) ^ 1; return { env: e }; }],
  ['a flipped IV byte', (env) => { const e = Buffer.from(env); e[3] = (e[3] as number) ^ 1; return { env: e }; }],
  ['a changed key id byte', (env) => { const e = Buffer.from(env); e[1] = 2; return { env: e }; }],
  ['an unknown format version', (env) => { const e = Buffer.from(env); e[0] = 9; return { env: e }; }],
  ['a truncated envelope', (env) => ({ env: env.subarray(0, 10) })],
  ['the wrong key', (env) => ({ env, key: randomBytes(32) })],
  ['another context (value moved to another row)', (env) => ({ env, ctx: 'other' })],
];

for (const [name, mutate] of failures) {
  test(`refuses ${name} with DecryptionFailed`, () => {
    const env = createCipher(key).encrypt(plain, 'ctx');
    const m = mutate(env);
    const c = createCipher(m.key ?? key);
    assert.throws(() => c.decrypt(m.env, m.ctx ?? 'ctx'), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.code, 'DecryptionFailed');
      assert.equal(err.fault, 'system');
      assert.equal(err.message.includes('p@ss'), false);
      return true;
    });
  });
}

test('decrypts values written under a retired key after rotation', () => {
  const oldKey = randomBytes(32);
  const env = createCipher(oldKey, { keyId: 1 }).encrypt(plain, 'ctx');
  const rotated = createCipher(key, { keyId: 2, retiredKeys: new Map([[1, oldKey]]) });
  assert.deepEqual(rotated.decrypt(env, 'ctx'), plain);
  assert.equal(rotated.encrypt(plain, 'ctx')[1], 2);
});

for (const bad of [Buffer.alloc(0), randomBytes(16), randomBytes(33)]) {
  test(`rejects a ${bad.length}-byte master key`, () => {
    assert.throws(() => createCipher(bad), { code: 'MasterKeyInvalid' });
  });
}
