import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { GithubPayloadError } from './errors.js';
import { matchTrigger } from './git-trigger-match.js';
import { decodeGithubBody, GITHUB_PUSH_COMMITS_CAP, prEventForAction, readGithubDelivery, toTriggerEvent } from './github-payload.js';
import { isObject, type JsonObject } from './json-value.js';

// Real payloads collected by octokit (devDependency @octokit/webhooks-examples).
const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as Array<{ name: string; examples: unknown[] }>;
const examplesOf = (name: string): JsonObject[] => (definitions.find((d) => d.name === name)?.examples ?? []).filter(isObject);

describe('octokit push examples', () => {
  const pushes = examplesOf('push');
  test('there are push examples to test against', () => assert.ok(pushes.length >= 5));
  pushes.forEach((p, i) => {
    test(`push #${i} (${String(p['ref'])}) parses and agrees with the raw payload`, () => {
      const d = readGithubDelivery('push', p);
      assert.equal(d.event, 'push');
      if (d.event !== 'push') return;
      assert.equal(d.ref, p['ref']);
      assert.equal(d.after, p['after']);
      assert.equal(d.deleted, p['deleted']);
      assert.equal(d.repository.fullName, 'Codertocat/Hello-World');
      assert.match(d.repository.cloneUrl ?? '', /^https:\/\/github\.com\/.+\.git$/);
      assert.equal(d.changedFilesComplete, true);
      assert.equal(d.headCommit === undefined, p['head_commit'] === null);
      const e = toTriggerEvent(d);
      assert.equal(e?.type, 'push');
    });
  });

  test('a branch push: changed files, head commit and the tip to build', () => {
    const p = pushes.find((x) => x['ref'] === 'refs/heads/master');
    assert.ok(p);
    const d = readGithubDelivery('push', p);
    assert.ok(d.event === 'push');
    const commits = p['commits'] as JsonObject[];
    const expected = new Set(commits.flatMap((c) => ['added', 'removed', 'modified'].flatMap((k) => c[k] as string[])));
    assert.deepEqual(new Set(d.changedFiles), expected);
    assert.ok(d.changedFiles.length > 0);
    assert.equal(d.headCommit?.id, d.after);
    assert.equal(typeof d.headCommit?.message, 'string');
    assert.equal(typeof d.headCommit?.timestamp, 'string');
    assert.equal(typeof d.headCommit?.author?.name, 'string');
    const t = matchTrigger(
      { providerType: 'CodeStarSourceConnection', gitConfiguration: { sourceActionName: 'S', push: [{ branches: { includes: ['master'] }, filePaths: { includes: ['**'] } }] } },
      toTriggerEvent(d) as NonNullable<ReturnType<typeof toTriggerEvent>>,
    );
    assert.deepEqual(t, { kind: 'fire', revision: d.after, by: 'trigger', filter: 'push[0]' });
  });

  test('tag deletion pushes are deleted and never fire', () => {
    const deletions = pushes.filter((x) => x['deleted'] === true);
    assert.ok(deletions.length > 0);
    for (const p of deletions) {
      const e = toTriggerEvent(readGithubDelivery('push', p));
      assert.ok(e?.type === 'push' && e.deleted === true);
      const t = matchTrigger({ providerType: 'CodeStarSourceConnection', gitConfiguration: { sourceActionName: 'S', push: [{ tags: { includes: ['**'] } }] } }, e);
      assert.equal(t.kind, 'skip');
    }
  });
});

describe('octokit pull_request examples', () => {
  const prs = examplesOf('pull_request');
  test('there are pull_request examples to test against', () => assert.ok(prs.length >= 20));
  prs.forEach((p, i) => {
    test(`pull_request #${i} (${String(p['action'])}) parses`, () => {
      const d = readGithubDelivery('pull_request', p);
      assert.ok(d.event === 'pull_request');
      const pr = p['pull_request'] as JsonObject;
      assert.equal(d.number, p['number']);
      assert.equal(d.targetBranch, (pr['base'] as JsonObject)['ref']);
      assert.equal(d.sourceBranch, (pr['head'] as JsonObject)['ref']);
      assert.equal(d.headSha, (pr['head'] as JsonObject)['sha']);
      assert.equal(d.prEvent, prEventForAction(d.action));
      const e = toTriggerEvent(d);
      if (d.prEvent === undefined) assert.equal(e, undefined);
      else assert.deepEqual(e, { type: 'pullRequest', event: d.prEvent, targetBranch: 'master', sourceBranch: 'changes', revision: d.headSha });
    });
  });
  test('opened, reopened, synchronize and closed are all present among the examples', () => {
    const actions = new Set(prs.map((p) => p['action']));
    for (const a of ['opened', 'reopened', 'synchronize', 'closed']) assert.ok(actions.has(a), a);
  });
});

describe('PR action mapping', () => {
  const cases: Array<[string, string | undefined]> = [
    ['opened', 'OPEN'],
    ['reopened', 'OPEN'],
    ['synchronize', 'UPDATED'],
    ['closed', 'CLOSED'],
    ['edited', undefined],
    ['labeled', undefined],
    ['ready_for_review', undefined],
    ['converted_to_draft', undefined],
  ];
  for (const [action, expected] of cases) test(`${action} → ${String(expected)}`, () => assert.equal(prEventForAction(action), expected));
});

describe('ping and other events', () => {
  examplesOf('ping').forEach((p, i) => {
    test(`ping #${i} parses`, () => {
      const d = readGithubDelivery('ping', p);
      assert.equal(d.event, 'ping');
      assert.equal(toTriggerEvent(d), undefined);
    });
  });
  test('unknown events are "other", never errors', () => {
    assert.deepEqual(readGithubDelivery('release', { nonsense: true }), { event: 'other', name: 'release' });
  });
});

describe('synthetic edge cases', () => {
  const base = { ref: 'refs/heads/main', before: '1'.repeat(40), after: '2'.repeat(40), repository: { full_name: 'o/r' }, head_commit: null };
  test(`${GITHUB_PUSH_COMMITS_CAP} commits: file list flagged incomplete, matcher must ask`, () => {
    const commits = Array.from({ length: GITHUB_PUSH_COMMITS_CAP }, (_, i) => ({ id: String(i), added: [`f${i}`], removed: [], modified: [] }));
    const d = readGithubDelivery('push', { ...base, commits });
    assert.ok(d.event === 'push');
    assert.equal(d.changedFilesComplete, false);
    const e = toTriggerEvent(d);
    assert.ok(e?.type === 'push' && e.changedFiles === undefined);
  });
  test('union of added/removed/modified without duplicates, first-seen order', () => {
    const commits = [
      { id: 'a', added: ['x', 'y'], removed: [], modified: ['z'] },
      { id: 'b', added: [], removed: ['x'], modified: ['w'] },
    ];
    const d = readGithubDelivery('push', { ...base, commits });
    assert.ok(d.event === 'push');
    assert.deepEqual(d.changedFiles, ['x', 'y', 'z', 'w']);
  });
  test('all-zero after means deleted even without the flag', () => {
    const d = readGithubDelivery('push', { ...base, after: '0'.repeat(40), commits: [] });
    assert.ok(d.event === 'push' && d.deleted);
  });
  test('annotated tag: build the commit, not the tag object', () => {
    const d = readGithubDelivery('push', { ...base, ref: 'refs/tags/v1', after: 'f'.repeat(40), commits: [], head_commit: { id: 'c'.repeat(40), message: 'm' } });
    assert.equal(toTriggerEvent(d)?.revision, 'c'.repeat(40));
  });
  test('fork PRs name the head repository', () => {
    const d = readGithubDelivery('pull_request', {
      action: 'opened',
      number: 7,
      repository: { full_name: 'o/r' },
      pull_request: { merged: false, head: { ref: 'fix', sha: 'h', repo: { full_name: 'fork/r' } }, base: { ref: 'main', sha: 'b' } },
    });
    assert.ok(d.event === 'pull_request' && d.headRepositoryFullName === 'fork/r');
  });
  const bad: Array<[string, string, unknown]> = [
    ['push without ref', 'push', { ...base, ref: undefined }],
    ['push without repository', 'push', { ...base, repository: undefined }],
    ['push that is not an object', 'push', []],
    ['PR without head', 'pull_request', { action: 'opened', number: 1, repository: { full_name: 'o/r' }, pull_request: { base: { ref: 'm', sha: 's' } } }],
  ];
  for (const [name, event, payload] of bad) {
    test(`${name} → GithubPayloadError`, () => assert.throws(() => readGithubDelivery(event, payload), GithubPayloadError));
  }
});

describe('decodeGithubBody', () => {
  const json = '{"ref":"refs/heads/main","x":"\u00e9"}';
  test('application/json (with charset)', () => {
    assert.deepEqual(decodeGithubBody(Buffer.from(json), 'application/json; charset=utf-8'), JSON.parse(json));
  });
  test('form-encoded payload=', () => {
    const body = Buffer.from(`payload=${encodeURIComponent(json)}`);
    assert.deepEqual(decodeGithubBody(body, 'application/x-www-form-urlencoded'), JSON.parse(json));
  });
  test('form-encoded without payload, and broken JSON, are payload errors', () => {
    assert.throws(() => decodeGithubBody(Buffer.from('a=b'), 'application/x-www-form-urlencoded'), GithubPayloadError);
    assert.throws(() => decodeGithubBody(Buffer.from('{'), 'application/json'), GithubPayloadError);
  });
});
