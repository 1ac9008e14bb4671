import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ZERO_SHA } from '../types.js';
import { firstDefaultBranch } from './record-ref-changes.js';

const A = 'a'.repeat(40);

test('the first pushed branch becomes the default; main and master win; tags and deletions do not count', () => {
  const u = (ref: string, after = A): { ref: string; before: string; after: string } => ({ ref, before: ZERO_SHA, after });
  assert.equal(firstDefaultBranch([u('refs/heads/feature')]), 'feature');
  assert.equal(firstDefaultBranch([u('refs/heads/zeta'), u('refs/heads/alpha')]), 'alpha');
  assert.equal(firstDefaultBranch([u('refs/heads/dev'), u('refs/heads/master'), u('refs/heads/main')]), 'main');
  assert.equal(firstDefaultBranch([u('refs/heads/dev'), u('refs/heads/master')]), 'master');
  assert.equal(firstDefaultBranch([u('refs/tags/v1')]), undefined);
  assert.equal(firstDefaultBranch([u('refs/heads/gone', ZERO_SHA)]), undefined);
});
