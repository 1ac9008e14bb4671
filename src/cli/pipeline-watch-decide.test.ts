import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../shared/index.js';
import type { ExecutionSummary } from './pipeline-types.js';
import { MAX_CONSECUTIVE_FAILURES, classifyFailure, exitCodeForStatus, initialTarget, isTerminalExecution, nextTarget, shouldGiveUp } from './pipeline-watch-decide.js';
import { sortRecentFirst } from './pipeline-api.js';

const A = 'aaaaaaaa-0000-4000-8000-000000000000';
const B = 'bbbbbbbb-0000-4000-8000-000000000000';
const C = 'cccccccc-0000-4000-8000-000000000000';
const D = 'dddddddd-0000-4000-8000-000000000000';
const s = (id: string, status: string, startTime: number, lastUpdateTime?: number): ExecutionSummary => ({ pipelineExecutionId: id, status, startTime, ...(lastUpdateTime ? { lastUpdateTime } : {}) });

for (const [status, code, terminal] of [
  ['Succeeded', 0, true],
  ['Failed', 1, true],
  ['Stopped', 2, true],
  ['Cancelled', 2, true],
  ['Superseded', 2, true],
  ['InProgress', 3, false],
  ['Stopping', 3, false],
  ['SomethingNew', 3, false],
] as const) {
  test(`execution ${status}: terminal=${terminal}, exit code ${code}`, () => {
    assert.equal(isTerminalExecution(status), terminal);
    assert.equal(exitCodeForStatus(status), code);
  });
}

const targetCases: Array<{ name: string; summaries: ExecutionSummary[]; id?: string; want: ReturnType<typeof initialTarget> }> = [
  { name: 'an explicit id, even if finished, with its times from the list', summaries: [s(A, 'Succeeded', 100, 160)], id: A, want: { kind: 'follow', executionId: A, startTime: 100, lastUpdateTime: 160 } },
  { name: 'an explicit id not in the list', summaries: [s(A, 'InProgress', 100)], id: B, want: { kind: 'follow', executionId: B } },
  { name: 'the most recent InProgress one', summaries: [s(C, 'Succeeded', 300), s(B, 'InProgress', 200), s(A, 'InProgress', 100)], want: { kind: 'follow', executionId: B, startTime: 200 } },
  { name: 'a Stopping one counts as running', summaries: [s(B, 'Stopping', 200), s(A, 'Failed', 100)], want: { kind: 'follow', executionId: B, startTime: 200 } },
  { name: 'nothing running: wait, remembering what exists', summaries: [s(B, 'Failed', 200), s(A, 'Succeeded', 100)], want: { kind: 'wait', known: [B, A] } },
  { name: 'no executions at all: wait', summaries: [], want: { kind: 'wait', known: [] } },
];
for (const c of targetCases) {
  test(`initialTarget: ${c.name}`, () => assert.deepEqual(initialTarget(c.summaries, c.id), c.want));
}

test('nextTarget: keeps waiting while only known executions exist, then takes the oldest new one', () => {
  assert.deepEqual(nextTarget([A], [s(A, 'Succeeded', 100)]), { kind: 'wait', known: [A] });
  assert.deepEqual(nextTarget([A], [s(D, 'InProgress', 400), s(C, 'Succeeded', 300), s(A, 'Succeeded', 100)]), { kind: 'follow', executionId: C, startTime: 300 });
});

test('sortRecentFirst: by startTime (epoch seconds or ISO), stable, undated last', () => {
  const list: ExecutionSummary[] = [
    { pipelineExecutionId: A, status: 'Succeeded', startTime: 100 },
    { pipelineExecutionId: B, status: 'Succeeded' },
    { pipelineExecutionId: C, status: 'Succeeded', startTime: '1970-01-01T00:05:00Z' },
    { pipelineExecutionId: D, status: 'Succeeded', startTime: 200 },
  ];
  assert.deepEqual(sortRecentFirst(list).map((x) => x.pipelineExecutionId), [C, D, A, B]);
});

test('classifyFailure: not-found errors, retryable API errors, and connection problems', () => {
  assert.deepEqual(classifyFailure(new AppError('PipelineNotFoundException', 'x', { details: { statusCode: 400 } })), { kind: 'pipeline-not-found' });
  assert.deepEqual(classifyFailure(new AppError('PipelineExecutionNotFoundException', 'x')), { kind: 'execution-not-found' });
  assert.deepEqual(classifyFailure(new AppError('ThrottlingException', 'slow down', { details: { statusCode: 400 } })), { kind: 'api', code: 'ThrottlingException', message: 'slow down', retryable: true });
  assert.deepEqual(classifyFailure(new AppError('InternalFailure', '\nboom\nstack', { details: { statusCode: 500 } })), { kind: 'api', code: 'InternalFailure', message: 'boom', retryable: true });
  assert.deepEqual(classifyFailure(new AppError('UnknownOperationException', 'nope', { details: { statusCode: 400 } })), { kind: 'api', code: 'UnknownOperationException', message: 'nope', retryable: false });
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
  assert.deepEqual(classifyFailure(new TypeError('fetch failed', { cause: refused })), { kind: 'unreachable', detail: 'connect ECONNREFUSED 127.0.0.1:4566' });
  assert.deepEqual(classifyFailure(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' })), { kind: 'unreachable', detail: 'no answer in time' });
});

test('shouldGiveUp: never retry before the first answer; transient failures up to the limit once following', () => {
  const down = { kind: 'unreachable', detail: 'x' } as const;
  assert.equal(shouldGiveUp(down, 1, false), true);
  assert.equal(shouldGiveUp(down, 1, true), false);
  assert.equal(shouldGiveUp(down, MAX_CONSECUTIVE_FAILURES - 1, true), false);
  assert.equal(shouldGiveUp(down, MAX_CONSECUTIVE_FAILURES, true), true);
  assert.equal(shouldGiveUp({ kind: 'pipeline-not-found' }, 1, true), true);
  assert.equal(shouldGiveUp({ kind: 'api', code: 'X', message: '', retryable: false }, 1, true), true);
  assert.equal(shouldGiveUp({ kind: 'api', code: 'X', message: '', retryable: true }, 1, true), false);
});
