#!/usr/bin/env node
// Runs the compiled test files with node's test runner.
//   node scripts/run-tests.mjs [unit|integration|e2e|all] [--only substring]
// A compiled test whose .ts source no longer exists (stale dist/) is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const kind = args.find((a) => !a.startsWith('--')) ?? 'all';
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;

const dirs = {
  unit: ['dist/src'],
  integration: ['dist/test/integration'],
  e2e: ['dist/test/e2e'],
  all: ['dist/src', 'dist/test/integration', 'dist/test/e2e'],
}[kind];
if (!dirs) {
  console.error(`unknown test kind: ${kind}`);
  process.exit(2);
}

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const files = dirs
  .flatMap((d) => walk(join(root, d), []))
  .filter((f) => existsSync(join(root, relative(join(root, 'dist'), f).replace(/\.js$/, '.ts'))))
  .filter((f) => !only || f.includes(only))
  .sort();
if (files.length === 0) {
  console.error('no test files found — did the build run?');
  process.exit(1);
}
const concurrency = process.env.NAGARE_TEST_CONCURRENCY ?? '2';
const r = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(r.status ?? 1);
