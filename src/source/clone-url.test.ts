import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cloneUrlHttp, parseGitPath, repositoryByCloneUrl } from './clone-url.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };

test('clone URLs carry region and account and round-trip', () => {
  const url = cloneUrlHttp('http://127.0.0.1:4566', scope, 'ai-kirinuki-kun');
  assert.equal(url, 'http://127.0.0.1:4566/git/us-east-1/000000000000/v1/repos/ai-kirinuki-kun');
  assert.deepEqual(repositoryByCloneUrl(url), { scope, name: 'ai-kirinuki-kun' });
  assert.deepEqual(repositoryByCloneUrl(url + '/'), { scope, name: 'ai-kirinuki-kun' });
});

test('AWS clone URLs map back only when the account is known', () => {
  const url = 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app';
  assert.equal(repositoryByCloneUrl(url), undefined);
  assert.deepEqual(repositoryByCloneUrl(url, { accountId: '123456789012' }), { scope: { accountId: '123456789012', region: 'eu-west-1' }, name: 'app' });
});

test('parseGitPath: the git endpoints of a repository', () => {
  assert.deepEqual(parseGitPath('/git/us-east-1/000000000000/v1/repos/app/info/refs'), { scope, name: 'app', rest: 'info/refs' });
  assert.deepEqual(parseGitPath('/git/us-east-1/000000000000/v1/repos/app/git-receive-pack'), { scope, name: 'app', rest: 'git-receive-pack' });
  assert.deepEqual(parseGitPath('/git/us-east-1/000000000000/v1/repos/app'), { scope, name: 'app', rest: '' });
});

test('parseGitPath refuses traversal and malformed parts in every spelling', () => {
  const bad = [
    '/git/us-east-1/000000000000/v1/repos/../info/refs',
    '/git/us-east-1/000000000000/v1/repos/./info/refs',
    '/git/us-east-1/000000000000/v1/repos/app/../../x/info/refs',
    '/git/us-east-1/000000000000/v1/repos/%2e%2e/info/refs',
    '/git/us-east-1/000000000000/v1/repos/app%2f..%2f/info/refs',
    '/git/US_EAST/000000000000/v1/repos/app/info/refs',
    '/git/us-east-1/0000/v1/repos/app/info/refs',
    '/git/us-east-1/000000000000/v2/repos/app/info/refs',
    '/git/us-east-1/000000000000/v1/repos/app.git/info/refs',
    '/git/us-east-1/000000000000/v1/repos/app//info/refs',
    '/git/us-east-1/000000000000/v1/repos/',
    '/s3/bucket',
  ];
  for (const p of bad) assert.equal(parseGitPath(p), undefined, p);
});
