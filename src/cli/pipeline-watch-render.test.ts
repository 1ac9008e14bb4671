import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PipelineExecution, PipelineState } from './pipeline-types.js';
import { E, OLD, T0, TOKEN, approvalPending, exec, failed, queued, running, succeeded, supersededAfter, supersededBefore, transitionDisabled } from './pipeline-watch-fixtures.js';
import { approvalCommand, formatDuration, renderPipelineView, statusEvents } from './pipeline-watch-render.js';
import { emptyMemory, observe } from './pipeline-watch-view.js';
import type { FollowMemory } from './pipeline-watch-view.js';

const NOW = new Date((T0 + 70) * 1000);
const BASE = { lang: 'en' as const, color: false, frame: 0, endpoint: 'http://127.0.0.1:4566', region: 'us-east-1', pipelineName: 'demo' };
const HEADER = `pipeline demo   execution ${E}`;
const APPROVE = `aws codepipeline put-approval-result --pipeline-name demo --stage-name Deploy --action-name Approve --result summary=Approved,status=Approved --token ${TOKEN} --endpoint-url http://127.0.0.1:4566 --region us-east-1`;

/** The memory after the watch saw `history` (older answers first). */
function remembered(history: PipelineState[]): FollowMemory {
  return history.reduce((m, s) => observe(m, s.stageStates, NOW.getTime()), emptyMemory(E, T0 * 1000));
}

interface Case {
  name: string;
  state: PipelineState;
  execution: PipelineExecution;
  history: PipelineState[];
  view: string[];
  events: Array<[key: string, sig: string, line: string]>;
}

const cases: Case[] = [
  {
    name: 'running: a spinner on the running stage and action, elapsed times, percent and build id',
    state: running,
    execution: exec('InProgress'),
    history: [],
    view: [
      HEADER,
      '⠋ InProgress  1m10s',
      '',
      '✔ Source        Succeeded',
      '    ✔ Checkout  Succeeded            9f2c1e7',
      '        Add the deploy stage',
      '⠋ Build         InProgress',
      '    ⠋ Compile   InProgress    1m05s 40%  demo-build:0f1e2d3c',
      '○ Deploy        not reached',
      '    ○ Approve',
      '    ○ Ship',
    ],
    events: [
      ['action:Source/Checkout', 'Succeeded', 'action Source/Checkout: Succeeded [9f2c1e7] — Add the deploy stage'],
      ['stage:Source', 'Succeeded', 'stage Source: Succeeded'],
      ['stage:Build', 'InProgress', 'stage Build: InProgress'],
      ['action:Build/Compile', 'InProgress', 'action Build/Compile: InProgress [demo-build:0f1e2d3c]'],
    ],
  },
  {
    name: 'waiting for approval: the exact put-approval-result command with the token',
    state: approvalPending,
    execution: exec('InProgress'),
    history: [running],
    view: [
      HEADER,
      '⠋ InProgress  1m10s',
      '',
      '✔ Source        Succeeded',
      '    ✔ Checkout  Succeeded                     9f2c1e7',
      '        Add the deploy stage',
      '✔ Build         Succeeded',
      '    ✔ Compile   Succeeded              1m00s  demo-build:0f1e2d3c',
      '⠋ Deploy        InProgress',
      '    ◆ Approve   waiting for approval      4s',
      '        approve with:',
      `        ${APPROVE}`,
      '        (status=Rejected to reject)',
      '    ○ Ship',
    ],
    events: [
      ['action:Source/Checkout', 'Succeeded', 'action Source/Checkout: Succeeded [9f2c1e7] — Add the deploy stage'],
      ['stage:Source', 'Succeeded', 'stage Source: Succeeded'],
      ['action:Build/Compile', 'Succeeded', 'action Build/Compile: Succeeded (1m00s) [demo-build:0f1e2d3c]'],
      ['stage:Build', 'Succeeded', 'stage Build: Succeeded'],
      ['stage:Deploy', 'InProgress', 'stage Deploy: InProgress'],
      ['action:Deploy/Approve', `approval:${TOKEN}`, `action Deploy/Approve: waiting for approval; approve with: ${APPROVE}`],
    ],
  },
  {
    name: 'failed: the error message under the action, the summary under the header, later stages not reached',
    state: failed,
    execution: exec('Failed', 'Build failed'),
    history: [running],
    view: [
      HEADER,
      '✖ Failed',
      '  Build failed',
      '',
      '✔ Source        Succeeded',
      '    ✔ Checkout  Succeeded            9f2c1e7',
      '        Add the deploy stage',
      '✖ Build         Failed',
      '    ✖ Compile   Failed          42s  demo-build:0f1e2d3c',
      '        ✖ JobFailed: Build terminated with state: FAILED',
      '○ Deploy        not reached',
      '    ○ Approve',
      '    ○ Ship',
    ],
    events: [
      ['action:Source/Checkout', 'Succeeded', 'action Source/Checkout: Succeeded [9f2c1e7] — Add the deploy stage'],
      ['stage:Source', 'Succeeded', 'stage Source: Succeeded'],
      ['action:Build/Compile', 'Failed', 'action Build/Compile: Failed (42s) [demo-build:0f1e2d3c] — JobFailed: Build terminated with state: FAILED'],
      ['stage:Build', 'Failed', 'stage Build: Failed'],
    ],
  },
  {
    name: 'superseded: the stage NEW took over still shows what E did there; what E never entered is not reached',
    state: supersededAfter,
    execution: exec('Superseded'),
    history: [supersededBefore],
    view: [
      HEADER,
      '⊘ Superseded',
      '',
      '✔ Source        Succeeded',
      '    ✔ Checkout  Succeeded            9f2c1e7',
      '        Add the deploy stage',
      '○ Build         not reached',
      '    ○ Compile',
      '○ Deploy        not reached',
      '    ○ Approve',
      '    ○ Ship',
    ],
    events: [
      ['action:Source/Checkout', 'Succeeded', 'action Source/Checkout: Succeeded [9f2c1e7] — Add the deploy stage'],
      ['stage:Source', 'Succeeded', 'stage Source: Succeeded'],
    ],
  },
  {
    name: 'queued: E waits at the entrance of a stage OLD runs; OLD\'s action result is not shown as E\'s',
    state: queued,
    execution: exec('InProgress'),
    history: [supersededBefore],
    view: [
      HEADER,
      '⠋ InProgress  1m10s',
      '',
      '✔ Source        Succeeded',
      '    ✔ Checkout  Succeeded                 9f2c1e7',
      '        Add the deploy stage',
      '⧗ Build         waiting to enter',
      '    ○ Compile',
      '    ⧗ waiting to enter: 11111111 (InProgress)  ← this execution',
      '    ⧗ waiting to enter: 22222222 (InProgress)',
      '○ Deploy        not reached',
      '    ○ Approve',
      '    ○ Ship',
    ],
    events: [
      ['action:Source/Checkout', 'Succeeded', 'action Source/Checkout: Succeeded [9f2c1e7] — Add the deploy stage'],
      ['stage:Source', 'Succeeded', 'stage Source: Succeeded'],
      ['stage:Build', 'Waiting', 'stage Build: waiting to enter'],
    ],
  },
  {
    name: 'a disabled inbound transition, with its reason',
    state: transitionDisabled,
    execution: exec('InProgress'),
    history: [],
    view: [
      HEADER,
      '⠋ InProgress  1m10s',
      '',
      '✔ Source        Succeeded',
      '    ✔ Checkout  Succeeded                 9f2c1e7',
      '        Add the deploy stage',
      '⧗ Build         waiting to enter',
      '    ⊘ inbound transition disabled: freeze until Monday',
      '    ○ Compile',
      '    ⧗ waiting to enter: 11111111 (InProgress)  ← this execution',
      '○ Deploy        not reached',
      '    ○ Approve',
      '    ○ Ship',
    ],
    events: [
      ['action:Source/Checkout', 'Succeeded', 'action Source/Checkout: Succeeded [9f2c1e7] — Add the deploy stage'],
      ['stage:Source', 'Succeeded', 'stage Source: Succeeded'],
      ['transition:Build', 'disabled', 'stage Build: inbound transition disabled (freeze until Monday)'],
      ['stage:Build', 'Waiting', 'stage Build: waiting to enter'],
    ],
  },
  {
    name: 'succeeded: durations only where the start was seen',
    state: succeeded,
    execution: exec('Succeeded'),
    history: [running, approvalPending],
    view: [
      HEADER,
      '✔ Succeeded',
      '',
      '✔ Source        Succeeded',
      '    ✔ Checkout  Succeeded          9f2c1e7',
      '        Add the deploy stage',
      '✔ Build         Succeeded',
      '    ✔ Compile   Succeeded   1m00s  demo-build:0f1e2d3c',
      '✔ Deploy        Succeeded',
      '    ✔ Approve   Succeeded     14s',
      '        looks good',
      '    ✔ Ship      Succeeded',
    ],
    events: [
      ['action:Source/Checkout', 'Succeeded', 'action Source/Checkout: Succeeded [9f2c1e7] — Add the deploy stage'],
      ['stage:Source', 'Succeeded', 'stage Source: Succeeded'],
      ['action:Build/Compile', 'Succeeded', 'action Build/Compile: Succeeded (1m00s) [demo-build:0f1e2d3c]'],
      ['stage:Build', 'Succeeded', 'stage Build: Succeeded'],
      ['action:Deploy/Approve', 'Succeeded', 'action Deploy/Approve: Succeeded (14s) — looks good'],
      ['action:Deploy/Ship', 'Succeeded', 'action Deploy/Ship: Succeeded'],
      ['stage:Deploy', 'Succeeded', 'stage Deploy: Succeeded'],
    ],
  },
];

for (const c of cases) {
  test(`renderPipelineView — ${c.name}`, () => {
    assert.deepEqual(renderPipelineView(c.state, c.execution, NOW, { ...BASE, memory: remembered(c.history) }), c.view);
  });
  test(`statusEvents — ${c.name}`, () => {
    const events = statusEvents(c.state, c.execution, NOW, { ...BASE, memory: remembered(c.history) });
    assert.deepEqual(events.map((e) => [e.key, e.sig, e.line]), c.events);
  });
}

test('without history, a stage another execution now runs is not reached for E (nothing borrowed from OLD or NEW)', () => {
  const lines = renderPipelineView(queued, exec('InProgress'), NOW, BASE);
  assert.ok(lines.includes('○ Source        not reached'), lines.join('\n'));
  assert.ok(!lines.some((l) => /Compile\s+InProgress/.test(l)), lines.join('\n'));
});

test('an action result older than the execution start belongs to an earlier run: shown as not run yet', () => {
  const state: PipelineState = {
    stageStates: [
      {
        stageName: 'Build',
        latestExecution: { pipelineExecutionId: E, status: 'InProgress' },
        actionStates: [
          { actionName: 'Unit', latestExecution: { actionExecutionId: 'u-2', status: 'InProgress', lastStatusChange: T0 + 5 } },
          { actionName: 'Lint', latestExecution: { actionExecutionId: 'l-1', status: 'Failed', lastStatusChange: T0 - 600, errorDetails: { message: 'old failure' } } },
        ],
      },
    ],
  };
  const lines = renderPipelineView(state, exec('InProgress'), NOW, { ...BASE, memory: emptyMemory(E, T0 * 1000) });
  assert.ok(lines.some((l) => /^ {4}○ Lint$/.test(l)), lines.join('\n'));
  assert.ok(!lines.some((l) => l.includes('old failure')));
});

test('an action id seen while another execution ran the stage is not E\'s, even when newer than E\'s start', () => {
  const other: PipelineState = {
    stageStates: [{ stageName: 'Build', latestExecution: { pipelineExecutionId: OLD, status: 'InProgress' }, actionStates: [{ actionName: 'Unit', latestExecution: { actionExecutionId: 'u-old', status: 'InProgress', lastStatusChange: T0 + 1 } }] }],
  };
  const ours: PipelineState = {
    stageStates: [{ stageName: 'Build', latestExecution: { pipelineExecutionId: E, status: 'InProgress' }, actionStates: [{ actionName: 'Unit', latestExecution: { actionExecutionId: 'u-old', status: 'Succeeded', lastStatusChange: T0 + 20 } }] }],
  };
  const memory = observe(emptyMemory(E, T0 * 1000), other.stageStates, NOW.getTime());
  const lines = renderPipelineView(ours, exec('InProgress'), NOW, { ...BASE, memory });
  assert.ok(lines.some((l) => /^ {4}○ Unit$/.test(l)), lines.join('\n'));
});

test('colors: ANSI only when asked; the spinner moves with the frame', () => {
  const plain = renderPipelineView(running, exec('InProgress'), NOW, BASE).join('\n');
  assert.ok(!plain.includes('\x1b['));
  const colored = renderPipelineView(running, exec('InProgress'), NOW, { ...BASE, color: true, frame: 3 }).join('\n');
  assert.ok(colored.includes('\x1b[32m✔\x1b[0m Source'));
  assert.ok(colored.includes('\x1b[36m⠸\x1b[0m Build'));
  assert.ok(colored.includes('\x1b[2m○\x1b[0m Deploy'));
});

test('Japanese labels keep the columns aligned (wide characters count twice)', () => {
  const lines = renderPipelineView(approvalPending, exec('InProgress'), NOW, { ...BASE, lang: 'ja', memory: remembered([running]) });
  assert.equal(lines[0], `パイプライン demo   実行 ${E}`);
  assert.ok(lines.includes('    ◆ Approve   承認待ち        4s'), lines.join('\n'));
  assert.ok(lines.includes('    ✔ Compile   Succeeded    1m00s  demo-build:0f1e2d3c'), lines.join('\n'));
  assert.ok(lines.includes('        承認するには:'));
});

test('approvalCommand quotes only what a shell would split', () => {
  assert.equal(
    approvalCommand({ pipelineName: 'my.pipe@1', endpoint: 'http://h:1/a b', region: 'eu-west-1' }, 'S', 'A', TOKEN),
    `aws codepipeline put-approval-result --pipeline-name my.pipe@1 --stage-name S --action-name A --result summary=Approved,status=Approved --token ${TOKEN} --endpoint-url 'http://h:1/a b' --region eu-west-1`,
  );
});

for (const [ms, text] of [
  [0, '0s'],
  [-5, '0s'],
  [59_999, '59s'],
  [60_000, '1m00s'],
  [3_599_000, '59m59s'],
  [3_600_000, '1h00m'],
  [7_380_000, '2h03m'],
  [86_399_000, '23h59m'],
  [2 * 86_400_000 + 3 * 3_600_000, '2d03h'],
] as const) {
  test(`formatDuration(${ms}) = ${text}`, () => assert.equal(formatDuration(ms), text));
}

