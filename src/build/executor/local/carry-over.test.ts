import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from './test-support.js';

// Spec A.9 "same shell" and Surprise 1: each command is its own script; cwd and variables carry over.
test('A.9 / Surprise 1: cd and plain assignments carry over to later commands and phases', async () => {
  const f = await runFixture(`version: 0.2
phases:
  install:
    commands:
      - mkdir -p sub/dir && cd sub
      - TAG=$(echo v1-abc)
  build:
    commands:
      - echo "pwd=$(basename "$PWD") tag=$TAG"
      - cd dir
  post_build:
    commands:
      - echo "post=$(basename "$(pwd)") last=$CODEBUILD_LAST_EXIT"
`);
  try {
    assert.equal(f.result.buildStatus, 'SUCCEEDED');
    assert.ok(f.output.includes('pwd=sub tag=v1-abc'), f.output.join('\n'));
    assert.ok(f.output.includes('post=dir last=0'), f.output.join('\n'));
  } finally {
    await f.cleanup();
  }
});

test('A.9 / Surprise 1: functions, set -e and traps do not carry over', async () => {
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - greet() { echo hi; }; set -e; trap 'echo trapped' EXIT; greet
      - command -v greet >/dev/null || echo "no function"
      - false; echo "set -e is gone"
      - case $- in *e*) echo errexit-on;; *) echo errexit-off;; esac
`);
  try {
    assert.equal(f.result.buildStatus, 'SUCCEEDED');
    // The trap fires when the first command's own script exits — and never again.
    assert.deepEqual(f.output.filter((l) => l !== ''), ['hi', 'trapped', 'no function', 'set -e is gone', 'errexit-off']);
  } finally {
    await f.cleanup();
  }
});

test('A.9: bash arrays do not carry over (aws/aws-cdk#26694); env.shell bash is honoured', async () => {
  const f = await runFixture(`version: 0.2
env:
  shell: bash
phases:
  build:
    commands:
      - ARR=(a b c); [[ \${#ARR[@]} == 3 ]] && echo "len=\${#ARR[@]}"
      - echo "after=\${#ARR[@]} shell=\${BASH_VERSION:+bash}"
`);
  try {
    assert.equal(f.result.buildStatus, 'SUCCEEDED');
    assert.ok(f.output.includes('len=3'));
    assert.ok(f.output.includes('after=0 shell=bash') || f.output.includes('after=1 shell=bash'), f.output.join('\n'));
  } finally {
    await f.cleanup();
  }
});

test('A.9: `exit 3` ends only that command, which fails the phase with exit status 3', async () => {
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - echo before; exit 3
      - echo never
`);
  try {
    assert.equal(f.result.buildStatus, 'FAILED');
    assert.deepEqual(f.phase('BUILD')?.contexts, [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: echo before; exit 3. Reason: exit status 3' }]);
    assert.ok(!f.output.includes('never'));
    assert.ok(f.lines.some((l) => l.endsWith('Command did not exit successfully echo before; exit 3 exit status 3')));
  } finally {
    await f.cleanup();
  }
});

test('Surprise 16: the default shell is POSIX sh — bashisms fail without env.shell: bash', async () => {
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - '[[ 1 == 1 ]] && echo bash-only'
`);
  try {
    const dashIsSh = f.output.every((l) => l !== 'bash-only');
    // On hosts where /bin/sh is bash this is fine too; on Debian/Ubuntu sh is dash and the command fails.
    if (dashIsSh) assert.equal(f.result.buildStatus, 'FAILED');
  } finally {
    await f.cleanup();
  }
});

test('A.3: version 0.1 runs every command in a fresh shell — nothing carries over', async () => {
  const f = await runFixture(`version: 0.1
phases:
  build:
    commands:
      - mkdir -p sub && cd sub && X=1 && export Y=2
      - echo "dir=$(basename "$PWD") x=$X y=$Y"
`);
  try {
    assert.equal(f.result.buildStatus, 'SUCCEEDED');
    assert.ok(f.output.includes('dir=src x= y='), f.output.join('\n'));
  } finally {
    await f.cleanup();
  }
});
