import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { writeTransaction } from '../write-transaction.js';
import { ssmError } from './errors.js';
import { nameKey, validateNewName } from './parameter-name.js';
import { findVersion, insertParameter, insertVersion, lockParameter, putTags, deleteVersion, versionStats } from './parameter-repo.js';
import { valueContext } from './reveal.js';
import {
  DEFAULT_SECURE_STRING_KEY_ID,
  MAX_TAGS_PER_RESOURCE,
  MAX_VERSIONS,
  type ParameterTier,
  type ParameterType,
  type StoredTier,
  type Tag,
} from './types.js';
import { assertAllowedPattern, assertDataType, assertNoNestedReference, assertValuePresent, parsePolicies, resolveTier, utf8Bytes } from './value-rules.js';

export interface PutParameterInput {
  name: string;
  value: string;
  type?: ParameterType;
  description?: string;
  keyId?: string;
  overwrite?: boolean;
  allowedPattern?: string;
  tags?: Tag[];
  tier?: ParameterTier;
  policies?: string;
  dataType?: string;
  /** Recorded as LastModifiedUser. */
  user: string;
}

/**
 * PutParameter. Contract: concurrent writers of one name never lose or duplicate a version — the
 * parameter row is locked for the whole read-modify-write, and a brand-new name is created with
 * INSERT … ON CONFLICT DO NOTHING so exactly one creator wins and the others continue as
 * overwriters (or get ParameterAlreadyExists). Fields a caller omits on overwrite (Type,
 * Description, KeyId, AllowedPattern, DataType, Policies, Tier) keep their previous values.
 */
export async function putParameter(deps: SecretsDeps, scope: Scope, input: PutParameterInput): Promise<{ version: number; tier: StoredTier }> {
  const name = validateNewName(input.name, scope);
  const key = nameKey(name);
  assertValuePresent(input.value);
  if (input.overwrite && input.tags && input.tags.length > 0) {
    throw ssmError(
      'ValidationException',
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
  }
  if (input.tags && new Set(input.tags.map((t) => t.Key)).size > MAX_TAGS_PER_RESOURCE) {
    throw ssmError('TooManyTagsError', 'The Targets parameter includes too many tags. Remove one or more tags and try the command again.');
  }
  if (input.policies !== undefined) parsePolicies(input.policies);
  const now = deps.clock.now();

  const result = await writeTransaction(deps.db, () => ssmError('TooManyUpdates', ''), async (tx) => {
    let head = await lockParameter(tx, scope, key);
    let created = false;
    if (!head) {
      if (!input.type) throw ssmError('ValidationException', 'A parameter type is required when you create a parameter.');
      const id = await insertParameter(tx, scope, key, name, now);
      if (id !== undefined) {
        head = { id, name, version: 0 };
        created = true;
      } else {
        head = await lockParameter(tx, scope, key); // a concurrent creator won; we are now an overwriter
      }
    }
    if (!head) throw ssmError('TooManyUpdates', '');
    const prev = created ? undefined : await findVersion(tx, scope, key);
    if (prev && !input.overwrite) {
      throw ssmError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.', { name });
    }
    if (prev && input.type && input.type !== prev.type) {
      throw ssmError(
        'HierarchyTypeMismatchException',
        "Parameter Store doesn't support changing a parameter type in a hierarchy. For example, you can't change a parameter from a String type to a SecureString type. You must create a new, unique parameter.",
        { name },
      );
    }
    const type = (input.type ?? prev?.type) as ParameterType;
    const dataType = input.dataType ?? prev?.dataType ?? 'text';
    const allowedPattern = input.allowedPattern ?? prev?.allowedPattern ?? null;
    const policies = input.policies ?? prev?.policies ?? null;
    assertNoNestedReference(input.value, type);
    assertDataType(dataType, type, input.value);
    assertAllowedPattern(allowedPattern, input.value);
    const tier = resolveTier(input.tier, prev?.tier, utf8Bytes(input.value), policies !== null);

    const version = head.version + 1;
    if (prev) {
      const stats = await versionStats(tx, head.id);
      if (stats.count >= MAX_VERSIONS) {
        if (stats.oldestLabels > 0) {
          throw ssmError(
            'ParameterMaxVersionLimitExceeded',
            `You attempted to create a new version of ${head.name} by calling the PutParameter API with the overwrite flag. Version ${stats.oldest}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`,
            { name: head.name },
          );
        }
        await deleteVersion(tx, head.id, stats.oldest);
      }
    }
    const secure = type === 'SecureString';
    await insertVersion(tx, {
      parameterId: head.id,
      version,
      type,
      valueText: secure ? null : input.value,
      valueCipher: secure ? deps.cipher.encrypt(Buffer.from(input.value, 'utf8'), valueContext(scope, key, version)) : null,
      description: input.description ?? prev?.description ?? null,
      allowedPattern,
      keyId: secure ? (input.keyId ?? prev?.keyId ?? DEFAULT_SECURE_STRING_KEY_ID) : null,
      tier,
      dataType,
      policies,
      modifiedAt: now,
      modifiedUser: input.user,
    });
    if (created && input.tags) await putTags(tx, head.id, input.tags);
    return { version, tier, name: head.name, type };
  });
  deps.logger.info({ name: result.name, version: result.version, type: result.type, account: scope.accountId, region: scope.region }, 'ssm parameter written');
  return { version: result.version, tier: result.tier };
}
