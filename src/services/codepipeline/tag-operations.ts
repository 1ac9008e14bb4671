/** TagResource, UntagResource, ListTagsForResource for pipelines and webhooks (spec D.5). */
import type { JsonOperation, models } from '../../aws/index.js';
import * as pipeline from '../../pipeline/index.js';
import { op, scopeOf } from './operation.js';

export function tagOperations(deps: pipeline.PipelineDeps): Record<string, JsonOperation> {
  return {
    TagResource: op<models.codepipeline.TagResourceInput, object>(async (i, ctx) => {
      await pipeline.tagResource(deps, scopeOf(ctx), i.resourceArn, i.tags);
      return {};
    }),

    UntagResource: op<models.codepipeline.UntagResourceInput, object>(async (i, ctx) => {
      await pipeline.untagResource(deps, scopeOf(ctx), i.resourceArn, i.tagKeys);
      return {};
    }),

    ListTagsForResource: op<models.codepipeline.ListTagsForResourceInput, models.codepipeline.ListTagsForResourceOutput>(async (i, ctx) =>
      pipeline.listTagsForResource(deps, scopeOf(ctx), i),
    ),
  };
}
