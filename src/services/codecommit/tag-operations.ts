/** TagResource, UntagResource, ListTagsForResource (repositories are CodeCommit's only taggable resource). */
import type { JsonOperation, models } from '../../aws/index.js';
import * as source from '../../source/index.js';
import { op, scopeOf } from './operation.js';

export function tagOperations(deps: source.SourceDeps): Record<string, JsonOperation> {
  return {
    TagResource: op<models.codecommit.TagResourceInput, object>(async (i, ctx) => {
      await source.tagResource(deps, scopeOf(ctx), i.resourceArn, i.tags);
      return {};
    }),

    UntagResource: op<models.codecommit.UntagResourceInput, object>(async (i, ctx) => {
      await source.untagResource(deps, scopeOf(ctx), i.resourceArn, i.tagKeys);
      return {};
    }),

    ListTagsForResource: op<models.codecommit.ListTagsForResourceInput, models.codecommit.ListTagsForResourceOutput>(async (i, ctx) => ({
      tags: await source.listTagsForResource(deps, scopeOf(ctx), i.resourceArn),
    })),
  };
}
