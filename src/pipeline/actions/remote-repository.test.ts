import assert from 'node:assert/strict';
import { test } from 'node:test';
import { remoteFor } from './remote-repository.js';

const rules = [
  { pattern: '*', url: 'https://github.com/{id}.git' },
  { pattern: 'acme/*', url: '/srv/acme/{repo}.git' },
  { pattern: 'acme/special', url: 'ssh://git@example.com/{owner}/{repo}' },
  { pattern: 'group/sub/*', url: 'https://gitlab.example.com/{id}' },
];

test('an exact id beats owner/*, which beats *; ids match ignoring case', () => {
  assert.deepEqual(remoteFor(rules, 'acme/special'), { url: 'ssh://git@example.com/acme/special' });
  assert.deepEqual(remoteFor(rules, 'ACME/Special'), { url: 'ssh://git@example.com/ACME/Special' });
  assert.deepEqual(remoteFor(rules, 'acme/app'), { url: '/srv/acme/app.git' });
  assert.deepEqual(remoteFor(rules, 'someone/else'), { url: 'https://github.com/someone/else.git' });
  assert.deepEqual(remoteFor(rules, 'group/sub/project'), { url: 'https://gitlab.example.com/group/sub/project' });
});

test('owner/* does not reach into nested groups, and no rule means no remote', () => {
  assert.deepEqual(remoteFor([{ pattern: 'acme/*', url: '/srv/{repo}' }], 'acme/sub/app'), undefined);
  assert.deepEqual(remoteFor([], 'acme/app'), undefined);
  assert.deepEqual(remoteFor(undefined, 'acme/app'), undefined);
});

test('an id that is not plain name segments never becomes a URL or path', () => {
  for (const id of ['acme/..', '../etc', 'acme/app/../../x', 'acme//app', 'acme/a b', 'acme/$(id)', 'acme', 'acme/-upload-pack=x;']) {
    assert.equal(remoteFor(rules, id), undefined, id);
  }
});
