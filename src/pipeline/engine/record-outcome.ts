/**
 * An action's outcome made durable and fed to the machine, in one pipeline transaction: the action
 * row (summary, external ids, outputs, approval token), the execution (artifacts, namespaces,
 * source revisions) and the machine event. A result for a row that is no longer InProgress (stopped,
 * abandoned, superseded by a retry) is dropped: late results never change history.
 */
import type { ActionOutcome, PipelineScope } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import { findActionExecution, findExecution, updateActionExecution, updateExecution, type ActionExecutionRecord, type ActionPatch } from '../executions/execution-repo.js';
import { applyEvent } from './apply-event.js';
import { APPROVAL_TIMEOUT_JOB, type ActionJobPayload } from './job-kinds.js';
import { withPipeline } from './with-pipeline.js';

export async function recordOutcome(deps: PipelineDeps, scope: PipelineScope, row: ActionExecutionRecord, outcome: ActionOutcome): Promise<void> {
  await withPipeline(deps, scope, row.pipelineName, async (p) => {
    const now = deps.clock.now();
    const current = await findActionExecution(p.tx, scope, row.pipelineName, row.id, true);
    if (!current || current.status !== 'InProgress') return;
    const ref = { executionId: current.executionId, stage: current.stageName, action: current.actionName, attempt: current.attempt };
    const common: ActionPatch = {
      ...(outcome.summary !== undefined ? { summary: outcome.summary } : {}),
      ...(outcome.externalExecutionId !== undefined ? { externalExecutionId: outcome.externalExecutionId } : {}),
      ...(outcome.externalExecutionUrl !== undefined ? { externalExecutionUrl: outcome.externalExecutionUrl } : {}),
    };
    if (outcome.kind === 'waiting') {
      const patch: ActionPatch = { ...common };
      if (outcome.approval) {
        const expiresAt = new Date(now.getTime() + outcome.approval.timeoutMs);
        patch.token = outcome.approval.token;
        patch.expiresAt = expiresAt;
        const payload: ActionJobPayload = { accountId: scope.accountId, region: scope.region, pipelineName: row.pipelineName, actionExecutionId: row.id };
        await deps.queue.enqueue(p.tx, APPROVAL_TIMEOUT_JOB, { ...payload }, { runAt: expiresAt, dedupeKey: `codepipeline-approval:${row.id}` });
      }
      await updateActionExecution(p.tx, scope, row.pipelineName, row.id, patch, now);
      return;
    }
    if (outcome.kind === 'failed') {
      await updateActionExecution(p.tx, scope, row.pipelineName, row.id, { ...common, errorDetails: outcome.error }, now);
      await applyEvent(p, { type: 'ACTION_FAILED', ...ref, error: outcome.error });
      return;
    }
    const outputs = outcome.outputArtifacts ?? [];
    await updateActionExecution(
      p.tx,
      scope,
      row.pipelineName,
      row.id,
      {
        ...common,
        output: {
          outputArtifacts: outputs.map((a) => ({ name: a.name, s3location: { bucket: a.bucket, key: a.key } })),
          ...(outcome.outputVariables ? { outputVariables: outcome.outputVariables } : {}),
        },
      },
      now,
    );
    const execution = await findExecution(p.tx, scope, row.pipelineName, current.executionId);
    if (execution) {
      const artifacts = { ...execution.artifacts };
      for (const a of outputs) artifacts[a.name] = a;
      const namespaces = { ...execution.namespaces };
      if (current.input.namespace && outcome.outputVariables) namespaces[current.input.namespace] = outcome.outputVariables;
      const sourceRevisions = outcome.revision
        ? [
            ...execution.sourceRevisions.filter((r) => r.actionName !== current.actionName),
            {
              actionName: current.actionName,
              revisionId: outcome.revision.revisionId,
              ...(outcome.revision.revisionSummary !== undefined ? { revisionSummary: outcome.revision.revisionSummary } : {}),
              ...(outcome.revision.revisionUrl !== undefined ? { revisionUrl: outcome.revision.revisionUrl } : {}),
              ...(outcome.revision.created ? { created: outcome.revision.created.toISOString() } : {}),
              ...(outputs[0] ? { artifactName: outputs[0].name } : {}),
            },
          ]
        : execution.sourceRevisions;
      await updateExecution(p.tx, scope, row.pipelineName, execution.id, { artifacts, namespaces, sourceRevisions }, now);
    }
    await applyEvent(p, { type: 'ACTION_SUCCEEDED', ...ref });
  });
}

/**
 * A waiting action's external result (build completion, approval answer, approval timeout), applied
 * only while the row still waits.
 */
export async function finishWaitingAction(
  deps: PipelineDeps,
  scope: PipelineScope,
  pipelineName: string,
  actionExecutionId: string,
  outcome: Exclude<ActionOutcome, { kind: 'waiting' }>,
): Promise<void> {
  const row = await findActionExecution(deps.db, scope, pipelineName, actionExecutionId);
  if (!row || row.status !== 'InProgress') return;
  await recordOutcome(deps, scope, row, outcome).catch((err: unknown) => {
    // The pipeline was deleted meanwhile: nothing to record.
    if ((err as { code?: string }).code === 'PipelineNotFoundException') return;
    throw err;
  });
}
