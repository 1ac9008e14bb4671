import type { JsonOperation, models } from '../../aws/index.js';
import * as logs from '../../logs/index.js';
import { operation, scopeOf } from './operation.js';

/** Tags of log groups: by ARN (TagResource family) and by name (the older TagLogGroup family). */
export function tagOperations(deps: logs.LogsDeps): Record<string, JsonOperation> {
  return {
    TagResource: operation<models.logs.TagResourceRequest, object>(async (i, ctx) => {
      const scope = scopeOf(ctx);
      await logs.tagLogGroup(deps, scope, logs.groupNameFromTaggingArn(scope, i.resourceArn), i.tags);
      return {};
    }),

    UntagResource: operation<models.logs.UntagResourceRequest, object>(async (i, ctx) => {
      const scope = scopeOf(ctx);
      await logs.untagLogGroup(deps, scope, logs.groupNameFromTaggingArn(scope, i.resourceArn), i.tagKeys);
      return {};
    }),

    ListTagsForResource: operation<models.logs.ListTagsForResourceRequest, models.logs.ListTagsForResourceResponse>(async (i, ctx) => {
      const scope = scopeOf(ctx);
      return { tags: await logs.listLogGroupTags(deps, scope, logs.groupNameFromTaggingArn(scope, i.resourceArn)) };
    }),

    TagLogGroup: operation<models.logs.TagLogGroupRequest, object>(async (i, ctx) => {
      await logs.tagLogGroup(deps, scopeOf(ctx), i.logGroupName, i.tags);
      return {};
    }),

    UntagLogGroup: operation<models.logs.UntagLogGroupRequest, object>(async (i, ctx) => {
      await logs.untagLogGroup(deps, scopeOf(ctx), i.logGroupName, i.tags);
      return {};
    }),

    ListTagsLogGroup: operation<models.logs.ListTagsLogGroupRequest, models.logs.ListTagsLogGroupResponse>(async (i, ctx) => ({
      tags: await logs.listLogGroupTags(deps, scopeOf(ctx), i.logGroupName),
    })),
  };
}
