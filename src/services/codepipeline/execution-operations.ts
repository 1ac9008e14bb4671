/**
 * StartPipelineExecution, StopPipelineExecution, GetPipelineState, GetPipelineExecution,
 * ListPipelineExecutions, ListActionExecutions (spec D.3). Note the member names: `name` for
 * Start and GetPipelineState, `pipelineName` everywhere else (Surprise 20).
 */
import type { JsonOperation, models } from '../../aws/index.js';
import * as pipeline from '../../pipeline/index.js';
import { op, scopeOf } from './operation.js';

type CP = models.codepipeline.GetPipelineStateOutput;

export function executionOperations(deps: pipeline.PipelineDeps): Record<string, JsonOperation> {
  return {
    StartPipelineExecution: op<models.codepipeline.StartPipelineExecutionInput, models.codepipeline.StartPipelineExecutionOutput>(async (i, ctx) => ({
      pipelineExecutionId: await pipeline.startPipelineExecution(deps, scopeOf(ctx), {
        name: i.name,
        ...(i.variables ? { variables: i.variables } : {}),
        ...(i.sourceRevisions ? { sourceRevisions: i.sourceRevisions } : {}),
        ...(i.clientRequestToken !== undefined ? { clientRequestToken: i.clientRequestToken } : {}),
      }),
    })),

    StopPipelineExecution: op<models.codepipeline.StopPipelineExecutionInput, models.codepipeline.StopPipelineExecutionOutput>(async (i, ctx) => ({
      pipelineExecutionId: await pipeline.stopPipelineExecution(deps, scopeOf(ctx), {
        pipelineName: i.pipelineName,
        pipelineExecutionId: i.pipelineExecutionId,
        ...(i.abandon !== undefined ? { abandon: i.abandon } : {}),
        ...(i.reason !== undefined ? { reason: i.reason } : {}),
      }),
    })),

    GetPipelineState: op<models.codepipeline.GetPipelineStateInput, CP>(async (i, ctx) => (await pipeline.getPipelineState(deps, scopeOf(ctx), i.name)) as CP),

    GetPipelineExecution: op<models.codepipeline.GetPipelineExecutionInput, models.codepipeline.GetPipelineExecutionOutput>(
      async (i, ctx) => (await pipeline.getPipelineExecution(deps, scopeOf(ctx), i.pipelineName, i.pipelineExecutionId)) as models.codepipeline.GetPipelineExecutionOutput,
    ),

    ListPipelineExecutions: op<models.codepipeline.ListPipelineExecutionsInput, models.codepipeline.ListPipelineExecutionsOutput>(
      async (i, ctx) => (await pipeline.listPipelineExecutions(deps, scopeOf(ctx), i)) as models.codepipeline.ListPipelineExecutionsOutput,
    ),

    ListActionExecutions: op<models.codepipeline.ListActionExecutionsInput, models.codepipeline.ListActionExecutionsOutput>(
      async (i, ctx) => (await pipeline.listActionExecutions(deps, scopeOf(ctx), i)) as models.codepipeline.ListActionExecutionsOutput,
    ),
  };
}
