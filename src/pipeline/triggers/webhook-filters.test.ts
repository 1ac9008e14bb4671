import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { JsonPathSyntaxError } from './errors.js';
import { evaluateWebhookFilters, substitutePlaceholders, validateFilter, validateFilters, type WebhookFilterRule } from './webhook-filters.js';

const defs = createRequire(import.meta.url)('@octokit/webhooks-examples') as Array<{ name: string; examples: unknown[] }>;
const examples = (name: string): unknown[] => defs.find((d) => d.name === name)?.examples ?? [];
const pass = (body: unknown, filters: WebhookFilterRule[], config: Record<string, string> = {}): boolean => evaluateWebhookFilters(body, filters, config).ok;
const BRANCH_FILTER: WebhookFilterRule = { jsonPath: '$.ref', matchEquals: 'refs/heads/{Branch}' };

describe('placeholders', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['refs/heads/{Branch}', { Branch: 'main' }, 'refs/heads/main'],
    ['{Owner}/{Repo}', { Owner: 'o', Repo: 'r' }, 'o/r'],
    ['refs/heads/{Missing}', { Branch: 'main' }, 'refs/heads/{Missing}'],
    ['{{Branch}}', { Branch: 'x' }, '{x}'],
    ['no placeholders', { Branch: 'x' }, 'no placeholders'],
    ['{toString}', {}, '{toString}'], // no prototype keys
  ];
  for (const [t, c, e] of cases) test(`${t} → ${e}`, () => assert.equal(substitutePlaceholders(t, c), e));
});

describe('octokit push examples against the standard branch filter', () => {
  const pushes = examples('push') as Array<{ ref: string }>;
  pushes.forEach((p, i) => {
    test(`push #${i} ${p.ref}`, () => {
      assert.equal(pass(p, [BRANCH_FILTER], { Branch: 'master' }), p.ref === 'refs/heads/master');
      assert.equal(pass(p, [BRANCH_FILTER], { Branch: 'main' }), false);
      assert.equal(pass(p, [{ jsonPath: '$.repository.full_name', matchEquals: 'Codertocat/Hello-World' }]), true);
    });
  });
  test('every filter must pass (AND)', () => {
    const p = pushes.find((x) => x.ref === 'refs/heads/master');
    const repo = { jsonPath: "$['repository']['full_name']", matchEquals: '{Owner}/{Repo}' };
    assert.equal(pass(p, [BRANCH_FILTER, repo], { Branch: 'master', Owner: 'Codertocat', Repo: 'Hello-World' }), true);
    const r = evaluateWebhookFilters(p, [BRANCH_FILTER, repo], { Branch: 'master', Owner: 'someone', Repo: 'Hello-World' });
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.index === 1 && r.expected === 'someone/Hello-World');
    assert.ok(!r.ok && r.message.includes('"Codertocat/Hello-World"'), !r.ok ? r.message : '');
  });
  test('wildcards pass when any selected value equals; scalars compare as text', () => {
    const p = pushes.find((x) => x.ref === 'refs/heads/master');
    assert.equal(pass(p, [{ jsonPath: '$.commits[*].author.username', matchEquals: 'Codertocat' }]), true);
    assert.equal(pass(p, [{ jsonPath: '$..username', matchEquals: 'nobody' }]), false);
    assert.equal(pass(p, [{ jsonPath: '$.deleted', matchEquals: 'false' }]), true);
    assert.equal(pass(p, [{ jsonPath: '$.repository.id', matchEquals: '186853002' }]), true);
    assert.equal(pass(p, [{ jsonPath: '$.repository.owner', matchEquals: '[object Object]' }]), false);
  });
  test('a deleted-tag push: head_commit is null and selects nothing useful', () => {
    const p = pushes.find((x) => (x as unknown as { deleted: boolean }).deleted);
    assert.equal(pass(p, [{ jsonPath: '$.head_commit' }]), false);
    assert.equal(pass(p, [{ jsonPath: '$.head_commit.id', matchEquals: 'null' }]), false);
  });
});

describe('octokit pull_request and ping examples', () => {
  (examples('pull_request') as Array<{ action: string }>).forEach((p, i) => {
    test(`pull_request #${i} (${p.action})`, () => {
      assert.equal(pass(p, [BRANCH_FILTER], { Branch: 'master' }), false); // PRs have no $.ref
      assert.equal(pass(p, [{ jsonPath: '$.pull_request.base.ref', matchEquals: '{Branch}' }, { jsonPath: '$.action', matchEquals: 'opened' }], { Branch: 'master' }), p.action === 'opened');
    });
  });
  examples('ping').forEach((p, i) => {
    test(`ping #${i} never passes a ref filter`, () => assert.equal(pass(p, [BRANCH_FILTER], { Branch: 'master' }), false));
  });
});

describe('PutWebhook validation', () => {
  test('valid filters', () => validateFilters([BRANCH_FILTER, { jsonPath: '$.commits[*].id' }]));
  test('the failing filter is named', () => {
    assert.throws(() => validateFilters([BRANCH_FILTER, { jsonPath: 'ref' }]), (e: unknown) => e instanceof JsonPathSyntaxError && e.message.startsWith('filters[1]: ') && e.code === 'InvalidWebhookFilterPattern');
  });
  test('validateFilter alone', () => assert.throws(() => validateFilter({ jsonPath: '$[' }), JsonPathSyntaxError));
  test('no filters pass trivially', () => assert.equal(pass({}, []), true));
});
