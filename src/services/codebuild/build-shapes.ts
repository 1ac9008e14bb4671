/**
 * Domain build → CodeBuild's `Build` shape (spec B.3, A.10) as the CLI examples show it: logs with
 * group, stream, console deep link and ARN; empty artifact location until something is uploaded;
 * members the build does not have are absent (the encoder drops undefined).
 */
import type { models } from '../../aws/index.js';
import { builds } from '../../build/index.js';

export function toAwsBuild(b: builds.Build): models.codebuild.Build {
  const s = b.settings;
  return {
    id: b.id,
    arn: b.arn,
    buildNumber: b.buildNumber,
    startTime: b.startTime,
    ...(b.endTime ? { endTime: b.endTime } : {}),
    currentPhase: b.currentPhase,
    buildStatus: b.buildStatus,
    ...(s.sourceVersion !== undefined ? { sourceVersion: s.sourceVersion } : {}),
    ...(b.outcome.resolvedSourceVersion !== undefined ? { resolvedSourceVersion: b.outcome.resolvedSourceVersion } : {}),
    projectName: b.projectName,
    phases: b.phases,
    source: s.source,
    secondarySources: s.secondarySources,
    secondarySourceVersions: s.secondarySourceVersions,
    artifacts: b.outcome.artifacts ?? { location: '' },
    secondaryArtifacts: b.outcome.secondaryArtifacts ?? [],
    cache: s.cache as unknown as models.codebuild.ProjectCache,
    environment: s.environment as unknown as models.codebuild.ProjectEnvironment,
    serviceRole: s.serviceRole,
    logs: logsOf(b),
    timeoutInMinutes: s.timeoutInMinutes,
    queuedTimeoutInMinutes: s.queuedTimeoutInMinutes,
    buildComplete: b.buildComplete,
    initiator: s.initiator,
    ...(s.vpcConfig ? { vpcConfig: s.vpcConfig } : {}),
    encryptionKey: s.encryptionKey,
    ...(b.outcome.exportedEnvironmentVariables ? { exportedEnvironmentVariables: b.outcome.exportedEnvironmentVariables } : {}),
    ...(b.outcome.reportArns ? { reportArns: b.outcome.reportArns } : {}),
    ...(s.fileSystemLocations.length > 0 ? { fileSystemLocations: s.fileSystemLocations } : {}),
  };
}

function logsOf(b: builds.Build): models.codebuild.LogsLocation {
  const where = builds.logLocation(b);
  const config = b.settings.logsConfig;
  const base = { cloudWatchLogs: config.cloudWatchLogs, s3Logs: config.s3Logs } as models.codebuild.LogsLocation;
  if (!where.enabled) return base;
  const { region, accountId } = b.scope;
  return {
    ...base,
    groupName: where.groupName,
    streamName: where.streamName,
    deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logEvent:group=${where.groupName};stream=${where.streamName}`,
    cloudWatchLogsArn: `arn:aws:logs:${region}:${accountId}:log-group:${where.groupName}:log-stream:${where.streamName}`,
  };
}
