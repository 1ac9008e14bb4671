import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matchDefaultBranch, matchSourceAction, matchTrigger, type TriggerDecision } from './git-trigger-match.js';
import type { GitConfiguration, GitTriggerEvent, PipelineTriggerDeclaration } from './trigger-types.js';
import { validateTriggerPatterns } from './trigger-validate.js';

const SHA = 'a'.repeat(40);
const PR_SHA = 'b'.repeat(40);
const trig = (git: Omit<GitConfiguration, 'sourceActionName'>): PipelineTriggerDeclaration => ({
  providerType: 'CodeStarSourceConnection',
  gitConfiguration: { sourceActionName: 'Source', ...git },
});
const push = (ref: string, changedFiles?: string[], deleted = false): GitTriggerEvent => ({ type: 'push', ref, revision: SHA, deleted, changedFiles });
const pr = (event: 'OPEN' | 'UPDATED' | 'CLOSED', targetBranch: string, changedFiles?: string[]): GitTriggerEvent => ({
  type: 'pullRequest',
  event,
  targetBranch,
  sourceBranch: 'feature/x',
  revision: PR_SHA,
  changedFiles,
});
const short = (d: TriggerDecision): string => (d.kind === 'fire' ? `fire ${d.revision === SHA ? 'push' : 'pr'} ${d.filter ?? d.by}` : d.kind);

describe('V2 trigger matching (C.6)', () => {
  const cases: Array<[name: string, trigger: PipelineTriggerDeclaration, event: GitTriggerEvent, expected: string]> = [
    ['branch include', trig({ push: [{ branches: { includes: ['main'] } }] }), push('refs/heads/main'), 'fire push push[0]'],
    ['branch names lose refs/heads/', trig({ push: [{ branches: { includes: ['refs/heads/main'] } }] }), push('refs/heads/main'), 'skip'],
    ['branch glob', trig({ push: [{ branches: { includes: ['release/**'] } }] }), push('refs/heads/release/1/2'), 'fire push push[0]'],
    ['* stays in a segment', trig({ push: [{ branches: { includes: ['release/*'] } }] }), push('refs/heads/release/1/2'), 'skip'],
    ['exclude beats include', trig({ push: [{ branches: { includes: ['**'], excludes: ['wip/**'] } }] }), push('refs/heads/wip/a'), 'skip'],
    ['excludes only', trig({ push: [{ branches: { excludes: ['wip/**'] } }] }), push('refs/heads/main'), 'fire push push[0]'],
    ['second filter is an alternative', trig({ push: [{ branches: { includes: ['dev'] } }, { branches: { includes: ['main'] } }] }), push('refs/heads/main'), 'fire push push[1]'],
    ['tag filter on tag push', trig({ push: [{ tags: { includes: ['v*'] } }] }), push('refs/tags/v1.2'), 'fire push push[0]'],
    ['tag filter ignores branch push', trig({ push: [{ tags: { includes: ['**'] } }] }), push('refs/heads/v1'), 'skip'],
    ['branch filter ignores tag push', trig({ push: [{ branches: { includes: ['**'] } }] }), push('refs/tags/v1'), 'skip'],
    ['tag names lose refs/tags/', trig({ push: [{ tags: { includes: ['v1'] } }] }), push('refs/tags/v1'), 'fire push push[0]'],
    ['tag exclude', trig({ push: [{ tags: { includes: ['v*'], excludes: ['*-rc*'] } }] }), push('refs/tags/v2-rc1'), 'skip'],
    ['file paths: any changed file', trig({ push: [{ branches: { includes: ['main'] }, filePaths: { includes: ['src/**'] } }] }), push('refs/heads/main', ['README.md', 'src/a/b.ts']), 'fire push push[0]'],
    ['file paths: none match', trig({ push: [{ branches: { includes: ['main'] }, filePaths: { includes: ['src/**'] } }] }), push('refs/heads/main', ['README.md']), 'skip'],
    ['file paths: only excluded files changed', trig({ push: [{ branches: { includes: ['main'] }, filePaths: { excludes: ['docs/**'] } }] }), push('refs/heads/main', ['docs/a.md']), 'skip'],
    ['file paths: an excluded and a kept file', trig({ push: [{ branches: { includes: ['main'] }, filePaths: { excludes: ['docs/**'] } }] }), push('refs/heads/main', ['docs/a.md', 'x.ts']), 'fire push push[0]'],
    ['file paths: no changed files', trig({ push: [{ branches: { includes: ['main'] }, filePaths: { includes: ['**'] } }] }), push('refs/heads/main', []), 'skip'],
    ['file paths unknown → ask', trig({ push: [{ branches: { includes: ['main'] }, filePaths: { includes: ['src/**'] } }] }), push('refs/heads/main'), 'needs-changed-files'],
    ['file paths unknown but branch fails → skip', trig({ push: [{ branches: { includes: ['dev'] }, filePaths: { includes: ['src/**'] } }] }), push('refs/heads/main'), 'skip'],
    ['file paths unknown, another filter fires', trig({ push: [{ branches: { includes: ['main'] }, filePaths: { includes: ['src/**'] } }, { branches: { includes: ['main'] } }] }), push('refs/heads/main'), 'fire push push[1]'],
    ['filePaths-only filter is a branch filter', trig({ push: [{ filePaths: { includes: ['**'] } }] }), push('refs/heads/x', ['a/b']), 'fire push push[0]'],
    ['filePaths-only filter ignores tags', trig({ push: [{ filePaths: { includes: ['**'] } }] }), push('refs/tags/x', ['a/b']), 'skip'],
    ['deleted branch never fires', trig({ push: [{ branches: { includes: ['**'] } }] }), push('refs/heads/main', [], true), 'skip'],
    ['push only trigger ignores PRs', trig({ push: [{ branches: { includes: ['**'] } }] }), pr('OPEN', 'main'), 'skip'],
    ['PR target branch', trig({ pullRequest: [{ events: ['OPEN'], branches: { includes: ['main'] } }] }), pr('OPEN', 'main'), 'fire pr pullRequest[0]'],
    ['PR source branch is not what is filtered', trig({ pullRequest: [{ branches: { includes: ['feature/**'] } }] }), pr('OPEN', 'main'), 'skip'],
    ['PR event not listed', trig({ pullRequest: [{ events: ['OPEN', 'CLOSED'], branches: { includes: ['main'] } }] }), pr('UPDATED', 'main'), 'skip'],
    ['PR events omitted = all', trig({ pullRequest: [{ branches: { includes: ['main'] } }] }), pr('CLOSED', 'main'), 'fire pr pullRequest[0]'],
    ['PR file paths need the files API', trig({ pullRequest: [{ branches: { includes: ['main'] }, filePaths: { includes: ['src/**'] } }] }), pr('UPDATED', 'main'), 'needs-changed-files'],
    ['PR file paths known', trig({ pullRequest: [{ branches: { includes: ['main'] }, filePaths: { includes: ['src/**'] } }] }), pr('UPDATED', 'main', ['src/x']), 'fire pr pullRequest[0]'],
    ['PR only trigger ignores pushes', trig({ pullRequest: [{ branches: { includes: ['**'] } }] }), push('refs/heads/main'), 'skip'],
    ['other refs never fire', trig({ push: [{ branches: { includes: ['**'] } }] }), push('refs/notes/commits'), 'skip'],
  ];
  for (const [name, trigger, event, expected] of cases) {
    test(name, () => assert.equal(short(matchTrigger(trigger, event)), expected));
  }

  test('a PR runs the source-branch head, a push the pushed tip', () => {
    const t = trig({ push: [{ branches: { includes: ['**'] } }], pullRequest: [{ branches: { includes: ['**'] } }] });
    assert.deepEqual(matchTrigger(t, pr('OPEN', 'main')), { kind: 'fire', revision: PR_SHA, by: 'trigger', filter: 'pullRequest[0]' });
    assert.deepEqual(matchTrigger(t, push('refs/heads/x')), { kind: 'fire', revision: SHA, by: 'trigger', filter: 'push[0]' });
  });
});

describe('default rule (no trigger for the action)', () => {
  const cases: Array<[name: string, config: Record<string, string>, event: GitTriggerEvent, expected: string]> = [
    ['push to BranchName', { BranchName: 'main' }, push('refs/heads/main'), 'fire push default'],
    ['push elsewhere', { BranchName: 'main' }, push('refs/heads/dev'), 'skip'],
    ['no glob in BranchName', { BranchName: 'ma*' }, push('refs/heads/main'), 'skip'],
    ['GitHub v1 Branch key', { Branch: 'main' }, push('refs/heads/main'), 'fire push default'],
    ['tag with the branch name', { BranchName: 'main' }, push('refs/tags/main'), 'skip'],
    ['deleted', { BranchName: 'main' }, push('refs/heads/main', [], true), 'skip'],
    ['PR never', { BranchName: 'main' }, pr('OPEN', 'main'), 'skip'],
    ['DetectChanges false', { BranchName: 'main', DetectChanges: 'false' }, push('refs/heads/main'), 'skip'],
    ['no branch configured', {}, push('refs/heads/main'), 'skip'],
  ];
  for (const [name, config, event, expected] of cases) {
    test(name, () => assert.equal(short(matchDefaultBranch(config, event)), expected));
  }

  test('a trigger for the action disables the default rule; another action keeps it', () => {
    const triggers = [trig({ push: [{ branches: { includes: ['release/*'] } }] })];
    const source = { name: 'Source', configuration: { BranchName: 'main' } };
    const other = { name: 'Other', configuration: { BranchName: 'main' } };
    assert.equal(matchSourceAction(source, triggers, push('refs/heads/main')).kind, 'skip');
    assert.equal(matchSourceAction(source, triggers, push('refs/heads/release/1')).kind, 'fire');
    assert.deepEqual(matchSourceAction(other, triggers, push('refs/heads/main')), { kind: 'fire', revision: SHA, by: 'default' });
  });
});

describe('trigger pattern validation', () => {
  test('reports every bad pattern with its path', () => {
    const diags = validateTriggerPatterns([
      trig({ push: [{ branches: { includes: ['ok', 'bad['] } }], pullRequest: [{ filePaths: { excludes: ['{a,{b}}'] } }] }),
    ]);
    assert.deepEqual(
      diags.map((d) => d.path),
      ['triggers[0].gitConfiguration.push[0].branches.includes[1]', 'triggers[0].gitConfiguration.pullRequest[0].filePaths.excludes[0]'],
    );
    assert.match(diags[0]?.message ?? '', /Missing '\]' near index 3/);
    assert.match(diags[1]?.message ?? '', /Cannot nest groups/);
  });
  test('valid patterns give no diagnostics', () => {
    assert.deepEqual(validateTriggerPatterns([trig({ push: [{ tags: { includes: ['v[0-9]*'] }, branches: { excludes: ['{a,b}/**'] } }] })]), []);
  });
});
