import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OnFailure } from '../buildspec/index.js';
import { decide, startBuild, TIMED_OUT_CONTEXT } from './decide.js';
import type { BuildCommand, BuildEvent, BuildState } from './decide.js';
import type { BuildPhaseType, BuildspecPhaseType } from './status.js';

type Outcome = 'ok' | 'fail' | 'fault' | 'timeout' | 'stop';

interface Walk {
  state: BuildState;
  ran: BuildPhaseType[];
  commands: BuildCommand[];
  succeedingAt: Partial<Record<BuildPhaseType, boolean>>;
}

const T0 = Date.UTC(2026, 0, 1);

/** Drives the machine like an executor: each RUN_PHASE gets the next scripted outcome (default ok). */
function walk(script: Partial<Record<BuildPhaseType, Outcome[]>>, onFailure: Partial<Record<BuildspecPhaseType, OnFailure>> = {}): Walk {
  let tick = 0;
  const at = (): Date => new Date(T0 + 1500 * tick++);
  let { next: state, commands } = startBuild(at());
  const all = [...commands];
  const ran: BuildPhaseType[] = [];
  const succeedingAt: Walk['succeedingAt'] = {};
  const queues = Object.fromEntries(Object.entries(script).map(([k, v]) => [k, [...v]]));
  for (let guard = 0; guard < 100 && !state.buildComplete; guard++) {
    const run = commands.find((c) => c.type === 'RUN_PHASE');
    assert.ok(run && run.type === 'RUN_PHASE', 'an unfinished build always asks for a phase');
    ran.push(run.phaseType);
    succeedingAt[run.phaseType] = run.succeeding;
    if (run.phaseType === 'DOWNLOAD_SOURCE') state = decide(state, { type: 'PLAN_LOADED', onFailure }).next;
    const outcome = queues[run.phaseType]?.shift() ?? 'ok';
    const event: BuildEvent =
      outcome === 'ok'
        ? { type: 'PHASE_SUCCEEDED', at: at() }
        : outcome === 'timeout'
          ? { type: 'TIMED_OUT', at: at() }
          : outcome === 'stop'
            ? { type: 'STOPPED', at: at() }
            : { type: 'PHASE_FAILED', at: at(), fault: outcome === 'fault', context: { statusCode: 'COMMAND_EXECUTION_ERROR', message: `Error while executing command: x. Reason: exit status 1` } };
    ({ next: state, commands } = decide(state, event));
    all.push(...commands);
  }
  assert.ok(state.buildComplete);
  return { state, ran, commands: all, succeedingAt };
}

const summary = (w: Walk): string[] => w.state.phases.map((p) => `${p.phaseType}${p.phaseStatus ? ':' + p.phaseStatus : ''}`);
const ALL_OK = ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:SUCCEEDED', 'INSTALL:SUCCEEDED', 'PRE_BUILD:SUCCEEDED', 'BUILD:SUCCEEDED', 'POST_BUILD:SUCCEEDED', 'UPLOAD_ARTIFACTS:SUCCEEDED', 'FINALIZING:SUCCEEDED', 'COMPLETED'];

// Spec A.10 transition table, one row per failing phase, plus the on-failure / timeout / stop rules.
const table: Array<{ name: string; script: Partial<Record<BuildPhaseType, Outcome[]>>; onFailure?: Partial<Record<BuildspecPhaseType, OnFailure>>; phases: string[]; status: string }> = [
  { name: 'every phase succeeds', script: {}, phases: ALL_OK, status: 'SUCCEEDED' },
  { name: 'PROVISIONING fails → FINALIZING', script: { PROVISIONING: ['fail'] }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED'], status: 'FAILED' },
  { name: 'DOWNLOAD_SOURCE fails (YAML_FILE_ERROR) → FINALIZING', script: { DOWNLOAD_SOURCE: ['fail'] }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED'], status: 'FAILED' },
  { name: 'INSTALL fails → FINALIZING', script: { INSTALL: ['fail'] }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:SUCCEEDED', 'INSTALL:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED'], status: 'FAILED' },
  { name: 'PRE_BUILD fails → FINALIZING (BUILD, POST_BUILD, UPLOAD_ARTIFACTS skipped)', script: { PRE_BUILD: ['fail'] }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:SUCCEEDED', 'INSTALL:SUCCEEDED', 'PRE_BUILD:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED'], status: 'FAILED' },
  { name: 'BUILD fails → POST_BUILD, UPLOAD_ARTIFACTS, FINALIZING still run (Surprise 3)', script: { BUILD: ['fail'] }, phases: ALL_OK.map((p) => (p === 'BUILD:SUCCEEDED' ? 'BUILD:FAILED' : p)), status: 'FAILED' },
  { name: 'POST_BUILD fails → UPLOAD_ARTIFACTS, FINALIZING', script: { POST_BUILD: ['fail'] }, phases: ALL_OK.map((p) => (p === 'POST_BUILD:SUCCEEDED' ? 'POST_BUILD:FAILED' : p)), status: 'FAILED' },
  { name: 'UPLOAD_ARTIFACTS fails → FINALIZING; the build is FAILED', script: { UPLOAD_ARTIFACTS: ['fail'] }, phases: ALL_OK.map((p) => (p === 'UPLOAD_ARTIFACTS:SUCCEEDED' ? 'UPLOAD_ARTIFACTS:FAILED' : p)), status: 'FAILED' },
  { name: 'FINALIZING fails → COMPLETED', script: { FINALIZING: ['fail'] }, phases: ALL_OK.map((p) => (p === 'FINALIZING:SUCCEEDED' ? 'FINALIZING:FAILED' : p)), status: 'FAILED' },
  { name: 'on-failure CONTINUE on INSTALL runs PRE_BUILD anyway; build FAILED', script: { INSTALL: ['fail'] }, onFailure: { INSTALL: { kind: 'CONTINUE' } }, phases: ALL_OK.map((p) => (p === 'INSTALL:SUCCEEDED' ? 'INSTALL:FAILED' : p)), status: 'FAILED' },
  { name: 'on-failure CONTINUE on PRE_BUILD runs BUILD', script: { PRE_BUILD: ['fail'] }, onFailure: { PRE_BUILD: { kind: 'CONTINUE' } }, phases: ALL_OK.map((p) => (p === 'PRE_BUILD:SUCCEEDED' ? 'PRE_BUILD:FAILED' : p)), status: 'FAILED' },
  { name: 'on-failure ABORT on BUILD skips POST_BUILD and UPLOAD_ARTIFACTS', script: { BUILD: ['fail'] }, onFailure: { BUILD: { kind: 'ABORT' } }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:SUCCEEDED', 'INSTALL:SUCCEEDED', 'PRE_BUILD:SUCCEEDED', 'BUILD:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED'], status: 'FAILED' },
  { name: 'on-failure ABORT on INSTALL behaves like the default', script: { INSTALL: ['fail'] }, onFailure: { INSTALL: { kind: 'ABORT' } }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:SUCCEEDED', 'INSTALL:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED'], status: 'FAILED' },
  { name: 'on-failure RETRY-2: fail then succeed → one BUILD record, SUCCEEDED', script: { BUILD: ['fail', 'ok'] }, onFailure: { BUILD: { kind: 'RETRY', count: 2 } }, phases: ALL_OK, status: 'SUCCEEDED' },
  { name: 'on-failure RETRY-1 exhausted → default transition', script: { BUILD: ['fail', 'fail'] }, onFailure: { BUILD: { kind: 'RETRY', count: 1 } }, phases: ALL_OK.map((p) => (p === 'BUILD:SUCCEEDED' ? 'BUILD:FAILED' : p)), status: 'FAILED' },
  { name: 'on-failure RETRY-<regex> not matching the message → no retry', script: { PRE_BUILD: ['fail', 'ok'] }, onFailure: { PRE_BUILD: { kind: 'RETRY', count: 3, pattern: 'network' } }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:SUCCEEDED', 'INSTALL:SUCCEEDED', 'PRE_BUILD:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED'], status: 'FAILED' },
  { name: 'on-failure RETRY-<regex> matching the message → retried', script: { PRE_BUILD: ['fail', 'ok'] }, onFailure: { PRE_BUILD: { kind: 'RETRY', count: 3, pattern: 'exit status \\d' } }, phases: ALL_OK, status: 'SUCCEEDED' },
  { name: 'timeout in BUILD → BUILD TIMED_OUT, then COMPLETED', script: { BUILD: ['timeout'] }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:SUCCEEDED', 'INSTALL:SUCCEEDED', 'PRE_BUILD:SUCCEEDED', 'BUILD:TIMED_OUT', 'COMPLETED'], status: 'TIMED_OUT' },
  { name: 'timeout in QUEUED → QUEUED TIMED_OUT', script: { QUEUED: ['timeout'] }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:TIMED_OUT', 'COMPLETED'], status: 'TIMED_OUT' },
  { name: 'timeout in POST_BUILD after a BUILD failure → TIMED_OUT wins', script: { BUILD: ['fail'], POST_BUILD: ['timeout'] }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:SUCCEEDED', 'INSTALL:SUCCEEDED', 'PRE_BUILD:SUCCEEDED', 'BUILD:FAILED', 'POST_BUILD:TIMED_OUT', 'COMPLETED'], status: 'TIMED_OUT' },
  { name: 'StopBuild in PRE_BUILD → PRE_BUILD STOPPED, then COMPLETED', script: { PRE_BUILD: ['stop'] }, phases: ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:SUCCEEDED', 'INSTALL:SUCCEEDED', 'PRE_BUILD:STOPPED', 'COMPLETED'], status: 'STOPPED' },
  { name: 'a service fault in UPLOAD_ARTIFACTS → FAULT', script: { UPLOAD_ARTIFACTS: ['fault'] }, phases: ALL_OK.map((p) => (p === 'UPLOAD_ARTIFACTS:SUCCEEDED' ? 'UPLOAD_ARTIFACTS:FAULT' : p)), status: 'FAULT' },
  { name: 'the first failure decides: BUILD FAILED then UPLOAD_ARTIFACTS FAULT → FAILED', script: { BUILD: ['fail'], UPLOAD_ARTIFACTS: ['fault'] }, phases: ALL_OK.map((p) => (p === 'BUILD:SUCCEEDED' ? 'BUILD:FAILED' : p === 'UPLOAD_ARTIFACTS:SUCCEEDED' ? 'UPLOAD_ARTIFACTS:FAULT' : p)), status: 'FAILED' },
];

for (const row of table) {
  test(`decide: ${row.name}`, () => {
    const w = walk(row.script, row.onFailure);
    assert.deepEqual(summary(w), row.phases);
    assert.equal(w.state.buildStatus, row.status);
    assert.equal(w.state.currentPhase, 'COMPLETED');
    const complete = w.commands.filter((c) => c.type === 'COMPLETE');
    assert.deepEqual(complete, [{ type: 'COMPLETE', buildStatus: row.status }]);
  });
}

test('decide: CODEBUILD_BUILD_SUCCEEDING is 1 until a phase fails, then 0 (spec A.10)', () => {
  const w = walk({ BUILD: ['fail'] });
  assert.equal(w.succeedingAt.BUILD, true);
  assert.equal(w.succeedingAt.POST_BUILD, false);
  assert.equal(w.succeedingAt.UPLOAD_ARTIFACTS, false);
});

test('decide: a retried phase runs again with attempt 2 and stays succeeding', () => {
  const w = walk({ BUILD: ['fail', 'ok'] }, { BUILD: { kind: 'RETRY', count: 3 } });
  const runs = w.commands.filter((c): c is Extract<BuildCommand, { type: 'RUN_PHASE' }> => c.type === 'RUN_PHASE' && c.phaseType === 'BUILD');
  assert.deepEqual(runs.map((r) => [r.attempt, r.succeeding]), [[1, true], [2, true]]);
  assert.ok(w.commands.some((c) => c.type === 'LOG' && c.message === 'Retrying phase BUILD (retry 1 of 3)'));
});

test('decide: phase record shapes match BatchGetBuilds (Surprise 12)', () => {
  const w = walk({ BUILD: ['fail'] });
  const byType = Object.fromEntries(w.state.phases.map((p) => [p.phaseType, p]));
  assert.equal(byType.SUBMITTED?.contexts, undefined);
  assert.equal(byType.QUEUED?.contexts, undefined);
  assert.deepEqual(byType.PROVISIONING?.contexts, [{ statusCode: '', message: '' }]);
  assert.deepEqual(byType.BUILD?.contexts, [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: x. Reason: exit status 1' }]);
  assert.deepEqual(Object.keys(byType.COMPLETED ?? {}).sort(), ['phaseType', 'startTime']);
  // 1.5 s per step, truncated to whole seconds.
  assert.equal(byType.INSTALL?.durationInSeconds, 1);
  assert.ok(w.state.endTime instanceof Date);
});

test('decide: timed-out phase carries BUILD_TIMED_OUT; stopped phase carries no contexts; TERMINATE first', () => {
  const t = walk({ INSTALL: ['timeout'] });
  assert.deepEqual(t.state.phases.find((p) => p.phaseType === 'INSTALL')?.contexts, [TIMED_OUT_CONTEXT]);
  assert.ok(t.commands.findIndex((c) => c.type === 'TERMINATE') < t.commands.findIndex((c) => c.type === 'COMPLETE'));
  const s = walk({ INSTALL: ['stop'] });
  assert.equal(s.state.phases.find((p) => p.phaseType === 'INSTALL')?.contexts, undefined);
});

test('decide: agent log lines — Entering for buildspec phases, Phase complete for container phases only', () => {
  const w = walk({ BUILD: ['fail'] });
  const logs = w.commands.flatMap((c) => (c.type === 'LOG' ? [c.message] : []));
  assert.deepEqual(logs.filter((l) => l.startsWith('Entering')), ['Entering phase INSTALL', 'Entering phase PRE_BUILD', 'Entering phase BUILD', 'Entering phase POST_BUILD']);
  assert.deepEqual(
    logs.filter((l) => l.startsWith('Phase complete')),
    ['DOWNLOAD_SOURCE: SUCCEEDED', 'INSTALL: SUCCEEDED', 'PRE_BUILD: SUCCEEDED', 'BUILD: FAILED', 'POST_BUILD: SUCCEEDED', 'UPLOAD_ARTIFACTS: SUCCEEDED'].map((s) => `Phase complete: ${s.replace(': ', ' State: ')}`),
  );
  assert.ok(logs.includes('Phase context status code:  Message: '));
  assert.ok(logs.includes('Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: x. Reason: exit status 1'));
});

test('decide: events after completion change nothing', () => {
  const w = walk({});
  const again = decide(w.state, { type: 'STOPPED', at: new Date() });
  assert.equal(again.next, w.state);
  assert.deepEqual(again.commands, []);
});
