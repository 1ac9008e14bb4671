import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/nagare.js';

// docs/compatibility.md is generated from what the providers actually implement; this keeps the
// committed page honest: add or remove an operation and this fails until the page is regenerated.
test('docs/compatibility.md matches the implemented operations', () => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/gen-compat.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
});
