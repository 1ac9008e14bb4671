import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../shared/index.js';
import type { PipelineApi } from './pipeline-api.js';
import type { ExecutionSummary, PipelineExecution, PipelineState } from './pipeline-types.js';
import { runPipelineWatch } from './pipeline-watch.js';
import type { PipelineWatchDeps } from './pipeline-watch.js';
import { E, T0, TOKEN, approvalPending, exec, failed, running, succeeded } from './pipeline-watch-fixtures.js';

const A = 'aaaaaaaa-0000-4000-8000-000000000000';

/** One poll's answers: the execution status and the pipeline state (or an error to throw). */
type Step = { execution: PipelineExecution; state: PipelineState } | { error: Error };

interface Harness {
  deps: PipelineWatchDeps;
  out: () => string;
  err: () => string;
  calls: string[];
}

/**
 * A fake CodePipeline: `lists` answers ListPipelineExecutions in turn (the last one repeats),
 * `steps` answer the GetPipelineExecution + GetPipelineState pair of each poll. The clock moves
 * only when the watch sleeps.
 */
function harness(opts: { argv?: string[]; lists: ExecutionSummary[][]; steps: Step[]; tty?: boolean; stateError?: Error; abortAfterSleeps?: number }): Harness {
  let out = '';
  let err = '';
  let nowMs = (T0 + 10) * 1000;
  const calls: string[] = [];
  let list = 0;
  let step = 0;
  let sleeps = 0;
  const stop = new AbortController();
  const current = (): Step => opts.steps[Math.min(step, opts.steps.length - 1)]!;
  const api: PipelineApi = {
    async getPipelineState() {
      calls.push('GetPipelineState');
      if (opts.stateError !== undefined) throw opts.stateError;
      const s = current();
      step++;
      if ('error' in s) throw s.error;
      return s.state;
    },
    async getPipelineExecution() {
      calls.push('GetPipelineExecution');
      const s = current();
      if ('error' in s) {
        step++;
        throw s.error;
      }
      return s.execution;
    },
    async listPipelineExecutions() {
      calls.push('ListPipelineExecutions');
      return opts.lists[Math.min(list++, opts.lists.length - 1)]!;
    },
  };
  const deps: PipelineWatchDeps = {
    argv: opts.argv ?? ['demo', '--interval-ms', '1000'],
    lang: 'en',
    env: {},
    stdout: { write: (t) => (out += t), isTTY: opts.tty ?? false, columns: 200 },
    stderr: { write: (t) => (err += t) },
    signal: stop.signal,
    color: false,
    now: () => new Date(nowMs),
    sleep: async (ms) => {
      nowMs += ms;
      sleeps++;
      if (opts.abortAfterSleeps !== undefined && sleeps >= opts.abortAfterSleeps) stop.abort();
    },
    api: () => api,
  };
  return { deps, out: () => out, err: () => err, calls };
}

const inProgress = [{ pipelineExecutionId: E, status: 'InProgress', startTime: T0 }];
// The initial GetPipelineState (does the pipeline exist?) takes the first step.
const lead: Step = { execution: exec('InProgress'), state: running };

test('non-TTY: one line per status change, the approval command once, the result, exit 0', async () => {
  const h = harness({
    lists: [inProgress],
    steps: [lead, { execution: exec('InProgress'), state: running }, { execution: exec('InProgress'), state: running }, { execution: exec('InProgress'), state: approvalPending }, { execution: exec('InProgress'), state: approvalPending }, { execution: exec('Succeeded'), state: succeeded }],
  });
  assert.equal(await runPipelineWatch(h.deps), 0);
  assert.deepEqual(h.out().split('\n'), [
    `following execution ${E} of pipeline demo (InProgress)`,
    'action Source/Checkout: Succeeded [9f2c1e7] — Add the deploy stage',
    'stage Source: Succeeded',
    'stage Build: InProgress',
    'action Build/Compile: InProgress [demo-build:0f1e2d3c]',
    'action Build/Compile: Succeeded (1m00s) [demo-build:0f1e2d3c]',
    'stage Build: Succeeded',
    'stage Deploy: InProgress',
    `action Deploy/Approve: waiting for approval; approve with: aws codepipeline put-approval-result --pipeline-name demo --stage-name Deploy --action-name Approve --result summary=Approved,status=Approved --token ${TOKEN} --endpoint-url http://127.0.0.1:4566 --region us-east-1`,
    'action Deploy/Approve: Succeeded (14s) — looks good',
    'action Deploy/Ship: Succeeded',
    'stage Deploy: Succeeded',
    `execution ${E} of demo: Succeeded after 14s`,
    '',
  ]);
  assert.equal(h.err(), '');
});

test('a failed execution: exit 1 and its summary on the result line', async () => {
  const h = harness({ lists: [inProgress], steps: [lead, { execution: exec('InProgress'), state: running }, { execution: exec('Failed', 'Build failed\nmore'), state: failed }] });
  assert.equal(await runPipelineWatch(h.deps), 1);
  assert.match(h.out(), new RegExp(`execution ${E} of demo: Failed after 11s — Build failed\\n$`));
});

test('nothing running: says it waits, then follows the next execution that starts', async () => {
  const old = [{ pipelineExecutionId: A, status: 'Succeeded', startTime: T0 - 100 }];
  const h = harness({ lists: [old, old, [{ pipelineExecutionId: E, status: 'InProgress', startTime: T0 + 11 }, ...old]], steps: [lead, { execution: exec('Stopped'), state: running }] });
  assert.equal(await runPipelineWatch(h.deps), 2);
  const lines = h.out().split('\n');
  assert.equal(lines[0], 'waiting for the next execution of demo to start… (Ctrl+C to stop watching)');
  assert.equal(lines[1], `following execution ${E} of pipeline demo (Stopped)`);
  assert.deepEqual(h.calls.slice(0, 5), ['GetPipelineState', 'ListPipelineExecutions', 'ListPipelineExecutions', 'ListPipelineExecutions', 'GetPipelineExecution']);
});

test('--execution-id of a finished execution: drawn once, its duration from the list, exit by its status', async () => {
  const h = harness({
    argv: ['demo', '--execution-id', E],
    lists: [[{ pipelineExecutionId: E, status: 'Superseded', startTime: T0, lastUpdateTime: T0 + 42 }]],
    steps: [lead, { execution: exec('Superseded'), state: running }],
  });
  assert.equal(await runPipelineWatch(h.deps), 2);
  assert.match(h.out(), new RegExp(`execution ${E} of demo: Superseded after 42s\\n$`));
});

test('an unknown pipeline: a message naming it, exit 3', async () => {
  const h = harness({ lists: [[]], steps: [lead], stateError: new AppError('PipelineNotFoundException', 'Account does not have a pipeline with name: nope', { details: { statusCode: 400 } }) });
  assert.equal(await runPipelineWatch({ ...h.deps, argv: ['nope'] }), 3);
  assert.equal(h.err(), "pipeline 'nope' does not exist at http://127.0.0.1:4566 (region us-east-1).\n");
});

test('nagare unreachable at start: exit 3 at once with the endpoint and a hint', async () => {
  const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' }) });
  const h = harness({ lists: [[]], steps: [lead], stateError: refused });
  assert.equal(await runPipelineWatch(h.deps), 3);
  assert.equal(h.err(), 'cannot reach nagare at http://127.0.0.1:4566 (connect ECONNREFUSED 127.0.0.1:4566) — is `nagare up` running?\n');
  assert.deepEqual(h.calls, ['GetPipelineState']);
});

test('lost contact while following: a notice, retries, and the watch goes on', async () => {
  const down = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' }) });
  const h = harness({ lists: [inProgress], steps: [lead, { execution: exec('InProgress'), state: running }, { error: down }, { error: down }, { execution: exec('Succeeded'), state: succeeded }] });
  assert.equal(await runPipelineWatch(h.deps), 0);
  const notices = h.out().split('\n').filter((l) => l.startsWith('lost contact'));
  assert.deepEqual(notices, ['lost contact with nagare (connect ECONNREFUSED 127.0.0.1:4566); retrying…']);
});

test('lost contact for good: gives up after the limit, exit 3', async () => {
  const down = new TypeError('fetch failed', { cause: new Error('socket hang up') });
  const h = harness({ lists: [inProgress], steps: [lead, { execution: exec('InProgress'), state: running }, { error: down }] });
  assert.equal(await runPipelineWatch(h.deps), 3);
  assert.match(h.err(), /^cannot reach nagare at http:\/\/127\.0\.0\.1:4566 \(socket hang up\)/);
});

test('Ctrl+C: stops watching with 130 and sends nothing more', async () => {
  const h = harness({ lists: [inProgress], steps: [lead, { execution: exec('InProgress'), state: running }], abortAfterSleeps: 1 });
  assert.equal(await runPipelineWatch(h.deps), 130);
  assert.equal(h.err(), 'stopped watching; the pipeline was not changed.\n');
  assert.deepEqual(h.calls, ['GetPipelineState', 'ListPipelineExecutions', 'GetPipelineExecution', 'GetPipelineState']);
});

test('TTY: redrawn in place between polls (spinner frames), cursor hidden then restored, result below', async () => {
  const h = harness({ tty: true, lists: [inProgress], steps: [lead, { execution: exec('InProgress'), state: running }, { execution: exec('Succeeded'), state: succeeded }] });
  assert.equal(await runPipelineWatch(h.deps), 0);
  const out = h.out();
  assert.ok(out.startsWith('\x1b[?25l'));
  // 10 frames of 100 ms in the 1 s interval and the final view, each moving up over the 11-row view.
  assert.equal(out.split('\x1b[11A').length - 1, 11);
  assert.ok(out.includes('⠙ Build'));
  assert.ok(!['31', '32', '33', '36'].some((c) => out.includes(`\x1b[${c}m`)), 'no colors when color is false');
  assert.ok(out.endsWith(`\x1b[?25h\nexecution ${E} of demo: Succeeded after 11s\n`), JSON.stringify(out.slice(-120)));
});

test('usage errors exit 3 with a hint; --help exits 0', async () => {
  const h = harness({ lists: [[]], steps: [lead] });
  assert.equal(await runPipelineWatch({ ...h.deps, argv: [] }), 3);
  assert.match(h.err(), /the pipeline name is missing[\s\S]*See `nagare pipeline watch --help`/);
  assert.equal(await runPipelineWatch({ ...h.deps, argv: ['--help'] }), 0);
  assert.match(h.out(), /^usage: nagare pipeline watch <name>/);
  assert.deepEqual(h.calls, []);
});
