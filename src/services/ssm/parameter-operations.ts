import type { JsonOperation, models } from '../../aws/index.js';
import { parameterStore, type SecretsDeps } from '../../secrets/index.js';
import { toSsmAwsError } from './errors.js';
import { callerArn, compact, operation, scopeOf } from './operation.js';
import { toHistory, toMetadata, toParameter } from './shapes.js';

type S = models.ssm.PutParameterRequest;

/** The Parameter Store operations of the SSM API. Each one: AWS shape in, domain call, AWS shape out. */
export function parameterOperations(deps: SecretsDeps): Record<string, JsonOperation> {
  const op = <I, O extends object>(fn: (input: I, ctx: Parameters<JsonOperation>[1]) => Promise<O>): JsonOperation => operation(toSsmAwsError, fn);
  return {
    PutParameter: op<S, models.ssm.PutParameterResult>(async (i, ctx) => {
      const r = await parameterStore.putParameter(deps, scopeOf(ctx), {
        name: i.Name,
        value: i.Value,
        type: i.Type,
        description: i.Description,
        keyId: i.KeyId,
        overwrite: i.Overwrite,
        allowedPattern: i.AllowedPattern,
        tags: i.Tags,
        tier: i.Tier,
        policies: i.Policies,
        dataType: i.DataType,
        user: callerArn(ctx),
      });
      return { Version: r.version, Tier: r.tier };
    }),

    GetParameter: op<models.ssm.GetParameterRequest, models.ssm.GetParameterResult>(async (i, ctx) => ({
      Parameter: toParameter(await parameterStore.getParameter(deps, scopeOf(ctx), i.Name, i.WithDecryption ?? false)),
    })),

    GetParameters: op<models.ssm.GetParametersRequest, models.ssm.GetParametersResult>(async (i, ctx) => {
      const r = await parameterStore.getParameters(deps, scopeOf(ctx), i.Names, i.WithDecryption ?? false);
      return { Parameters: r.parameters.map(toParameter), InvalidParameters: r.invalid };
    }),

    GetParametersByPath: op<models.ssm.GetParametersByPathRequest, models.ssm.GetParametersByPathResult>(async (i, ctx) => {
      const r = await parameterStore.getParametersByPath(deps, scopeOf(ctx), {
        path: i.Path,
        recursive: i.Recursive,
        filters: i.ParameterFilters,
        withDecryption: i.WithDecryption,
        maxResults: i.MaxResults,
        nextToken: i.NextToken,
      });
      return compact({ Parameters: r.parameters.map(toParameter), NextToken: r.nextToken });
    }),

    DeleteParameter: op<models.ssm.DeleteParameterRequest, models.ssm.DeleteParameterResult>(async (i, ctx) => {
      await parameterStore.deleteParameter(deps, scopeOf(ctx), i.Name);
      return {};
    }),

    DeleteParameters: op<models.ssm.DeleteParametersRequest, models.ssm.DeleteParametersResult>(async (i, ctx) => {
      const r = await parameterStore.deleteParameters(deps, scopeOf(ctx), i.Names);
      return { DeletedParameters: r.deleted, InvalidParameters: r.invalid };
    }),

    DescribeParameters: op<models.ssm.DescribeParametersRequest, models.ssm.DescribeParametersResult>(async (i, ctx) => {
      const r = await parameterStore.describeParameters(deps, scopeOf(ctx), {
        filters: i.Filters,
        parameterFilters: i.ParameterFilters,
        maxResults: i.MaxResults,
        nextToken: i.NextToken,
        shared: i.Shared,
      });
      return compact({ Parameters: r.parameters.map(toMetadata), NextToken: r.nextToken });
    }),

    GetParameterHistory: op<models.ssm.GetParameterHistoryRequest, models.ssm.GetParameterHistoryResult>(async (i, ctx) => {
      const r = await parameterStore.getParameterHistory(deps, scopeOf(ctx), {
        name: i.Name,
        withDecryption: i.WithDecryption,
        maxResults: i.MaxResults,
        nextToken: i.NextToken,
      });
      return compact({ Parameters: r.versions.map(toHistory), NextToken: r.nextToken });
    }),

    LabelParameterVersion: op<models.ssm.LabelParameterVersionRequest, models.ssm.LabelParameterVersionResult>(async (i, ctx) => {
      const r = await parameterStore.labelParameterVersion(deps, scopeOf(ctx), { name: i.Name, version: i.ParameterVersion, labels: i.Labels });
      return { InvalidLabels: r.invalidLabels, ParameterVersion: r.version };
    }),

    UnlabelParameterVersion: op<models.ssm.UnlabelParameterVersionRequest, models.ssm.UnlabelParameterVersionResult>(async (i, ctx) => {
      const r = await parameterStore.unlabelParameterVersion(deps, scopeOf(ctx), { name: i.Name, version: i.ParameterVersion, labels: i.Labels });
      return { RemovedLabels: r.removedLabels, InvalidLabels: r.invalidLabels };
    }),

    AddTagsToResource: op<models.ssm.AddTagsToResourceRequest, models.ssm.AddTagsToResourceResult>(async (i, ctx) => {
      await parameterStore.addParameterTags(deps, scopeOf(ctx), i.ResourceType, i.ResourceId, i.Tags);
      return {};
    }),

    RemoveTagsFromResource: op<models.ssm.RemoveTagsFromResourceRequest, models.ssm.RemoveTagsFromResourceResult>(async (i, ctx) => {
      await parameterStore.removeParameterTags(deps, scopeOf(ctx), i.ResourceType, i.ResourceId, i.TagKeys);
      return {};
    }),

    ListTagsForResource: op<models.ssm.ListTagsForResourceRequest, models.ssm.ListTagsForResourceResult>(async (i, ctx) => ({
      TagList: await parameterStore.listParameterTags(deps, scopeOf(ctx), i.ResourceType, i.ResourceId),
    })),
  };
}
