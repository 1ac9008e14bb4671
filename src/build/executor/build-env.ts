/**
 * The CODEBUILD_* and AWS_* variables CodeBuild puts in every build, in AWS's formats (spec A.14).
 * Pure: the caller (a worker, or `nagare build`) supplies the facts; this only formats them.
 */
import { formatArn } from '../../shared/index.js';

export interface BuildIdentity {
  region: string;
  accountId: string;
  projectName: string;
  /** The build UUID; the build id is `<project>:<uuid>` and the log stream is the UUID. */
  buildUuid: string;
  buildNumber: number;
  startTime: Date;
  /** `$CODEBUILD_SRC_DIR`. */
  srcDir: string;
  /** sourceIdentifier (or CodePipeline input artifact name) → directory: `CODEBUILD_SRC_DIR_<id>`. */
  secondarySrcDirs?: Record<string, string>;
  /** `codepipeline/<pipeline>`, an IAM user/role name, `GitHub-Hookshot/…` … */
  initiator: string;
  image: string;
  sourceVersion?: string;
  /** Commit SHA; available after DOWNLOAD_SOURCE, unset for S3 sources. */
  resolvedSourceVersion?: string;
  sourceRepoUrl?: string;
  /** Default: the account's `aws/s3` alias. */
  kmsKeyId?: string;
  batchBuildIdentifier?: string;
  /** `CODEBUILD_WEBHOOK_*` values, keyed without the prefix (e.g. `EVENT`, `HEAD_REF`). */
  webhook?: Record<string, string>;
}

export function buildId(identity: Pick<BuildIdentity, 'projectName' | 'buildUuid'>): string {
  return `${identity.projectName}:${identity.buildUuid}`;
}

export function buildArn(identity: Pick<BuildIdentity, 'region' | 'accountId' | 'projectName' | 'buildUuid'>): string {
  return formatArn({ service: 'codebuild', region: identity.region, account: identity.accountId, resource: `build/${buildId(identity)}` });
}

/** Variables present from the first command on. `CODEBUILD_BUILD_SUCCEEDING` is set per command. */
export function codebuildEnvironment(id: BuildIdentity): Record<string, string> {
  const env: Record<string, string> = {
    AWS_DEFAULT_REGION: id.region,
    AWS_REGION: id.region,
    CODEBUILD_BUILD_ARN: buildArn(id),
    CODEBUILD_BUILD_ID: buildId(id),
    CODEBUILD_BUILD_IMAGE: id.image,
    CODEBUILD_BUILD_NUMBER: String(id.buildNumber),
    CODEBUILD_BUILD_SUCCEEDING: '1',
    // Undocumented but present in real builds; tools detect CodeBuild through it (spec A.14).
    CODEBUILD_CI: 'true',
    CODEBUILD_BUILD_URL: `https://${id.region}.console.aws.amazon.com/codebuild/home?region=${id.region}#/builds/${buildId(id)}/view/new`,
    CODEBUILD_INITIATOR: id.initiator,
    CODEBUILD_KMS_KEY_ID: id.kmsKeyId ?? formatArn({ service: 'kms', region: id.region, account: id.accountId, resource: 'alias/aws/s3' }),
    CODEBUILD_LOG_PATH: id.buildUuid,
    CODEBUILD_PROJECT_ARN: formatArn({ service: 'codebuild', region: id.region, account: id.accountId, resource: `project/${id.projectName}` }),
    CODEBUILD_SRC_DIR: id.srcDir,
    // Epoch milliseconds, unlike the API's epoch seconds (Surprise 14).
    CODEBUILD_START_TIME: String(id.startTime.getTime()),
  };
  if (id.sourceVersion !== undefined) env.CODEBUILD_SOURCE_VERSION = id.sourceVersion;
  if (id.resolvedSourceVersion !== undefined) env.CODEBUILD_RESOLVED_SOURCE_VERSION = id.resolvedSourceVersion;
  if (id.sourceRepoUrl !== undefined) env.CODEBUILD_SOURCE_REPO_URL = id.sourceRepoUrl;
  if (id.batchBuildIdentifier !== undefined) env.CODEBUILD_BATCH_BUILD_IDENTIFIER = id.batchBuildIdentifier;
  for (const [name, dir] of Object.entries(id.secondarySrcDirs ?? {})) env[`CODEBUILD_SRC_DIR_${name}`] = dir;
  for (const [name, value] of Object.entries(id.webhook ?? {})) env[`CODEBUILD_WEBHOOK_${name}`] = value;
  return env;
}
