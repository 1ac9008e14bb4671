import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../shared/index.js';
import { branchNameProblem, checkRepositoryName, commitSpecifierProblem, repositoryNameProblem } from './names.js';

test('repository names: CodeCommit pattern, length, no .git suffix, never dots only', () => {
  const ok = ['a', 'ai-kirinuki-kun', 'My_Repo.v2', 'x'.repeat(100), '.hidden', 'a..b'];
  const bad = ['', 'x'.repeat(101), 'a/b', 'a b', '..', '.', '...', 'repo.git', 'REPO.GIT', 'ü', 'a%2fb', 'a\\b', 'a\nb'];
  for (const n of ok) assert.equal(repositoryNameProblem(n), undefined, n);
  for (const n of bad) assert.notEqual(repositoryNameProblem(n), undefined, JSON.stringify(n));
});

test('checkRepositoryName: missing vs invalid are different errors', () => {
  const code = (n: string | undefined): string => {
    try {
      checkRepositoryName(n);
      return 'ok';
    } catch (e) {
      return isAppError(e) ? e.code : 'other';
    }
  };
  assert.equal(code(undefined), 'RepositoryNameRequired');
  assert.equal(code(''), 'RepositoryNameRequired');
  assert.equal(code('../x'), 'InvalidRepositoryName');
  assert.equal(code('fine'), 'ok');
});

test('branch names follow git check-ref-format', () => {
  const ok = ['main', 'feature/x', 'release-1.2', 'a@b', 'ユーザー'];
  const bad = ['', '-x', '@', 'a..b', 'a b', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[', 'a\\b', '/a', 'a/', 'a.', 'a//b', '.a', 'x/.a', 'a.lock', 'a/b.lock', 'a@{1}', 'x'.repeat(257)];
  for (const n of ok) assert.equal(branchNameProblem(n), undefined, n);
  for (const n of bad) assert.notEqual(branchNameProblem(n), undefined, JSON.stringify(n));
});

test('commit specifiers never become git options or ranges', () => {
  for (const s of ['main', 'HEAD', 'refs/tags/v1', 'a'.repeat(40), 'v1.0']) assert.equal(commitSpecifierProblem(s), undefined, s);
  for (const s of ['', '--all', '-n', 'a..b', ':/fix', 'a\nb']) assert.notEqual(commitSpecifierProblem(s), undefined, s);
});
