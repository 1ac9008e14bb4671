import type { RestRequest } from '../../../aws/index.js';
import type { ReadConditions, WriteConditions } from '../../../objects/index.js';
import { header } from '../http.js';

/** If-Match / If-None-Match on PutObject, CompleteMultipartUpload and CopyObject's destination. */
export function writeConditions(req: RestRequest): WriteConditions | undefined {
  const ifMatch = header(req, 'if-match');
  const ifNoneMatch = header(req, 'if-none-match');
  if (ifMatch === undefined && ifNoneMatch === undefined) return undefined;
  return { ...(ifMatch !== undefined ? { ifMatch } : {}), ...(ifNoneMatch !== undefined ? { ifNoneMatch } : {}) };
}

/** x-amz-copy-source-if-* of CopyObject and UploadPartCopy. */
export function copySourceConditions(req: RestRequest): ReadConditions {
  return {
    ifMatch: header(req, 'x-amz-copy-source-if-match'),
    ifNoneMatch: header(req, 'x-amz-copy-source-if-none-match'),
    ifModifiedSince: header(req, 'x-amz-copy-source-if-modified-since'),
    ifUnmodifiedSince: header(req, 'x-amz-copy-source-if-unmodified-since'),
  };
}
