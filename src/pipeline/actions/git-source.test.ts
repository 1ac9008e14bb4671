import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cloneRefDocument } from './git-source.js';

test('the clone reference object names repository, branch and commit, never credentials', () => {
  const doc = JSON.parse(cloneRefDocument({ url: 'https://user:token@git.example.com/acme/app.git', branch: 'main', commitId: 'a'.repeat(40), hosted: false })) as Record<string, string>;
  assert.deepEqual(doc, { format: 'CODEBUILD_CLONE_REF', repositoryUrl: 'https://git.example.com/acme/app.git', branch: 'main', commitId: 'a'.repeat(40) });
  const local = JSON.parse(cloneRefDocument({ url: '/srv/git/app.git', branch: 'dev', commitId: 'b'.repeat(40), hosted: false })) as { repositoryUrl: string };
  assert.equal(local.repositoryUrl, '/srv/git/app.git');
});
