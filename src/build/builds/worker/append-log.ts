/** Writes events to a build's CloudWatch Logs stream through the logs domain (created on demand). */
import { appendEvents, type LogsDeps } from '../../../logs/index.js';
import type { CodeBuildScope } from '../../projects/types.js';
import { logLocation } from '../log-location.js';
import type { Build } from '../types.js';
import type { AppendEvents } from './log-sink.js';

export function buildLogAppender(deps: LogsDeps, scope: CodeBuildScope, build: Pick<Build, 'projectName' | 'uuid' | 'settings'>): AppendEvents | undefined {
  const where = logLocation(build);
  if (!where.enabled) return undefined;
  return async (events) => {
    await appendEvents(deps, scope, where.groupName, where.streamName, events);
  };
}
