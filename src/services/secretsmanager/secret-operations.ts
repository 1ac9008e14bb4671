import type { JsonOperation, models } from '../../aws/index.js';
import { secretsManager, type SecretsDeps } from '../../secrets/index.js';
import { compact, operation, scopeOf } from './operation.js';
import { toDescribeSecret, toListEntry, toSecretValue } from './shapes.js';

type SmTag = models.secretsmanager.Tag;

/** Tags with both members (the model makes them optional; a tag without a key is refused). */
function tagsOf(tags: SmTag[] | undefined): secretsManager.Tag[] | undefined {
  if (tags === undefined) return undefined;
  return tags.map((t) => {
    if (t.Key === undefined) throw secretsManager.smError('InvalidParameterException', 'A tag must have a Key.');
    return { Key: t.Key, Value: t.Value ?? '' };
  });
}

/** The Secrets Manager API. Each one: AWS shape in, domain call, AWS shape out. */
export function secretOperations(deps: SecretsDeps): Record<string, JsonOperation> {
  const sm = secretsManager;
  return {
    CreateSecret: operation<models.secretsmanager.CreateSecretRequest, models.secretsmanager.CreateSecretResponse>(async (i, ctx) => {
      if (i.AddReplicaRegions?.length) {
        throw sm.smError('InvalidParameterException', 'nagare does not replicate secrets to other regions; create the secret in each region instead.');
      }
      const r = await sm.createSecret(deps, scopeOf(ctx), {
        name: i.Name,
        token: i.ClientRequestToken,
        description: i.Description,
        kmsKeyId: i.KmsKeyId,
        secretString: i.SecretString,
        secretBinary: i.SecretBinary,
        tags: tagsOf(i.Tags),
      });
      return compact({ ARN: r.arn, Name: r.name, VersionId: r.versionId });
    }),

    GetSecretValue: operation<models.secretsmanager.GetSecretValueRequest, models.secretsmanager.GetSecretValueResponse>(async (i, ctx) =>
      toSecretValue(await sm.getSecretValue(deps, scopeOf(ctx), { secretId: i.SecretId, versionId: i.VersionId, versionStage: i.VersionStage })),
    ),

    BatchGetSecretValue: operation<models.secretsmanager.BatchGetSecretValueRequest, models.secretsmanager.BatchGetSecretValueResponse>(async (i, ctx) => {
      const r = await sm.batchGetSecretValue(deps, scopeOf(ctx), { secretIds: i.SecretIdList, filters: i.Filters, maxResults: i.MaxResults, nextToken: i.NextToken });
      return compact({ SecretValues: r.values.map(toSecretValue), Errors: r.errors, NextToken: r.nextToken });
    }),

    PutSecretValue: operation<models.secretsmanager.PutSecretValueRequest, models.secretsmanager.PutSecretValueResponse>(async (i, ctx) => {
      const r = await sm.putSecretValue(deps, scopeOf(ctx), {
        secretId: i.SecretId,
        token: i.ClientRequestToken,
        secretString: i.SecretString,
        secretBinary: i.SecretBinary,
        versionStages: i.VersionStages,
      });
      return { ARN: r.arn, Name: r.name, VersionId: r.versionId, VersionStages: r.stages };
    }),

    UpdateSecret: operation<models.secretsmanager.UpdateSecretRequest, models.secretsmanager.UpdateSecretResponse>(async (i, ctx) => {
      const r = await sm.updateSecret(deps, scopeOf(ctx), {
        secretId: i.SecretId,
        token: i.ClientRequestToken,
        description: i.Description,
        kmsKeyId: i.KmsKeyId,
        secretString: i.SecretString,
        secretBinary: i.SecretBinary,
      });
      return compact({ ARN: r.arn, Name: r.name, VersionId: r.versionId });
    }),

    DescribeSecret: operation<models.secretsmanager.DescribeSecretRequest, models.secretsmanager.DescribeSecretResponse>(async (i, ctx) =>
      toDescribeSecret(await sm.describeSecret(deps, scopeOf(ctx), i.SecretId)),
    ),

    ListSecrets: operation<models.secretsmanager.ListSecretsRequest, models.secretsmanager.ListSecretsResponse>(async (i, ctx) => {
      const r = await sm.listSecrets(deps, scopeOf(ctx), {
        includePlannedDeletion: i.IncludePlannedDeletion,
        maxResults: i.MaxResults,
        nextToken: i.NextToken,
        filters: i.Filters,
        sortBy: i.SortBy,
        sortOrder: i.SortOrder,
      });
      return compact({ SecretList: r.secrets.map(toListEntry), NextToken: r.nextToken });
    }),

    DeleteSecret: operation<models.secretsmanager.DeleteSecretRequest, models.secretsmanager.DeleteSecretResponse>(async (i, ctx) => {
      const r = await sm.deleteSecret(deps, scopeOf(ctx), {
        secretId: i.SecretId,
        recoveryWindowInDays: i.RecoveryWindowInDays,
        forceDeleteWithoutRecovery: i.ForceDeleteWithoutRecovery,
      });
      return { ARN: r.arn, Name: r.name, DeletionDate: r.deletionDate };
    }),

    RestoreSecret: operation<models.secretsmanager.RestoreSecretRequest, models.secretsmanager.RestoreSecretResponse>(async (i, ctx) => {
      const r = await sm.restoreSecret(deps, scopeOf(ctx), i.SecretId);
      return { ARN: r.arn, Name: r.name };
    }),

    TagResource: operation<models.secretsmanager.TagResourceRequest, Record<string, never>>(async (i, ctx) => {
      await sm.tagSecret(deps, scopeOf(ctx), i.SecretId, tagsOf(i.Tags) ?? []);
      return {};
    }),

    UntagResource: operation<models.secretsmanager.UntagResourceRequest, Record<string, never>>(async (i, ctx) => {
      await sm.untagSecret(deps, scopeOf(ctx), i.SecretId, i.TagKeys);
      return {};
    }),

    ListSecretVersionIds: operation<models.secretsmanager.ListSecretVersionIdsRequest, models.secretsmanager.ListSecretVersionIdsResponse>(async (i, ctx) => {
      const r = await sm.listSecretVersionIds(deps, scopeOf(ctx), {
        secretId: i.SecretId,
        maxResults: i.MaxResults,
        nextToken: i.NextToken,
        includeDeprecated: i.IncludeDeprecated,
      });
      return compact({
        Versions: r.versions.map((v) => compact({ VersionId: v.versionId, VersionStages: v.stages, LastAccessedDate: v.lastAccessedAt ?? undefined, CreatedDate: v.createdAt })),
        NextToken: r.nextToken,
        ARN: r.arn,
        Name: r.name,
      });
    }),

    UpdateSecretVersionStage: operation<models.secretsmanager.UpdateSecretVersionStageRequest, models.secretsmanager.UpdateSecretVersionStageResponse>(async (i, ctx) => {
      const r = await sm.updateSecretVersionStage(deps, scopeOf(ctx), {
        secretId: i.SecretId,
        versionStage: i.VersionStage,
        removeFromVersionId: i.RemoveFromVersionId,
        moveToVersionId: i.MoveToVersionId,
      });
      return { ARN: r.arn, Name: r.name };
    }),

    GetRandomPassword: operation<models.secretsmanager.GetRandomPasswordRequest, models.secretsmanager.GetRandomPasswordResponse>(async (i) => ({
      RandomPassword: sm.getRandomPassword({
        passwordLength: i.PasswordLength,
        excludeCharacters: i.ExcludeCharacters,
        excludeNumbers: i.ExcludeNumbers,
        excludePunctuation: i.ExcludePunctuation,
        excludeUppercase: i.ExcludeUppercase,
        excludeLowercase: i.ExcludeLowercase,
        includeSpace: i.IncludeSpace,
        requireEachIncludedType: i.RequireEachIncludedType,
      }),
    })),
  };
}

