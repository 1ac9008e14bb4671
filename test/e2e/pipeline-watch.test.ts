import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, startNagare, type NagareHandle } from '../support/nagare.js';
import {
  ACCOUNT,
  codeBuildAction,
  codeCommitSource,
  createBucket,
  createRepository,
  createPipeline,
  creationExecution,
  pipelineCli,
  pipelineProject,
  pushFiles,
  waitFor,
  waitForStatus,
} from '../support/pipeline-harness.js';

/**
 * `nagare pipeline watch <name>` (bin/nagare.js, a child process) against a real `nagare up`
 * while a real execution runs: test/integration/pipeline-watch.test.ts covers the output and the
 * exit codes against canned answers; this checks the same contract end to end — the watch waits
 * for the next execution, follows the one the AWS CLI starts through its stages, and exits 0 when
 * it Succeeded, 1 when it Failed.
 */

const TERMINAL = ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled'];
let nagare: NagareHandle;
let work: string;
let ep: string;

before(async () => {
  nagare = await startNagare();
  ep = nagare.endpoint;
  work = await mkdtemp(join(tmpdir(), 'nagare-cp-watch-'));
  await createBucket(ep, 'watch-artifacts');
  await createRepository(ep, 'watch-repo', join(work, 'src'), work);
  await pushFiles(ep, join(work, 'src'), work, 'watch-repo', 'main', { 'README.md': 'watch\n' }, 'init');
});
after(async () => {
  await nagare?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

interface Watched {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `nagare pipeline watch <name>` and, once it says it waits for the next execution, starts
 * one with the AWS CLI. Resolves when the watch exits (killed after 90 s).
 */
async function watchNextExecution(name: string): Promise<Watched & { id: string }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'nagare.js'), 'pipeline', 'watch', name, '--endpoint-url', ep, '--interval-ms', '200', '--lang', 'en'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  try {
    await waitFor(`the watch of ${name} waiting for the next execution`, async () => {
      if (child.exitCode !== null) assert.fail(`the watch exited early (${child.exitCode}): ${stdout}${stderr}`);
      return stdout.includes(`waiting for the next execution of ${name} to start`) ? true : undefined;
    });
    const { pipelineExecutionId: id } = await pipelineCli(ep).json<{ pipelineExecutionId: string }>('codepipeline', 'start-pipeline-execution', '--name', name);
    const code = await exited;
    return { code, stdout, stderr, id };
  } finally {
    clearTimeout(killer);
    child.kill('SIGKILL');
  }
}

async function pipelineWithBuild(name: string, commands: string[]): Promise<void> {
  await pipelineProject(ep, `${name}-build`, ['version: 0.2', 'phases:', '  build:', '    commands:', ...commands.map((c) => `      - ${c}`)]);
  await createPipeline(ep, work, {
    name,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`,
    artifactStore: { type: 'S3', location: 'watch-artifacts' },
    stages: [
      { name: 'Source', actions: [codeCommitSource('watch-repo', 'Src')] },
      { name: 'Build', actions: [codeBuildAction('Compile', `${name}-build`, 'Src')] },
    ],
  });
  // The creation's execution is over before the watch starts, so it waits for the next one.
  await waitForStatus(ep, name, await creationExecution(ep, name), TERMINAL);
}

describe('nagare pipeline watch', { concurrency: true }, () => {
  test('follows an execution through its stages to Succeeded and exits 0', async () => {
    await pipelineWithBuild('watch-ok', ['sleep 2', 'echo built']);
    const r = await watchNextExecution('watch-ok');
    assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.includes(`following execution ${r.id} of pipeline watch-ok (InProgress)`), r.stdout);
    for (const line of ['stage Source: Succeeded', 'stage Build: Succeeded']) assert.ok(lines.includes(line), `missing "${line}" in:\n${r.stdout}`);
    assert.ok(lines.some((l) => /^action Build\/Compile: Succeeded .*\[watch-ok-build:[0-9a-f-]{36}\]$/.test(l)), `the build's id on its action line:\n${r.stdout}`);
    assert.ok(lines.indexOf('stage Source: Succeeded') < lines.indexOf('stage Build: Succeeded'), r.stdout);
    assert.match(lines.at(-1)!, new RegExp(`^execution ${r.id} of watch-ok: Succeeded after \\S+$`));
    assert.equal(await waitForStatus(ep, 'watch-ok', r.id, TERMINAL), 'Succeeded');
  });

  test('a build that fails: the watch shows the failed stage and exits 1', async () => {
    await pipelineWithBuild('watch-bad', ['false']);
    const r = await watchNextExecution('watch-bad');
    assert.equal(r.code, 1, `${r.stdout}${r.stderr}`);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.includes(`following execution ${r.id} of pipeline watch-bad (InProgress)`), r.stdout);
    assert.ok(lines.includes('stage Source: Succeeded'), r.stdout);
    assert.ok(lines.includes('stage Build: Failed'), r.stdout);
    assert.ok(lines.some((l) => /^action Build\/Compile: Failed .*JobFailed: Build terminated with state: FAILED/.test(l)), `the action's error:\n${r.stdout}`);
    assert.match(lines.at(-1)!, new RegExp(`^execution ${r.id} of watch-bad: Failed after \\S+ — .*Build/Compile`));
    assert.equal(await waitForStatus(ep, 'watch-bad', r.id, TERMINAL), 'Failed');
  });
});
