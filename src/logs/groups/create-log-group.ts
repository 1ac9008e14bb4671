import { logsError } from '../errors.js';
import { validateNewGroupName } from '../names.js';
import { insertGroup } from '../store/group-repo.js';
import { putTags } from '../store/tag-repo.js';
import { writeTransaction } from '../store/transaction.js';
import { MAX_TAGS, type LogGroupClass, type LogsDeps, type LogsScope } from '../types.js';

export interface CreateLogGroupInput {
  name: string;
  kmsKeyId?: string;
  tags?: Readonly<Record<string, string>>;
  logGroupClass?: LogGroupClass;
  deletionProtection?: boolean;
}

/**
 * CreateLogGroup. Exactly one of several concurrent creators of a name wins (unique key + ON
 * CONFLICT DO NOTHING); the rest get ResourceAlreadyExistsException. The KMS key id is recorded,
 * not checked: nagare has no KMS.
 */
export async function createLogGroup(deps: LogsDeps, scope: LogsScope, input: CreateLogGroupInput): Promise<void> {
  validateNewGroupName(input.name);
  const tags = input.tags ?? {};
  if (Object.keys(tags).length > MAX_TAGS) throw logsError('TooManyTags', `A resource can have no more than ${MAX_TAGS} tags.`);
  await writeTransaction(deps.db, async (tx) => {
    const id = await insertGroup(tx, scope, {
      name: input.name,
      createdMs: deps.clock.now().getTime(),
      kmsKeyId: input.kmsKeyId,
      logGroupClass: input.logGroupClass,
      deletionProtection: input.deletionProtection,
    });
    if (id === undefined) throw logsError('LogGroupAlreadyExists', 'The specified log group already exists', { logGroupName: input.name });
    await putTags(tx, id, tags);
  });
  deps.logger.info({ logGroup: input.name, account: scope.accountId, region: scope.region }, 'log group created');
}
