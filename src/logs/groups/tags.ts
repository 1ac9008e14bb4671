import { parseArn } from '../../shared/index.js';
import { groupNotFound, invalidParameter, logsError } from '../errors.js';
import { groupIdOf } from '../store/group-repo.js';
import { listTags, putTags, removeTags } from '../store/tag-repo.js';
import { writeTransaction } from '../store/transaction.js';
import { MAX_TAGS, type LogsDeps, type LogsScope } from '../types.js';

/**
 * Log group tags, by name (TagLogGroup family) or by ARN (TagResource family). Only log groups
 * carry tags in nagare; an ARN of any other Logs resource names nothing.
 */
export function groupNameFromTaggingArn(scope: LogsScope, resourceArn: string): string {
  const arn = parseArn(resourceArn);
  const m = arn ? /^log-group:([^:]+)(?::\*)?$/.exec(arn.resource) : null;
  if (!arn || arn.service !== 'logs') throw invalidParameter(`Invalid resource ARN: ${resourceArn}`);
  if (!m || arn.account !== scope.accountId || arn.region !== scope.region) {
    throw logsError('LogGroupNotFound', 'The specified resource does not exist.', { resourceArn });
  }
  return m[1]!;
}

export async function tagLogGroup(deps: LogsDeps, scope: LogsScope, name: string, tags: Readonly<Record<string, string>>): Promise<void> {
  await writeTransaction(deps.db, async (tx) => {
    const id = await groupIdOf(tx, scope, name);
    if (id === undefined) throw groupNotFound(name);
    const existing = await listTags(tx, id);
    const keys = new Set([...Object.keys(existing), ...Object.keys(tags)]);
    if (keys.size > MAX_TAGS) throw logsError('TooManyTags', `A resource can have no more than ${MAX_TAGS} tags.`, { logGroupName: name });
    await putTags(tx, id, tags);
  });
}

export async function untagLogGroup(deps: LogsDeps, scope: LogsScope, name: string, keys: readonly string[]): Promise<void> {
  const id = await groupIdOf(deps.db, scope, name);
  if (id === undefined) throw groupNotFound(name);
  await removeTags(deps.db, id, keys);
}

export async function listLogGroupTags(deps: LogsDeps, scope: LogsScope, name: string): Promise<Record<string, string>> {
  const id = await groupIdOf(deps.db, scope, name);
  if (id === undefined) throw groupNotFound(name);
  return listTags(deps.db, id);
}
