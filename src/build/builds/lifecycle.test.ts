import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimedPhases, endedPhases, interruptedPhases, openPhaseType, sourceFailedPhases, submittedPhases } from './lifecycle.js';

const t0 = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
const at = (s: number): Date => new Date(t0.getTime() + s * 1000);
const summary = (phases: { phaseType: string; phaseStatus?: string }[]): string[] => phases.map((p) => `${p.phaseType}${p.phaseStatus ? ':' + p.phaseStatus : ''}`);

test('StartBuild: SUBMITTED done without contexts, QUEUED open ([CLI-EX:codebuild/retry-build])', () => {
  const p = submittedPhases(t0);
  assert.deepEqual(p, [
    { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: t0, endTime: t0, durationInSeconds: 0 },
    { phaseType: 'QUEUED', startTime: t0 },
  ]);
  assert.equal(openPhaseType(p), 'QUEUED');
});

test('claim: QUEUED closes with whole seconds, PROVISIONING opens', () => {
  const p = claimedPhases(submittedPhases(t0), new Date(t0.getTime() + 4452));
  assert.deepEqual(summary(p), ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING']);
  assert.equal(p[1]!.durationInSeconds, 4, 'truncated, as AWS does');
  assert.equal(p[1]!.contexts, undefined);
});

test('ended while running: the open phase takes the status, then COMPLETED with only type and start', () => {
  const p = endedPhases(claimedPhases(submittedPhases(t0), at(1)), 'STOPPED', at(3));
  assert.deepEqual(summary(p), ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:STOPPED', 'COMPLETED']);
  assert.deepEqual(p[2]!.contexts, [{ statusCode: '', message: '' }]);
  assert.deepEqual(p[3], { phaseType: 'COMPLETED', startTime: at(3) });
});

test('DOWNLOAD_SOURCE failure goes to FINALIZING (spec A.10); interruption turns STOPPED into FAILED with a context', () => {
  const base = [...claimedPhases(submittedPhases(t0), at(1)).slice(0, 2), { phaseType: 'DOWNLOAD_SOURCE' as const, startTime: at(1) }];
  const ctx = { statusCode: 'CLIENT_ERROR', message: 'boom' };
  const p = sourceFailedPhases(base, at(2), ctx);
  assert.deepEqual(summary(p), ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'DOWNLOAD_SOURCE:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED']);
  assert.deepEqual(p[2]!.contexts, [ctx]);
  const stopped = endedPhases(base, 'STOPPED', at(2));
  const i = interruptedPhases(stopped, ctx);
  assert.deepEqual(summary(i).slice(-2), ['DOWNLOAD_SOURCE:FAILED', 'COMPLETED']);
  assert.deepEqual(i[2]!.contexts, [ctx]);
});
