import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArtifactsContext } from '../hooks.js';
import { agentMessages, runFixture } from './test-support.js';

// One test per execution-related "Surprise" of the spec (the number is in each name).

test('Surprise 2: only the final exit status counts — `false; true` and multi-line blocks pass', async () => {
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - false; true
      - |
        false
        echo "block went on"
      - |
        set -e
        false
        echo "not printed"
`);
  try {
    assert.equal(f.result.buildStatus, 'FAILED');
    assert.ok(f.output.includes('block went on'));
    assert.ok(!f.output.includes('not printed'));
    assert.match(f.phase('BUILD')?.contexts?.[0]?.message ?? '', /Reason: exit status 1$/);
  } finally {
    await f.cleanup();
  }
});

test('Surprise 3: after a BUILD failure POST_BUILD and UPLOAD_ARTIFACTS still run; build FAILED', async () => {
  let uploaded = false;
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - exit 1
  post_build:
    commands:
      - echo "post_build succeeding=$CODEBUILD_BUILD_SUCCEEDING"
artifacts:
  files:
    - '**/*'
`, { input: { hooks: { publishArtifacts: async () => ((uploaded = true), { ok: true }) } } });
  try {
    assert.equal(f.result.buildStatus, 'FAILED');
    assert.deepEqual(f.result.phases.map((p) => `${p.phaseType}:${p.phaseStatus ?? ''}`).slice(6), ['BUILD:FAILED', 'POST_BUILD:SUCCEEDED', 'UPLOAD_ARTIFACTS:SUCCEEDED', 'FINALIZING:SUCCEEDED', 'COMPLETED:']);
    assert.ok(f.output.includes('post_build succeeding=0'));
    assert.ok(uploaded, 'artifacts are uploaded after a failed BUILD (Surprise 37)');
  } finally {
    await f.cleanup();
  }
});

test('Surprise 3: a PRE_BUILD failure skips BUILD, POST_BUILD and UPLOAD_ARTIFACTS', async () => {
  const f = await runFixture(`version: 0.2
phases:
  pre_build:
    commands:
      - exit 2
  build:
    commands:
      - echo never
`);
  try {
    assert.deepEqual(f.result.phases.map((p) => p.phaseType).slice(4), ['INSTALL', 'PRE_BUILD', 'FINALIZING', 'COMPLETED']);
    assert.ok(!agentMessages(f.lines).some((m) => m.includes('POST_BUILD')));
  } finally {
    await f.cleanup();
  }
});

test('Surprise 4: finally runs even when commands fail; the remaining commands are skipped', async () => {
  const f = await runFixture(`version: 0.2
phases:
  install:
    commands:
      - echo one
      - exit 4
      - echo skipped
    finally:
      - echo cleanup
      - echo cleanup2
`);
  try {
    assert.deepEqual(f.output.filter((l) => l !== ''), ['one', 'cleanup', 'cleanup2']);
    assert.equal(f.phase('INSTALL')?.phaseStatus, 'FAILED');
    assert.match(f.phase('INSTALL')?.contexts?.[0]?.message ?? '', /exit 4\. Reason: exit status 4$/);
  } finally {
    await f.cleanup();
  }
});

test('Surprise 5: all four buildspec phases are entered and reported even when absent', async () => {
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - echo only-build
`);
  try {
    const messages = agentMessages(f.lines);
    for (const p of ['INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD']) {
      assert.ok(messages.includes(`Entering phase ${p}`), p);
      assert.ok(messages.includes(`Phase complete: ${p} State: SUCCEEDED`), p);
    }
    assert.equal(f.result.phases.length, 11);
  } finally {
    await f.cleanup();
  }
});

test('Surprise 6 and 7: overrides beat buildspec variables, which are literal ($HOME not expanded)', async () => {
  const f = await runFixture(`version: 0.2
env:
  variables:
    LITERAL: "$HOME/x"
    WHO: buildspec
    KEEP: buildspec
phases:
  build:
    commands:
      - echo "literal=$LITERAL who=$WHO keep=$KEEP"
`, { input: { projectEnv: [{ name: 'WHO', value: 'project' }], overrideEnv: [{ name: 'WHO', value: 'override' }] } });
  try {
    assert.ok(f.output.includes('literal=$HOME/x who=override keep=buildspec'), f.output.join('\n'));
  } finally {
    await f.cleanup();
  }
});

test('Surprise 8: artifact paths are relative to CODEBUILD_SRC_DIR, not to the last cd', async () => {
  let seen: ArtifactsContext | undefined;
  const f = await runFixture(`version: 0.2
env:
  variables:
    OUT: dist
phases:
  build:
    commands:
      - mkdir -p elsewhere && cd elsewhere
artifacts:
  base-directory: $OUT
  files:
    - '**/*'
`, { input: { hooks: { publishArtifacts: async (ctx) => ((seen = ctx), { ok: true }) } } });
  try {
    assert.equal(seen?.srcDir, f.srcDir);
    assert.equal(seen?.artifacts.baseDirectory, '$OUT');
    assert.equal(seen?.env.OUT, 'dist');
  } finally {
    await f.cleanup();
  }
});

test('Surprise 8: zero matching artifact files fail UPLOAD_ARTIFACTS with CLIENT_ERROR; build FAILED', async () => {
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - echo ok
artifacts:
  files:
    - nothing/*
`, { input: { hooks: { publishArtifacts: async () => ({ ok: false, context: { statusCode: 'CLIENT_ERROR', message: 'no matching artifact paths found' } }) } } });
  try {
    assert.equal(f.result.buildStatus, 'FAILED');
    assert.deepEqual(f.phase('UPLOAD_ARTIFACTS')?.contexts, [{ statusCode: 'CLIENT_ERROR', message: 'no matching artifact paths found' }]);
    assert.equal(f.phase('FINALIZING')?.phaseStatus, 'SUCCEEDED');
  } finally {
    await f.cleanup();
  }
});

test('Surprise 10: artifacts.name is shell-evaluated in the build environment', async () => {
  let name = '';
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - VERSION=1.2.3
artifacts:
  name: app-$VERSION-$(echo x)
  files:
    - buildspec.yml
`, { input: { hooks: { publishArtifacts: async (ctx) => ((name = await ctx.shellEvaluate(ctx.artifacts.name ?? '')), { ok: true }) } } });
  try {
    assert.equal(name, 'app-1.2.3-x');
  } finally {
    await f.cleanup();
  }
});

test('Surprise 36: a buildspec error fails DOWNLOAD_SOURCE with YAML_FILE_ERROR, then FINALIZING', async () => {
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - echo: not a string
`);
  try {
    assert.equal(f.result.buildStatus, 'FAILED');
    assert.deepEqual(f.result.phases.map((p) => `${p.phaseType}:${p.phaseStatus ?? ''}`), ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED:']);
    assert.equal(f.phase('DOWNLOAD_SOURCE')?.contexts?.[0]?.statusCode, 'YAML_FILE_ERROR');
    assert.ok(agentMessages(f.lines).some((m) => m.startsWith('Phase context status code: YAML_FILE_ERROR Message: ')));
  } finally {
    await f.cleanup();
  }
});

test('A.1: a missing buildspec.yml fails DOWNLOAD_SOURCE with the agent\'s stat message', async () => {
  const f = await runFixture('', { input: { buildspec: { path: 'nope/buildspec.yml' } } });
  try {
    assert.match(f.phase('DOWNLOAD_SOURCE')?.contexts?.[0]?.message ?? '', /^stat \/.*\/nope\/buildspec\.yml: no such file or directory$/);
  } finally {
    await f.cleanup();
  }
});
