import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGitRemotes } from './git-remotes.js';
import { resolveUpConfig } from './up.js';

test('PATTERN=URL pairs, separated by commas, blanks ignored', () => {
  assert.deepEqual(parseGitRemotes(' me/app=/home/me/src/app , acme/*=https://git.example.com/{id}.git,,*=https://github.com/{owner}/{repo}.git'), {
    rules: [
      { pattern: 'me/app', url: '/home/me/src/app' },
      { pattern: 'acme/*', url: 'https://git.example.com/{id}.git' },
      { pattern: '*', url: 'https://github.com/{owner}/{repo}.git' },
    ],
  });
  assert.deepEqual(parseGitRemotes(undefined), { rules: [] });
  // A URL may itself hold '=' (a query string); only the first one splits.
  assert.deepEqual(parseGitRemotes('a/b=https://h/x?y=z'), { rules: [{ pattern: 'a/b', url: 'https://h/x?y=z' }] });
});

test('malformed entries are refused with the entry named', () => {
  const problem = (text: string): string => {
    const r = parseGitRemotes(text);
    assert.ok('problem' in r, `expected a problem for ${text}`);
    return r.problem;
  };
  assert.match(problem('me/app'), /"me\/app" is not PATTERN=URL/);
  assert.match(problem('=/x'), /is not PATTERN=URL/);
  assert.match(problem('me/app='), /is not PATTERN=URL/);
  assert.match(problem('app=/x'), /"app" is not a repository pattern/);
  assert.match(problem('../x=/x'), /is not a repository pattern/);
  assert.match(problem('me/*x=/x'), /is not a repository pattern/);
  assert.match(problem('*=/srv/{name}.git'), /unknown placeholder \{name\}/);
});

test('--git-remotes and --poll-interval go through the config schema', () => {
  const ok = resolveUpConfig({ gitRemotes: '*=https://github.com/{id}.git', pollInterval: '5' }, {});
  assert.ok('config' in ok);
  assert.equal(ok.config.pollInterval, 5);
  assert.equal(ok.config.gitRemotes, '*=https://github.com/{id}.git');
  const defaults = resolveUpConfig({}, {});
  assert.ok('config' in defaults);
  assert.equal(defaults.config.pollInterval, 60);
  const bad = resolveUpConfig({}, { NAGARE_GIT_REMOTES: 'nope' });
  assert.ok('problems' in bad);
  assert.equal(bad.problems[0]?.option, '--git-remotes / NAGARE_GIT_REMOTES');
  assert.match(bad.problems[0]?.message ?? '', /"nope" is not PATTERN=URL/);
});
