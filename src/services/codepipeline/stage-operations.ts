/** RetryStageExecution, RollbackStage, PutApprovalResult, Enable/DisableStageTransition (spec C.8, D.3). */
import type { JsonOperation, models } from '../../aws/index.js';
import * as pipeline from '../../pipeline/index.js';
import { callerArn, op, scopeOf } from './operation.js';

export function stageOperations(deps: pipeline.PipelineDeps): Record<string, JsonOperation> {
  return {
    RetryStageExecution: op<models.codepipeline.RetryStageExecutionInput, models.codepipeline.RetryStageExecutionOutput>(async (i, ctx) => ({
      pipelineExecutionId: await pipeline.retryStageExecution(deps, scopeOf(ctx), {
        pipelineName: i.pipelineName,
        stageName: i.stageName,
        pipelineExecutionId: i.pipelineExecutionId,
        retryMode: i.retryMode,
      }),
    })),

    RollbackStage: op<models.codepipeline.RollbackStageInput, models.codepipeline.RollbackStageOutput>(async (i, ctx) => ({
      pipelineExecutionId: await pipeline.rollbackStage(deps, scopeOf(ctx), {
        pipelineName: i.pipelineName,
        stageName: i.stageName,
        targetPipelineExecutionId: i.targetPipelineExecutionId,
      }),
    })),

    PutApprovalResult: op<models.codepipeline.PutApprovalResultInput, models.codepipeline.PutApprovalResultOutput>(async (i, ctx) => ({
      approvedAt: await pipeline.putApprovalResult(deps, scopeOf(ctx), {
        pipelineName: i.pipelineName,
        stageName: i.stageName,
        actionName: i.actionName,
        result: { summary: i.result.summary, status: i.result.status },
        token: i.token,
        by: callerArn(ctx),
      }),
    })),

    EnableStageTransition: op<models.codepipeline.EnableStageTransitionInput, object>(async (i, ctx) => {
      await pipeline.setStageTransition(deps, scopeOf(ctx), {
        pipelineName: i.pipelineName,
        stageName: i.stageName,
        transitionType: i.transitionType,
        enabled: true,
        by: callerArn(ctx),
      });
      return {};
    }),

    DisableStageTransition: op<models.codepipeline.DisableStageTransitionInput, object>(async (i, ctx) => {
      await pipeline.setStageTransition(deps, scopeOf(ctx), {
        pipelineName: i.pipelineName,
        stageName: i.stageName,
        transitionType: i.transitionType,
        enabled: false,
        reason: i.reason,
        by: callerArn(ctx),
      });
      return {};
    }),
  };
}
