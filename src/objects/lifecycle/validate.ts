import { objectsError } from '../errors.js';
import { validateTags } from '../objects/tagging.js';
import type { LifecycleRule } from './types.js';
import { filterUsesTags } from './decide.js';

function invalid(message: string): Error {
  return objectsError('InvalidArgument', message, { ArgumentName: 'LifecycleConfiguration' });
}

function positiveDays(value: number | undefined, what: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value <= 0)) throw invalid(`'Days' for ${what} action must be a positive integer`);
}

function midnightDate(date: string | undefined): void {
  if (date === undefined) return;
  const t = Date.parse(date);
  if (Number.isNaN(t) || t % 86_400_000 !== 0) throw invalid("'Date' must be at midnight GMT");
}

/** S3's semantic checks of a lifecycle configuration (shape errors are MalformedXML earlier). */
export function validateLifecycle(rules: LifecycleRule[]): void {
  if (rules.length === 0 || rules.length > 1000) {
    throw objectsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
  }
  const ids = new Set<string>();
  for (const r of rules) {
    if (r.id.length > 255) throw invalid('ID length should not exceed allowed limit of 255');
    if (ids.has(r.id)) throw invalid('Rule ID must be unique. Found same ID for more than one rule');
    ids.add(r.id);
    const hasAction = r.expiration || r.noncurrentVersionExpiration || r.abortIncompleteMultipartUpload
      || (r.transitions?.length ?? 0) > 0 || (r.noncurrentVersionTransitions?.length ?? 0) > 0;
    if (!hasAction) throw invalid('At least one action needs to be specified in a rule');
    const e = r.expiration;
    if (e) {
      const set = [e.days !== undefined, e.date !== undefined, e.expiredObjectDeleteMarker !== undefined].filter(Boolean).length;
      if (set !== 1) {
        throw objectsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
      }
      positiveDays(e.days, 'Expiration');
      midnightDate(e.date);
      if (e.expiredObjectDeleteMarker && filterUsesTags(r.filter)) {
        throw invalid('ExpiredObjectDeleteMarker cannot be specified with a tag-based filter');
      }
    }
    positiveDays(r.noncurrentVersionExpiration?.noncurrentDays, 'NoncurrentVersionExpiration');
    const newer = r.noncurrentVersionExpiration?.newerNoncurrentVersions;
    if (newer !== undefined && (!Number.isInteger(newer) || newer < 1 || newer > 100)) {
      throw invalid("'NewerNoncurrentVersions' must be an integer between 1 and 100");
    }
    if (r.abortIncompleteMultipartUpload) {
      positiveDays(r.abortIncompleteMultipartUpload.daysAfterInitiation, 'AbortIncompleteMultipartUpload');
      if (filterUsesTags(r.filter)) throw invalid('AbortIncompleteMultipartUpload cannot be specified with Tags.');
    }
    for (const t of r.transitions ?? []) {
      if (t.days !== undefined && (!Number.isInteger(t.days) || t.days < 0)) throw invalid("'Days' for Transition action must be a nonnegative integer");
      midnightDate(t.date);
    }
    if (r.filter.kind === 'tag') validateTags([r.filter.tag]);
    if (r.filter.kind === 'and') validateTags(r.filter.tags);
  }
}
