import { groupNotFound, invalidParameter } from '../errors.js';
import { decodePageToken, encodePageToken } from '../page-token.js';
import { groupIdOf } from '../store/group-repo.js';
import { listStreams, type StreamOrder } from '../store/stream-repo.js';
import type { LogsDeps, LogsScope, LogStreamRecord } from '../types.js';

export interface DescribeLogStreamsInput {
  group: string;
  prefix?: string;
  orderBy?: StreamOrder;
  descending?: boolean;
  limit?: number;
  nextToken?: string;
}

export const DESCRIBE_STREAMS_DEFAULT_LIMIT = 50;

/**
 * DescribeLogStreams: by name (default) or by last event time, either direction, keyset
 * pagination. The token remembers the ordering it was issued for; a token from another ordering
 * is refused as invalid rather than silently skipping streams.
 */
export async function describeLogStreams(deps: LogsDeps, scope: LogsScope, input: DescribeLogStreamsInput): Promise<{ streams: LogStreamRecord[]; nextToken?: string }> {
  const orderBy = input.orderBy ?? 'LogStreamName';
  const descending = input.descending ?? false;
  if (orderBy === 'LastEventTime' && input.prefix !== undefined) throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
  const kind = `streams:${orderBy}:${descending ? 'desc' : 'asc'}`;
  const after = input.nextToken === undefined ? undefined : decodePageToken<{ time: number; name: string }>(kind, input.nextToken, { time: 'number', name: 'string' });
  const groupId = await groupIdOf(deps.db, scope, input.group);
  if (groupId === undefined) throw groupNotFound(input.group);
  const limit = input.limit ?? DESCRIBE_STREAMS_DEFAULT_LIMIT;
  const rows = await listStreams(deps.db, groupId, { prefix: input.prefix, orderBy, descending, after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    streams: page,
    nextToken: rows.length > limit && last ? encodePageToken(kind, { time: last.lastEventMs ?? 0, name: last.name }) : undefined,
  };
}
