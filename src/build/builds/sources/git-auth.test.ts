import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayUrl, gitAuthEnv, hostedGitAuth } from './git-auth.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret/key' };

test('the key goes to nagare’s own origin only, as a header scoped to it', () => {
  const auth = hostedGitAuth({ credentials }, 'http://127.0.0.1:4566');
  assert.deepEqual(auth, { origin: 'http://127.0.0.1:4566', credentials });
  const env = gitAuthEnv('http://127.0.0.1:4566/git/us-east-1/000000000000/v1/repos/app', auth);
  assert.equal(env.GIT_CONFIG_KEY_0, 'http.http://127.0.0.1:4566/.extraHeader');
  assert.equal(env.GIT_CONFIG_VALUE_0, `Authorization: Basic ${Buffer.from('AKIDEXAMPLE:secret/key').toString('base64')}`);
  for (const other of ['http://127.0.0.1:4567/git/x', 'https://127.0.0.1:4566/git/x', 'http://evil.example/git/us-east-1/000000000000/v1/repos/app', '/srv/repo.git', 'git@github.com:a/b.git']) {
    assert.deepEqual(gitAuthEnv(other, auth), {}, other);
  }
});

test('no key or no endpoint: no auth at all', () => {
  assert.equal(hostedGitAuth({}, 'http://127.0.0.1:4566'), undefined);
  assert.equal(hostedGitAuth({ credentials }, undefined), undefined);
  assert.deepEqual(gitAuthEnv('http://127.0.0.1:4566/git/x', undefined), {});
});

test('URLs shown to builds lose their user and password', () => {
  assert.equal(displayUrl('https://user:tok@github.com/a/b.git'), 'https://github.com/a/b.git');
  assert.equal(displayUrl('https://github.com/a/b.git'), 'https://github.com/a/b.git');
  assert.equal(displayUrl('/srv/a.git'), '/srv/a.git');
});
