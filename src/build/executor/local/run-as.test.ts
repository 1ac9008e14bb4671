import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { test } from 'node:test';
import { lookupUser } from './run-as.js';
import { runFixture } from './test-support.js';

const root = userInfo().uid === 0;

test('run-as (spec A.4): a phase runs as that user with its HOME; other phases stay root', { skip: !root && 'needs root' }, async () => {
  const nobody = await lookupUser('nobody');
  assert.ok(nobody, 'the host has a nobody user');
  const f = await runFixture(`version: 0.2
phases:
  install:
    commands:
      - echo made-by-root > note.txt
      - MARK=set-by-root
  build:
    run-as: nobody
    commands:
      - echo "uid=$(id -u) home=$HOME user=$USER mark=$MARK note=$(cat note.txt)"
      - FROM_NOBODY=yes
  post_build:
    commands:
      - echo "uid=$(id -u) from=$FROM_NOBODY"
`);
  try {
    assert.equal(f.result.buildStatus, 'SUCCEEDED', f.lines.join('\n'));
    assert.ok(f.output.includes(`uid=${nobody.uid} home=${nobody.home} user=nobody mark=set-by-root note=made-by-root`), f.output.join('\n'));
    assert.ok(f.output.includes('uid=0 from=yes'), f.output.join('\n'));
  } finally {
    await f.cleanup();
  }
});

test('run-as an unknown user fails that phase (Go\'s "user: unknown user" wording; AWS\'s is unverified)', async () => {
  const f = await runFixture(`version: 0.2
run-as: no-such-user-xyz
phases:
  build:
    commands:
      - echo never
`);
  try {
    assert.equal(f.result.buildStatus, 'FAILED');
    assert.equal(f.phase('BUILD')?.contexts?.[0]?.message, 'Error while executing command: echo never. Reason: user: unknown user no-such-user-xyz');
    assert.ok(!f.output.includes('never'));
  } finally {
    await f.cleanup();
  }
});
