import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { writeTransaction } from '../write-transaction.js';
import { ssmError } from './errors.js';
import { parseParameterRef } from './parameter-name.js';
import { findVersion, lockParameter, putTags, removeTags, tagsOf } from './parameter-repo.js';
import { MAX_TAGS_PER_RESOURCE, type Tag } from './types.js';

/**
 * AddTagsToResource / RemoveTagsFromResource / ListTagsForResource for ResourceType "Parameter"
 * (ResourceId = the parameter name or ARN). nagare has no other taggable SSM resources, so any
 * other type answers InvalidResourceId, as AWS does for an id it does not know.
 */
export async function addParameterTags(deps: SecretsDeps, scope: Scope, resourceType: string, resourceId: string, tags: readonly Tag[]): Promise<void> {
  const key = resourceKey(scope, resourceType, resourceId);
  await writeTransaction(deps.db, () => ssmError('TooManyUpdates', ''), async (tx) => {
    const head = await lockParameter(tx, scope, key);
    if (!head) throw invalidResourceId();
    const existing = new Set((await tagsOf(tx, head.id)).map((t) => t.Key));
    for (const t of tags) existing.add(t.Key);
    if (existing.size > MAX_TAGS_PER_RESOURCE) {
      throw ssmError('TooManyTagsError', 'The Targets parameter includes too many tags. Remove one or more tags and try the command again.');
    }
    await putTags(tx, head.id, tags);
  });
}

export async function removeParameterTags(deps: SecretsDeps, scope: Scope, resourceType: string, resourceId: string, keys: readonly string[]): Promise<void> {
  const key = resourceKey(scope, resourceType, resourceId);
  await writeTransaction(deps.db, () => ssmError('TooManyUpdates', ''), async (tx) => {
    const head = await lockParameter(tx, scope, key);
    if (!head) throw invalidResourceId();
    await removeTags(tx, head.id, keys);
  });
}

export async function listParameterTags(deps: SecretsDeps, scope: Scope, resourceType: string, resourceId: string): Promise<Tag[]> {
  const key = resourceKey(scope, resourceType, resourceId);
  const latest = await findVersion(deps.db, scope, key);
  if (!latest) throw invalidResourceId();
  return tagsOf(deps.db, latest.parameterId);
}

function resourceKey(scope: Scope, resourceType: string, resourceId: string): string {
  if (resourceType !== 'Parameter') throw invalidResourceId();
  const ref = parseParameterRef(resourceId, scope);
  if (!ref || ref.selector) throw invalidResourceId();
  return ref.key;
}

function invalidResourceId(): ReturnType<typeof ssmError> {
  return ssmError('InvalidResourceId', 'The resource ID is not valid. Verify that you entered the correct ID and try again.');
}
