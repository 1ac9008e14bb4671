/**
 * Approval / AWS / Manual (spec C.7): the action waits with a fresh token until PutApprovalResult
 * quotes it (Approved → Succeeded, Rejected → Failed) or its timeout passes (7 days by default,
 * `timeoutInMinutes` 5–86400; divided by --time-scale). `NotificationArn` is kept for the
 * notifications work; nothing is sent yet. `CustomData`/`ExternalEntityLink` show in the summary.
 */
import { randomUUID } from 'node:crypto';
import type { ActionOutcome, ActionRun } from './types.js';

export const DEFAULT_APPROVAL_TIMEOUT_MINUTES = 7 * 24 * 60;

export function runManualApproval(run: ActionRun, timeoutInMinutes: number | undefined): ActionOutcome {
  const minutes = timeoutInMinutes ?? DEFAULT_APPROVAL_TIMEOUT_MINUTES;
  const custom = run.configuration.CustomData;
  return {
    kind: 'waiting',
    ...(custom ? { summary: custom } : {}),
    ...(run.configuration.ExternalEntityLink ? { externalExecutionUrl: run.configuration.ExternalEntityLink } : {}),
    approval: { token: randomUUID(), timeoutMs: run.deps.clock.scaledDelayMs(minutes * 60_000) },
  };
}
