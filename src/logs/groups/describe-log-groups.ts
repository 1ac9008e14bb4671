import { invalidParameter } from '../errors.js';
import { groupNameFromIdentifier } from '../names.js';
import { decodePageToken, encodePageToken } from '../page-token.js';
import { listGroups } from '../store/group-repo.js';
import type { LogGroupClass, LogGroupRecord, LogsDeps, LogsScope } from '../types.js';

export interface DescribeLogGroupsInput {
  prefix?: string;
  /** Case-sensitive substring of the name. */
  pattern?: string;
  /** Names or ARNs. */
  identifiers?: readonly string[];
  logGroupClass?: LogGroupClass;
  limit?: number;
  nextToken?: string;
}

export interface DescribeLogGroupsResult {
  groups: LogGroupRecord[];
  /** AWS reports only arn, creationTime and logGroupName when a name pattern was given. */
  brief: boolean;
  nextToken?: string;
}

export const DESCRIBE_GROUPS_DEFAULT_LIMIT = 50;

/** DescribeLogGroups: byte-wise name order, keyset pagination. */
export async function describeLogGroups(deps: LogsDeps, scope: LogsScope, input: DescribeLogGroupsInput): Promise<DescribeLogGroupsResult> {
  if (input.prefix !== undefined && input.pattern !== undefined) {
    throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  }
  const limit = input.limit ?? DESCRIBE_GROUPS_DEFAULT_LIMIT;
  const after = input.nextToken === undefined ? undefined : decodePageToken<{ after: string }>('groups', input.nextToken, { after: 'string' }).after;
  const names = input.identifiers?.flatMap((id) => {
    try {
      return [groupNameFromIdentifier(scope, id)];
    } catch {
      return []; // an ARN of another account or region names nothing here
    }
  });
  const rows = await listGroups(deps.db, scope, {
    prefix: input.prefix,
    contains: input.pattern,
    names,
    logGroupClass: input.logGroupClass,
    after,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    groups: page,
    brief: input.pattern !== undefined,
    nextToken: rows.length > limit && last ? encodePageToken('groups', { after: last.name }) : undefined,
  };
}
