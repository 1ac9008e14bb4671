import type { JsonOperation, models } from '../../aws/index.js';
import * as logs from '../../logs/index.js';
import { compact, operation, scopeOf } from './operation.js';
import { toLogStream } from './shapes.js';

/** Log stream lifecycle and listing. */
export function streamOperations(deps: logs.LogsDeps): Record<string, JsonOperation> {
  return {
    CreateLogStream: operation<models.logs.CreateLogStreamRequest, object>(async (i, ctx) => {
      await logs.createLogStream(deps, scopeOf(ctx), i.logGroupName, i.logStreamName);
      return {};
    }),

    DeleteLogStream: operation<models.logs.DeleteLogStreamRequest, object>(async (i, ctx) => {
      await logs.deleteLogStream(deps, scopeOf(ctx), i.logGroupName, i.logStreamName);
      return {};
    }),

    DescribeLogStreams: operation<models.logs.DescribeLogStreamsRequest, models.logs.DescribeLogStreamsResponse>(async (i, ctx) => {
      const scope = scopeOf(ctx);
      const group = logs.resolveGroupName(scope, i.logGroupName, i.logGroupIdentifier);
      const r = await logs.describeLogStreams(deps, scope, {
        group,
        prefix: i.logStreamNamePrefix,
        orderBy: i.orderBy,
        descending: i.descending,
        limit: i.limit,
        nextToken: i.nextToken,
      });
      return compact({ logStreams: r.streams.map((s) => toLogStream(scope, group, s)), nextToken: r.nextToken });
    }),
  };
}
