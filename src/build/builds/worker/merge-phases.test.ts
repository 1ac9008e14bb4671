import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergePhases } from './merge-phases.js';

const at = (s: number): Date => new Date(Date.UTC(2026, 0, 1) + s * 1000);
const prefix = [
  { phaseType: 'SUBMITTED' as const, phaseStatus: 'SUCCEEDED' as const, startTime: at(0), endTime: at(0), durationInSeconds: 0 },
  { phaseType: 'QUEUED' as const, phaseStatus: 'SUCCEEDED' as const, startTime: at(0), endTime: at(1), durationInSeconds: 1 },
  { phaseType: 'PROVISIONING' as const, phaseStatus: 'SUCCEEDED' as const, startTime: at(1), endTime: at(1), durationInSeconds: 0, contexts: [{ statusCode: '', message: '' }] },
];

test('before the executor reaches DOWNLOAD_SOURCE, fetching shows as DOWNLOAD_SOURCE in progress', () => {
  const m = mergePhases(prefix, at(1), { currentPhase: 'PROVISIONING', phases: [{ phaseType: 'SUBMITTED', startTime: at(9) }] });
  assert.equal(m.currentPhase, 'DOWNLOAD_SOURCE');
  assert.deepEqual(m.phases.at(-1), { phaseType: 'DOWNLOAD_SOURCE', startTime: at(1) });
});

test("the executor's phases from DOWNLOAD_SOURCE on follow the stored ones; DOWNLOAD_SOURCE starts when fetching did", () => {
  const m = mergePhases(prefix, at(1), {
    currentPhase: 'INSTALL',
    phases: [
      { phaseType: 'PROVISIONING', phaseStatus: 'SUCCEEDED', startTime: at(20), endTime: at(20), durationInSeconds: 0 },
      { phaseType: 'DOWNLOAD_SOURCE', phaseStatus: 'SUCCEEDED', startTime: at(20), endTime: at(21), durationInSeconds: 1 },
      { phaseType: 'INSTALL', startTime: at(21) },
    ],
  });
  assert.equal(m.currentPhase, 'INSTALL');
  assert.deepEqual(m.phases.map((p) => p.phaseType), ['SUBMITTED', 'QUEUED', 'PROVISIONING', 'DOWNLOAD_SOURCE', 'INSTALL']);
  assert.equal(m.phases[3]!.startTime.getTime(), at(1).getTime());
  assert.equal(m.phases[3]!.durationInSeconds, 20);
});

test("an executor that ends in its own PROVISIONING (a pull failed, or the build was stopped meanwhile) ends the build's PROVISIONING", () => {
  const failed = { statusCode: 'CLIENT_ERROR', message: 'CannotPullContainerError: pull x: manifest unknown' };
  const m = mergePhases(prefix, at(1), {
    currentPhase: 'COMPLETED',
    phases: [
      { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: at(2), endTime: at(2), durationInSeconds: 0 },
      { phaseType: 'PROVISIONING', phaseStatus: 'FAILED', startTime: at(2), endTime: at(9), durationInSeconds: 7, contexts: [failed] },
      { phaseType: 'FINALIZING', phaseStatus: 'SUCCEEDED', startTime: at(9), endTime: at(9), durationInSeconds: 0, contexts: [{ statusCode: '', message: '' }] },
      { phaseType: 'COMPLETED', startTime: at(9) },
    ],
  });
  assert.equal(m.currentPhase, 'COMPLETED');
  assert.deepEqual(m.phases.map((p) => `${p.phaseType}:${p.phaseStatus ?? ''}`), ['SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED:']);
  assert.deepEqual(m.phases[2], { phaseType: 'PROVISIONING', phaseStatus: 'FAILED', startTime: at(1), endTime: at(9), durationInSeconds: 8, contexts: [failed] });
});

test('while the executor is still provisioning, fetching and provisioning show as DOWNLOAD_SOURCE in progress', () => {
  const m = mergePhases(prefix, at(1), { currentPhase: 'PROVISIONING', phases: [{ phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: at(2) }, { phaseType: 'PROVISIONING', startTime: at(2) }] });
  assert.equal(m.currentPhase, 'DOWNLOAD_SOURCE');
  assert.deepEqual(m.phases.at(-1), { phaseType: 'DOWNLOAD_SOURCE', startTime: at(1) });
});
