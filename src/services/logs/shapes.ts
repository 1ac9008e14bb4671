import type { models } from '../../aws/index.js';
import { groupArn, groupArnWildcard, sequenceToken, streamArn, type LogGroupRecord, type LogsScope, type LogStreamRecord } from '../../logs/index.js';
import { compact } from './operation.js';

/** Domain records → the AWS LogGroup / LogStream shapes. Every time is epoch milliseconds. */

export function toLogGroup(scope: LogsScope, g: LogGroupRecord, brief = false): models.logs.LogGroup {
  const arn = groupArnWildcard(scope, g.name);
  if (brief) return { logGroupName: g.name, creationTime: g.createdMs, arn };
  return compact({
    logGroupName: g.name,
    creationTime: g.createdMs,
    retentionInDays: g.retentionDays ?? undefined,
    metricFilterCount: 0,
    arn,
    storedBytes: g.storedBytes,
    kmsKeyId: g.kmsKeyId ?? undefined,
    logGroupClass: g.logGroupClass,
    logGroupArn: groupArn(scope, g.name),
    deletionProtectionEnabled: g.deletionProtection ? true : undefined,
  });
}

/**
 * AWS reports storedBytes 0 for every stream since 2019, and the event times and the sequence
 * token only once the stream has events.
 */
export function toLogStream(scope: LogsScope, group: string, s: LogStreamRecord): models.logs.LogStream {
  const hasEvents = s.lastSeq > 0;
  return compact({
    logStreamName: s.name,
    creationTime: s.createdMs,
    firstEventTimestamp: s.firstEventMs ?? undefined,
    lastEventTimestamp: s.lastEventMs ?? undefined,
    lastIngestionTime: s.lastIngestionMs ?? undefined,
    uploadSequenceToken: hasEvents ? sequenceToken(s.id, s.lastSeq) : undefined,
    arn: streamArn(scope, group, s.name),
    storedBytes: 0,
  });
}
