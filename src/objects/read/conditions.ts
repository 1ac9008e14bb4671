import { objectsError } from '../errors.js';
import { unquoteEtag } from '../objects/preconditions.js';

/** Read preconditions of GetObject/HeadObject (and, with copy-source- names, of CopyObject). */
export interface ReadConditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  ifUnmodifiedSince?: string;
}

export type ReadDecision = 'proceed' | 'not-modified';

function matches(header: string, etag: string): boolean {
  return header.split(',').map(unquoteEtag).some((t) => t === '*' || t === etag);
}

function parseHttpDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * RFC 7232 evaluation order as S3 applies it: If-Match (else If-Unmodified-Since) can fail with
 * 412; If-None-Match (else If-Modified-Since) can answer 304. If-Match that holds makes
 * If-Unmodified-Since irrelevant; an If-None-Match that holds makes If-Modified-Since irrelevant.
 * Unparseable dates are ignored. Times compare at one-second resolution (HTTP dates have no ms).
 */
export function evaluateReadConditions(c: ReadConditions, etag: string, lastModified: Date, isCopy = false): ReadDecision {
  const modified = Math.floor(lastModified.getTime() / 1000);
  const prefix = isCopy ? 'x-amz-copy-source-' : '';
  const failed = (name: string): Error =>
    objectsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: `${prefix}${name}` });
  if (c.ifMatch !== undefined) {
    if (!matches(c.ifMatch, etag)) throw failed('If-Match');
  } else {
    const t = parseHttpDate(c.ifUnmodifiedSince);
    if (t !== undefined && modified > Math.floor(t / 1000)) throw failed('If-Unmodified-Since');
  }
  if (c.ifNoneMatch !== undefined) {
    if (matches(c.ifNoneMatch, etag)) {
      if (isCopy) throw failed('If-None-Match');
      return 'not-modified';
    }
  } else {
    const t = parseHttpDate(c.ifModifiedSince);
    if (t !== undefined && modified <= Math.floor(t / 1000)) {
      if (isCopy) throw failed('If-Modified-Since');
      return 'not-modified';
    }
  }
  return 'proceed';
}
