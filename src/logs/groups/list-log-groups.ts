import { invalidParameter } from '../errors.js';
import { decodePageToken, encodePageToken } from '../page-token.js';
import { listGroups } from '../store/group-repo.js';
import type { LogGroupClass, LogGroupRecord, LogsDeps, LogsScope } from '../types.js';

export interface ListLogGroupsInput {
  /** A regular expression (AWS: "^/aws/lambda|discovery"); JavaScript syntax stands in for AWS's. */
  pattern?: string;
  logGroupClass?: LogGroupClass;
  limit?: number;
  nextToken?: string;
}

export const LIST_GROUPS_DEFAULT_LIMIT = 50;
const SCAN_PAGE = 500;

/** ListLogGroups: name order; the regular expression is applied while scanning. */
export async function listLogGroups(deps: LogsDeps, scope: LogsScope, input: ListLogGroupsInput): Promise<{ groups: LogGroupRecord[]; nextToken?: string }> {
  let re: RegExp | undefined;
  if (input.pattern !== undefined && input.pattern !== '') {
    try {
      re = new RegExp(input.pattern);
    } catch {
      throw invalidParameter(`Invalid logGroupNamePattern: ${input.pattern}`);
    }
  }
  const limit = input.limit ?? LIST_GROUPS_DEFAULT_LIMIT;
  let after = input.nextToken === undefined ? undefined : decodePageToken<{ after: string }>('list-groups', input.nextToken, { after: 'string' }).after;
  const out: LogGroupRecord[] = [];
  for (;;) {
    const rows = await listGroups(deps.db, scope, { logGroupClass: input.logGroupClass, after, limit: SCAN_PAGE });
    for (const row of rows) {
      if (re && !re.test(row.name)) continue;
      if (out.length === limit) return { groups: out, nextToken: encodePageToken('list-groups', { after: out[out.length - 1]!.name }) };
      out.push(row);
    }
    if (rows.length < SCAN_PAGE) return { groups: out };
    after = rows[rows.length - 1]!.name;
  }
}
