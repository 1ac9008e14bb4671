/**
 * CreateConnection, GetConnection, ListConnections, DeleteConnection and the tag operations, for
 * either API. The two models' shapes for these operations are the same (CodeConnections' ProviderType
 * enum adds AzureDevOps, and the gateway validates each request against its own model), so one set of
 * handlers serves both; only the prefix of a new connection's ARN depends on the API.
 */
import type { JsonOperation, models } from '../../aws/index.js';
import * as connections from '../../connections/index.js';
import { op, scopeOf } from './operation.js';
import { toAwsConnection } from './shapes.js';

export function connectionOperations(deps: connections.ConnectionsDeps, arnService: connections.ArnService): Record<string, JsonOperation> {
  return {
    CreateConnection: op<models.codeconnections.CreateConnectionInput, models.codeconnections.CreateConnectionOutput>(async (i, ctx) => {
      const c = await connections.createConnection(deps, scopeOf(ctx), arnService, {
        name: i.ConnectionName,
        ...(i.ProviderType !== undefined ? { providerType: i.ProviderType } : {}),
        ...(i.HostArn !== undefined ? { hostArn: i.HostArn } : {}),
        ...(i.Tags !== undefined ? { tags: i.Tags } : {}),
      });
      return { ConnectionArn: c.arn, ...(c.tags.length > 0 ? { Tags: c.tags } : {}) };
    }),

    GetConnection: op<models.codeconnections.GetConnectionInput, models.codeconnections.GetConnectionOutput>(async (i, ctx) => ({
      Connection: toAwsConnection(await connections.getConnection(deps, scopeOf(ctx), i.ConnectionArn)),
    })),

    ListConnections: op<models.codeconnections.ListConnectionsInput, models.codeconnections.ListConnectionsOutput>(async (i, ctx) => {
      const r = await connections.listConnections(deps, scopeOf(ctx), {
        ...(i.ProviderTypeFilter !== undefined ? { providerType: i.ProviderTypeFilter } : {}),
        ...(i.HostArnFilter !== undefined ? { hostArn: i.HostArnFilter } : {}),
        ...(i.MaxResults !== undefined ? { maxResults: i.MaxResults } : {}),
        ...(i.NextToken !== undefined ? { nextToken: i.NextToken } : {}),
      });
      return { Connections: r.connections.map(toAwsConnection), ...(r.nextToken !== undefined ? { NextToken: r.nextToken } : {}) };
    }),

    DeleteConnection: op<models.codeconnections.DeleteConnectionInput, object>(async (i, ctx) => {
      await connections.deleteConnection(deps, scopeOf(ctx), i.ConnectionArn);
      return {};
    }),

    TagResource: op<models.codeconnections.TagResourceInput, object>(async (i, ctx) => {
      await connections.tagResource(deps, scopeOf(ctx), i.ResourceArn, i.Tags);
      return {};
    }),

    UntagResource: op<models.codeconnections.UntagResourceInput, object>(async (i, ctx) => {
      await connections.untagResource(deps, scopeOf(ctx), i.ResourceArn, i.TagKeys);
      return {};
    }),

    ListTagsForResource: op<models.codeconnections.ListTagsForResourceInput, models.codeconnections.ListTagsForResourceOutput>(async (i, ctx) => ({
      Tags: await connections.listTagsForResource(deps, scopeOf(ctx), i.ResourceArn),
    })),
  };
}
