/**
 * The API's controls over running executions (spec C.8, D.3): StopPipelineExecution,
 * RetryStageExecution, RollbackStage, PutApprovalResult, Enable/DisableStageTransition. Each is one
 * pipeline transaction: checks, then one machine event (whose rejection is AWS's exception).
 */
import type { PipelineScope } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import { executionNotFound, pipelineError, stageNotFound } from '../errors.js';
import { applyEvent } from '../engine/apply-event.js';
import { withPipeline, type PipelineTx } from '../engine/with-pipeline.js';
import { findByApprovalToken, findExecution, stageActionExecutions, updateActionExecution, type ExecutionRecord } from '../executions/execution-repo.js';
import { startExecutionIn } from './start-execution.js';
import type { PutApprovalResultInput, RetryStageInput, RollbackStageInput, StageTransitionInput, StopExecutionInput } from './types.js';

async function executionOf(p: PipelineTx, id: string): Promise<ExecutionRecord> {
  const e = await findExecution(p.tx, p.scope, p.record.name, id);
  if (!e) throw executionNotFound(p.record.name, id);
  return e;
}

function stageOf(p: PipelineTx, stageName: string) {
  const stage = p.record.declaration.stages.find((s) => s.name === stageName);
  if (!stage) throw stageNotFound(p.record.name, stageName);
  return stage;
}

export async function stopPipelineExecution(deps: PipelineDeps, scope: PipelineScope, input: StopExecutionInput): Promise<string> {
  return withPipeline(deps, scope, input.pipelineName, async (p) => {
    const e = await executionOf(p, input.pipelineExecutionId);
    if (e.status !== 'InProgress' && e.status !== 'Stopping') {
      throw pipelineError('PipelineExecutionNotStoppableException', `Pipeline execution ${e.id} is ${e.status}: only an execution in progress can be stopped`);
    }
    await applyEvent(p, { type: 'STOP', executionId: e.id, abandon: input.abandon === true, ...(input.reason !== undefined ? { reason: input.reason } : {}) });
    return e.id;
  });
}

export async function retryStageExecution(deps: PipelineDeps, scope: PipelineScope, input: RetryStageInput): Promise<string> {
  return withPipeline(deps, scope, input.pipelineName, async (p) => {
    stageOf(p, input.stageName);
    const e = await executionOf(p, input.pipelineExecutionId);
    await applyEvent(p, { type: 'RETRY_STAGE', executionId: e.id, stage: input.stageName, mode: input.retryMode });
    return e.id;
  });
}

export async function rollbackStage(deps: PipelineDeps, scope: PipelineScope, input: RollbackStageInput): Promise<string> {
  return withPipeline(deps, scope, input.pipelineName, async (p) => {
    const stage = stageOf(p, input.stageName);
    const target = await executionOf(p, input.targetPipelineExecutionId);
    const { declaration } = p.record;
    if (declaration.pipelineType !== 'V2') throw pipelineError('UnableToRollbackStageException', 'Stage rollback is available for V2 pipelines only');
    if (declaration.executionMode === 'PARALLEL') throw pipelineError('UnableToRollbackStageException', 'Stage rollback is not available for pipelines in PARALLEL execution mode');
    if (stage === declaration.stages[0]) throw pipelineError('UnableToRollbackStageException', 'The source stage cannot be rolled back');
    if (target.pipelineVersion !== p.record.version) {
      throw pipelineError('PipelineExecutionOutdatedException', `Execution ${target.id} ran on pipeline version ${target.pipelineVersion}; the pipeline is now at version ${p.record.version}`);
    }
    const runs = await stageActionExecutions(p.tx, p.scope, p.record.name, target.id, stage.name);
    const succeeded = stage.actions.every((a) => runs.find((r) => r.actionName === a.name)?.status === 'Succeeded');
    if (!succeeded) throw pipelineError('UnableToRollbackStageException', `Execution ${target.id} did not succeed in stage ${stage.name}, so it cannot be a rollback target`);
    return startExecutionIn(
      p,
      { name: p.record.name, trigger: { triggerType: 'ManualRollback', triggerDetail: `arn:aws:iam::${scope.accountId}:root` } },
      {
        onlyStage: stage.name,
        inherit: { artifacts: target.artifacts, namespaces: target.namespaces, sourceRevisions: target.sourceRevisions, variables: target.variables },
        executionType: 'ROLLBACK',
        rollbackMetadata: { rollbackTargetPipelineExecutionId: target.id },
      },
    );
  });
}

export async function putApprovalResult(deps: PipelineDeps, scope: PipelineScope, input: PutApprovalResultInput): Promise<Date> {
  return withPipeline(deps, scope, input.pipelineName, async (p) => {
    const stage = stageOf(p, input.stageName);
    const action = stage.actions.find((a) => a.name === input.actionName);
    if (!action) throw pipelineError('ActionNotFoundException', `Stage ${stage.name} of pipeline ${p.record.name} does not have an action named ${input.actionName}`);
    if (action.actionTypeId.category !== 'Approval') throw pipelineError('InvalidApprovalTokenException', `Action ${action.name} is not an approval action`);
    const row = await findByApprovalToken(p.tx, p.scope, p.record.name, stage.name, action.name, input.token);
    if (!row) throw pipelineError('InvalidApprovalTokenException', `The approval token ${input.token} is not valid for action ${action.name}`);
    if (row.status !== 'InProgress') throw pipelineError('ApprovalAlreadyCompletedException', `The approval of action ${action.name} has already been completed (${row.status})`);
    const now = deps.clock.now();
    const by = input.by ?? `arn:aws:iam::${scope.accountId}:root`;
    await updateActionExecution(p.tx, p.scope, p.record.name, row.id, { summary: input.result.summary, updatedBy: by }, now);
    const ref = { executionId: row.executionId, stage: row.stageName, action: row.actionName, attempt: row.attempt };
    if (input.result.status === 'Approved') {
      await applyEvent(p, { type: 'ACTION_SUCCEEDED', ...ref });
    } else {
      const error = { code: 'JobFailed', message: `Rejected by ${by}${input.result.summary ? `: ${input.result.summary}` : ''}` };
      await updateActionExecution(p.tx, p.scope, p.record.name, row.id, { errorDetails: error }, now);
      await applyEvent(p, { type: 'ACTION_FAILED', ...ref, error });
    }
    return now;
  });
}

export async function setStageTransition(deps: PipelineDeps, scope: PipelineScope, input: StageTransitionInput): Promise<void> {
  await withPipeline(deps, scope, input.pipelineName, async (p) => {
    const stages = p.record.declaration.stages;
    const index = stages.indexOf(stageOf(p, input.stageName));
    // The outbound transition of a stage is the inbound transition of the next one.
    const target = input.transitionType === 'Outbound' ? stages[index + 1] : stages[index];
    if (!target) throw pipelineError('ValidationException', `Stage ${input.stageName} is the last stage: it has no outbound transition`);
    const at = deps.clock.now().toISOString();
    const by = input.by ?? `arn:aws:iam::${scope.accountId}:root`;
    if (input.enabled) await applyEvent(p, { type: 'ENABLE_TRANSITION', stage: target.name, by, at });
    else await applyEvent(p, { type: 'DISABLE_TRANSITION', stage: target.name, reason: input.reason ?? '', by, at });
  });
}
