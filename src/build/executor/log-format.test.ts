import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandFailure, exitReason, formatAgentLine, formatLogTime } from './log-format.js';

test('log format: [Container] YYYY/MM/DD HH:MM:SS.ffffff in UTC (spec A.10)', () => {
  const at = new Date(Date.UTC(2026, 2, 4, 5, 6, 7, 89));
  assert.equal(formatLogTime(at), '2026/03/04 05:06:07.089000');
  assert.equal(formatAgentLine(at, 'Entering phase BUILD'), '[Container] 2026/03/04 05:06:07.089000 Entering phase BUILD');
  assert.match(formatAgentLine(new Date(), 'x'), /^\[Container\] \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} x$/);
});

test('log format: command failure line and phase context message (spec A.9)', () => {
  assert.deepEqual(commandFailure('make test', exitReason(2, null)), {
    line: 'Command did not exit successfully make test exit status 2',
    message: 'Error while executing command: make test. Reason: exit status 2',
  });
  assert.equal(exitReason(null, 'SIGKILL'), 'signal: killed');
  assert.equal(exitReason(null, 'SIGUSR1'), 'signal: SIGUSR1');
});
