import type { JsonOperation, models } from '../../aws/index.js';
import * as logs from '../../logs/index.js';
import { compact, operation, scopeOf } from './operation.js';
import { toLogGroup } from './shapes.js';


/** Log group lifecycle, listing, retention and deletion protection. */
export function groupOperations(deps: logs.LogsDeps): Record<string, JsonOperation> {
  return {
    CreateLogGroup: operation<models.logs.CreateLogGroupRequest, object>(async (i, ctx) => {
      await logs.createLogGroup(deps, scopeOf(ctx), {
        name: i.logGroupName,
        kmsKeyId: i.kmsKeyId,
        tags: i.tags,
        logGroupClass: i.logGroupClass,
        deletionProtection: i.deletionProtectionEnabled,
      });
      return {};
    }),

    DeleteLogGroup: operation<models.logs.DeleteLogGroupRequest, object>(async (i, ctx) => {
      await logs.deleteLogGroup(deps, scopeOf(ctx), i.logGroupName);
      return {};
    }),

    DescribeLogGroups: operation<models.logs.DescribeLogGroupsRequest, models.logs.DescribeLogGroupsResponse>(async (i, ctx) => {
      const scope = scopeOf(ctx);
      const r = await logs.describeLogGroups(deps, scope, {
        prefix: i.logGroupNamePrefix,
        pattern: i.logGroupNamePattern,
        identifiers: i.logGroupIdentifiers,
        logGroupClass: i.logGroupClass,
        limit: i.limit,
        nextToken: i.nextToken,
      });
      return compact({ logGroups: r.groups.map((g) => toLogGroup(scope, g, r.brief)), nextToken: r.nextToken });
    }),

    ListLogGroups: operation<models.logs.ListLogGroupsRequest, models.logs.ListLogGroupsResponse>(async (i, ctx) => {
      const scope = scopeOf(ctx);
      const r = await logs.listLogGroups(deps, scope, { pattern: i.logGroupNamePattern, logGroupClass: i.logGroupClass, limit: i.limit, nextToken: i.nextToken });
      return compact({
        logGroups: r.groups.map((g) => ({ logGroupName: g.name, logGroupArn: logs.groupArn(scope, g.name), logGroupClass: g.logGroupClass })),
        nextToken: r.nextToken,
      });
    }),

    PutRetentionPolicy: operation<models.logs.PutRetentionPolicyRequest, object>(async (i, ctx) => {
      await logs.putRetentionPolicy(deps, scopeOf(ctx), i.logGroupName, i.retentionInDays);
      return {};
    }),

    DeleteRetentionPolicy: operation<models.logs.DeleteRetentionPolicyRequest, object>(async (i, ctx) => {
      await logs.deleteRetentionPolicy(deps, scopeOf(ctx), i.logGroupName);
      return {};
    }),

    PutLogGroupDeletionProtection: operation<models.logs.PutLogGroupDeletionProtectionRequest, object>(async (i, ctx) => {
      await logs.putDeletionProtection(deps, scopeOf(ctx), i.logGroupIdentifier, i.deletionProtectionEnabled);
      return {};
    }),
  };
}
