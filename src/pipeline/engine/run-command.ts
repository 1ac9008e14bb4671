/**
 * The machine's commands made durable (spec C.8): action-execution rows and their jobs, execution
 * statuses. Everything runs in the caller's pipeline transaction; stopping external work (a build
 * of an abandoned action) waits for the commit.
 */
import { randomUUID } from 'node:crypto';
import { builds } from '../../build/index.js';
import type { PipelineCommand } from '../execution/index.js';
import {
  findActionByRef,
  insertActionExecution,
  lastFailedAction,
  updateActionExecution,
  updateExecution,
  type ExecutionPatch,
} from '../executions/execution-repo.js';
import { RUN_ACTION_JOB, type ActionJobPayload } from './job-kinds.js';
import type { PipelineTx } from './with-pipeline.js';

export async function runCommand(p: PipelineTx, c: PipelineCommand): Promise<void> {
  const { tx, scope, record, deps } = p;
  const now = deps.clock.now();
  switch (c.type) {
    case 'START_ACTION': {
      const action = record.declaration.stages.find((s) => s.name === c.stage)?.actions.find((a) => a.name === c.action);
      if (!action) throw new Error(`machine started ${c.stage}/${c.action}, which the declaration of ${record.name} does not have`);
      const id = randomUUID();
      await insertActionExecution(tx, {
        scope,
        pipelineName: record.name,
        id,
        executionId: c.executionId,
        pipelineVersion: record.version,
        stageName: c.stage,
        actionName: c.action,
        attempt: c.attempt,
        status: 'InProgress',
        input: {
          actionTypeId: action.actionTypeId,
          configuration: action.configuration ?? {},
          resolvedConfiguration: {},
          ...(action.roleArn ? { roleArn: action.roleArn } : {}),
          region: action.region ?? scope.region,
          inputArtifacts: [],
          ...(action.namespace ? { namespace: action.namespace } : {}),
        },
        output: {},
        startTime: now,
        lastUpdateTime: now,
      });
      const payload: ActionJobPayload = { accountId: scope.accountId, region: scope.region, pipelineName: record.name, actionExecutionId: id };
      await deps.queue.enqueue(tx, RUN_ACTION_JOB, { ...payload }, { dedupeKey: `codepipeline-action:${id}` });
      return;
    }
    case 'ACTION_FINISHED': {
      const row = await findActionByRef(tx, scope, record.name, c);
      if (!row) return;
      await updateActionExecution(
        tx,
        scope,
        record.name,
        row.id,
        { status: c.status, ...(c.error && !row.errorDetails ? { errorDetails: c.error } : {}), ...(c.status === 'Abandoned' && row.token ? { token: '' } : {}) },
        now,
      );
      return;
    }
    case 'CANCEL_ACTION': {
      const row = await findActionByRef(tx, scope, record.name, c);
      const buildId = row?.input.actionTypeId.provider === 'CodeBuild' ? row.externalExecutionId : undefined;
      if (buildId) {
        p.afterCommit.push(async () => {
          await builds.stopBuild(deps.codebuild, scope, buildId).catch(() => undefined);
        });
      }
      return;
    }
    case 'EXECUTION_UPDATED':
    case 'EXECUTION_FINISHED': {
      const patch: ExecutionPatch = { status: c.status };
      if (c.stopReason !== undefined) patch.stopTrigger = { reason: c.stopReason };
      if (c.type === 'EXECUTION_FINISHED') patch.statusSummary = await summaryOf(p, c.executionId, c.status);
      else if (c.status === 'InProgress') patch.statusSummary = '';
      await updateExecution(tx, scope, record.name, c.executionId, patch, now);
      return;
    }
    case 'STAGE_STARTED':
    case 'STAGE_FINISHED':
      await updateExecution(tx, scope, record.name, c.executionId, {}, now);
      return;
  }
}

/** statusSummary as the console shows it: why an execution did not succeed. */
async function summaryOf(p: PipelineTx, executionId: string, status: string): Promise<string> {
  switch (status) {
    case 'Superseded':
      return 'Superseded by a newer execution';
    case 'Cancelled':
      return `Pipeline ${p.record.name} was updated (version ${p.record.version}) while this execution was running`;
    case 'Failed': {
      const row = await lastFailedAction(p.tx, p.scope, p.record.name, executionId);
      return row ? `Action ${row.stageName}/${row.actionName} failed: ${row.errorDetails?.message ?? row.summary ?? 'see ListActionExecutions'}` : '';
    }
    default:
      return '';
  }
}
