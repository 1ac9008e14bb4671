/**
 * Where a build's log goes (spec B.2, `[CBM LogsConfig]`): group `/aws/codebuild/<project>` unless
 * `cloudWatchLogs.groupName` says otherwise; stream `<uuid>`, under `streamName` as a prefix when
 * one is set. DISABLED means no CloudWatch log at all.
 */
import type { Build } from './types.js';

export interface LogLocation {
  enabled: boolean;
  groupName: string;
  streamName: string;
}

export function logLocation(build: Pick<Build, 'projectName' | 'uuid' | 'settings'>): LogLocation {
  const cw = build.settings.logsConfig.cloudWatchLogs;
  const prefix = cw?.streamName?.replace(/\/+$/, '');
  return {
    enabled: cw?.status !== 'DISABLED',
    groupName: cw?.groupName || `/aws/codebuild/${build.projectName}`,
    streamName: prefix ? `${prefix}/${build.uuid}` : build.uuid,
  };
}
