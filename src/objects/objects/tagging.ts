import { requireBucket } from '../buckets/get-bucket.js';
import { objectsError } from '../errors.js';
import { lockKey, updateTags } from '../store/version-repo.js';
import type { ObjectVersion, ObjectsDeps, Tag } from '../types.js';
import { resolveObject, type ObjectRef } from './get-object.js';

/** S3's object tag limits: at most 10 tags, keys 1–128 and values 0–256 characters, keys unique. */
export function validateTags(tags: Tag[]): Tag[] {
  const invalid = (msg: string): Error => objectsError('InvalidTag', msg);
  if (tags.length > 10) throw invalid('Object tags cannot be greater than 10');
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.Key.length < 1 || t.Key.length > 128) throw invalid('The TagKey you have provided is invalid');
    if (t.Value.length > 256) throw invalid('The TagValue you have provided is invalid');
    if (t.Key.startsWith('aws:')) throw invalid('Your TagKey cannot be prefixed with aws:');
    if (seen.has(t.Key)) throw invalid('Cannot provide multiple Tags with the same key');
    seen.add(t.Key);
  }
  return tags;
}

/** Parses the x-amz-tagging header (URL query syntax: k1=v1&k2=v2). */
export function parseTaggingHeader(value: string | undefined): Tag[] {
  if (value === undefined || value === '') return [];
  return validateTags([...new URLSearchParams(value)].map(([Key, Value]) => ({ Key, Value })));
}

export async function getObjectTags(deps: ObjectsDeps, ref: ObjectRef): Promise<ObjectVersion> {
  return (await resolveObject(deps.db, ref)).version;
}

/** Replaces the tag set of one version (the latest when no version id is given). */
export async function putObjectTags(deps: ObjectsDeps, ref: ObjectRef, tags: Tag[]): Promise<ObjectVersion> {
  validateTags(tags);
  return deps.db.transaction(async (tx) => {
    await requireBucket(tx, ref.bucket, 'share');
    await lockKey(tx, ref.bucket, ref.key);
    const { version } = await resolveObject(tx, ref);
    await updateTags(tx, version.seq, tags);
    return { ...version, tags };
  });
}
