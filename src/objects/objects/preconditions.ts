import { noSuchKey, objectsError } from '../errors.js';
import type { ObjectVersion } from '../types.js';

/** Conditions a write may carry (PutObject / CompleteMultipartUpload / CopyObject destination). */
export interface WriteConditions {
  /** If-Match: the current object's ETag (quoted or not) or '*'. */
  ifMatch?: string;
  /** If-None-Match: only '*' is supported by S3 for writes. */
  ifNoneMatch?: string;
}

export function unquoteEtag(value: string): string {
  const v = value.trim().replace(/^W\//, '');
  return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1) : v;
}

/** Checks write conditions against the current latest version (under the key lock). */
export function checkWriteConditions(key: string, current: ObjectVersion | undefined, c: WriteConditions): void {
  const live = current && !current.isDeleteMarker ? current : undefined;
  if (c.ifNoneMatch !== undefined) {
    if (c.ifNoneMatch.trim() !== '*') {
      throw objectsError('InvalidArgument', 'If-None-Match only supports the value *', { ArgumentName: 'If-None-Match' });
    }
    if (live) throw objectsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-None-Match' });
  }
  if (c.ifMatch !== undefined) {
    if (!live) throw noSuchKey(key);
    const wanted = c.ifMatch.split(',').map(unquoteEtag);
    if (!wanted.includes('*') && !wanted.includes(live.etag)) {
      throw objectsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-Match' });
    }
  }
}
