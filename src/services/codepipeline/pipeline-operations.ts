/** CreatePipeline, GetPipeline, UpdatePipeline, DeletePipeline, ListPipelines (spec D.2). */
import type { JsonOperation, models } from '../../aws/index.js';
import * as pipeline from '../../pipeline/index.js';
import { op, scopeOf } from './operation.js';

export function pipelineOperations(deps: pipeline.PipelineDeps): Record<string, JsonOperation> {
  return {
    CreatePipeline: op<models.codepipeline.CreatePipelineInput, models.codepipeline.CreatePipelineOutput>(async (i, ctx) => {
      const r = await pipeline.createPipeline(deps, scopeOf(ctx), { pipeline: i.pipeline, ...(i.tags ? { tags: i.tags } : {}) });
      return { pipeline: r.pipeline, ...(r.tags ? { tags: r.tags } : {}) };
    }),

    GetPipeline: op<models.codepipeline.GetPipelineInput, models.codepipeline.GetPipelineOutput>(async (i, ctx) => {
      const r = await pipeline.getPipeline(deps, scopeOf(ctx), i.name, i.version);
      return { pipeline: r.pipeline, metadata: r.metadata };
    }),

    UpdatePipeline: op<models.codepipeline.UpdatePipelineInput, models.codepipeline.UpdatePipelineOutput>(async (i, ctx) => {
      const r = await pipeline.updatePipeline(deps, scopeOf(ctx), { pipeline: i.pipeline });
      return { pipeline: r.pipeline };
    }),

    DeletePipeline: op<models.codepipeline.DeletePipelineInput, object>(async (i, ctx) => {
      await pipeline.deletePipeline(deps, scopeOf(ctx), { name: i.name });
      return {};
    }),

    ListPipelines: op<models.codepipeline.ListPipelinesInput, models.codepipeline.ListPipelinesOutput>(async (i, ctx) => {
      const r = await pipeline.listPipelines(deps, scopeOf(ctx), i.nextToken, i.maxResults);
      return r as models.codepipeline.ListPipelinesOutput;
    }),
  };
}
