import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { runFixture } from './test-support.js';

/** Running (not a zombie waiting to be reaped by whatever init this host has), polled for up to 2 s. */
async function isRunning(pid: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (stat === '' || / Z /.test(stat.slice(stat.lastIndexOf(')')))) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

test('timeout: the running phase and the build end TIMED_OUT and the whole process tree dies', async () => {
  const started = Date.now();
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - sh -c 'sleep 300 & echo $! > grandchild.pid; wait'
  post_build:
    commands:
      - echo never
`, { input: { timeoutMinutes: 1.5 / 60 } });
  try {
    assert.ok(Date.now() - started < 10_000);
    assert.equal(f.result.buildStatus, 'TIMED_OUT');
    assert.deepEqual(f.result.phases.slice(-2).map((p) => `${p.phaseType}:${p.phaseStatus ?? ''}`), ['BUILD:TIMED_OUT', 'COMPLETED:']);
    assert.deepEqual(f.phase('BUILD')?.contexts, [{ statusCode: 'BUILD_TIMED_OUT', message: 'Build has timed out. ' }]);
    const pid = Number(await readFile(join(f.srcDir, 'grandchild.pid'), 'utf8'));
    assert.ok(pid > 0 && !(await isRunning(pid)), 'the background grandchild was killed with its group');
    assert.ok(!f.output.includes('never'));
  } finally {
    await f.cleanup();
  }
});

test('StopBuild (AbortSignal): the running phase and the build end STOPPED', async () => {
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 500);
  const f = await runFixture(`version: 0.2
phases:
  install:
    commands:
      - sleep 30
`, { input: { signal: ac.signal } });
  try {
    assert.equal(f.result.buildStatus, 'STOPPED');
    assert.deepEqual(f.result.phases.slice(-2).map((p) => `${p.phaseType}:${p.phaseStatus ?? ''}`), ['INSTALL:STOPPED', 'COMPLETED:']);
    assert.equal(f.phase('INSTALL')?.contexts, undefined);
  } finally {
    await f.cleanup();
  }
});

test('a background job (`&`) does not hold up the build and is killed when the build ends', async () => {
  const started = Date.now();
  const f = await runFixture(`version: 0.2
phases:
  install:
    commands:
      - sleep 120 & echo $! > bg.pid
      - echo next
  build:
    commands:
      - echo built
`);
  try {
    assert.equal(f.result.buildStatus, 'SUCCEEDED');
    assert.ok(Date.now() - started < 10_000);
    const pid = Number(await readFile(join(f.srcDir, 'bg.pid'), 'utf8'));
    assert.ok(pid > 0 && !(await isRunning(pid)));
  } finally {
    await f.cleanup();
  }
});

test('masking: parameter-store and secrets-manager values become *** in every line, also split across chunks', async () => {
  const f = await runFixture(`version: 0.2
env:
  parameter-store:
    DB_PASS: /app/db-pass
  secrets-manager:
    TOKEN: app/token:token
phases:
  build:
    commands:
      - echo "pass=$DB_PASS token=$TOKEN"
      - printf 'part=hunt'; sleep 0.2; printf 'er2-secret\\n'
      - echo "$DB_PASS" >&2
      - echo hunter2-secret-not-masked-when-transformed | rev
      - 'exit 9 # hunter2-secret'
`, {
    input: {
      resolvers: {
        async getParameters(names) {
          return { values: Object.fromEntries(names.map((n) => [n, 'hunter2-secret'])), invalid: [] };
        },
        async getSecretValue() {
          return { secretString: JSON.stringify({ token: 'tok-42-xyz' }) };
        },
      },
      maskValues: ['AKIAEXAMPLEEXAMPLE12'],
    },
  });
  try {
    const all = f.lines.join('\n');
    assert.ok(!all.includes('hunter2-secret'), all);
    assert.ok(!all.includes('tok-42-xyz'), all);
    assert.ok(f.output.includes('pass=*** token=***'));
    assert.ok(f.output.includes('part=***'));
    assert.equal(f.phase('BUILD')?.contexts?.[0]?.message, 'Error while executing command: exit 9 # ***. Reason: exit status 9');
  } finally {
    await f.cleanup();
  }
});

test('exported-variables: final values after POST_BUILD; unset → empty; AWS_* never exported (spec A.15)', async () => {
  const f = await runFixture(`version: 0.2
env:
  variables:
    STAGE: one
  exported-variables:
    - STAGE
    - IMAGE_TAG
    - NEVER_SET
    - AWS_REGION
phases:
  build:
    commands:
      - IMAGE_TAG=$(echo abc123)
  post_build:
    commands:
      - STAGE=two
`);
  try {
    assert.deepEqual(f.result.exportedEnvironmentVariables, [
      { name: 'STAGE', value: 'two' },
      { name: 'IMAGE_TAG', value: 'abc123' },
      { name: 'NEVER_SET', value: '' },
    ]);
  } finally {
    await f.cleanup();
  }
});

test('the build sees only the explicit environment, never the executor process env', async () => {
  process.env.NAGARE_LEAK_PROBE = 'leaked';
  const f = await runFixture(`version: 0.2
phases:
  build:
    commands:
      - echo "probe=\${NAGARE_LEAK_PROBE:-none} home=$HOME ci=$CODEBUILD_CI id=$CODEBUILD_BUILD_ID"
`);
  delete process.env.NAGARE_LEAK_PROBE;
  try {
    assert.ok(f.output.includes('probe=none home=/root ci=true id=test:uuid-1'), f.output.join('\n'));
  } finally {
    await f.cleanup();
  }
});

test('on-failure CONTINUE runs the next phase; RETRY reruns the phase', async () => {
  const f = await runFixture(`version: 0.2
phases:
  install:
    on-failure: CONTINUE
    commands:
      - exit 1
  build:
    on-failure: RETRY-2
    commands:
      - n=$(cat count 2>/dev/null || echo 0); echo $((n + 1)) > count; [ "$n" -ge 1 ]
`);
  try {
    assert.equal(f.phase('INSTALL')?.phaseStatus, 'FAILED');
    assert.equal(f.phase('BUILD')?.phaseStatus, 'SUCCEEDED');
    assert.equal(f.result.buildStatus, 'FAILED');
    assert.equal((await readFile(join(f.srcDir, 'count'), 'utf8')).trim(), '2');
  } finally {
    await f.cleanup();
  }
});

test('a missing shell fails the command like exec does', async () => {
  const f = await runFixture(`version: 0.2
env:
  shell: powershell.exe
phases:
  build:
    commands:
      - Write-Host hi
`);
  try {
    assert.equal(f.phase('BUILD')?.contexts?.[0]?.message, 'Error while executing command: Write-Host hi. Reason: exec: "powershell.exe": executable file not found in $PATH');
  } finally {
    await f.cleanup();
  }
});
