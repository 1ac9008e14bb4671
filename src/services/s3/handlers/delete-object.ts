import { createHash } from 'node:crypto';
import { AwsError, asArray, isAwsError, parseXml, type XmlNode } from '../../../aws/index.js';
import { deleteObject, getBucket, type DeleteOutcome } from '../../../objects/index.js';
import type { Handler } from '../call.js';
import { toAwsError } from '../errors.js';
import { emptyResponse, header, queryParam, readSmallBuffer, xmlResponse } from '../http.js';

function outcomeHeaders(o: DeleteOutcome): Record<string, string> {
  return {
    ...(o.deleteMarker ? { 'x-amz-delete-marker': 'true' } : {}),
    ...(o.versionId !== undefined ? { 'x-amz-version-id': o.versionId } : {}),
  };
}

export const handleDeleteObject: Handler = async ({ req, deps, bucket, key }) => {
  const versionId = queryParam(req, 'versionId');
  const o = await deleteObject(deps, { bucket, key, ...(versionId !== undefined ? { versionId } : {}) });
  return emptyResponse(204, outcomeHeaders(o));
};

const MAX_KEYS_PER_DELETE = 1000;

/**
 * DeleteObjects: S3 requires Content-MD5 (or a flexible checksum) on this request and checks it;
 * each key is deleted on its own and failures are reported per key.
 */
export const handleDeleteObjects: Handler = async ({ req, deps, bucket }) => {
  const raw = await readSmallBuffer(req);
  const md5 = header(req, 'content-md5');
  const hasChecksum = Object.keys(req.headers).some((h) => h.startsWith('x-amz-checksum-') || h === 'x-amz-sdk-checksum-algorithm');
  if (md5 === undefined && !hasChecksum) {
    throw new AwsError('InvalidRequest', 'Missing required header for this request: Content-MD5', 400);
  }
  if (md5 !== undefined && createHash('md5').update(raw).digest('base64') !== md5) {
    throw new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400);
  }
  const doc = parseXml(raw.toString('utf8'), 'Delete');
  const objects = asArray(doc.Object as XmlNode | XmlNode[] | undefined);
  if (objects.length === 0 || objects.length > MAX_KEYS_PER_DELETE) {
    throw new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
  }
  await getBucket(deps, bucket);
  const quiet = typeof doc.Quiet === 'string' && doc.Quiet.trim().toLowerCase() === 'true';
  const deleted: XmlNode[] = [];
  const errors: XmlNode[] = [];
  for (const o of objects) {
    const key = typeof o.Key === 'string' ? o.Key : '';
    const versionId = typeof o.VersionId === 'string' ? o.VersionId : undefined;
    try {
      const r = await deleteObject(deps, { bucket, key, ...(versionId !== undefined ? { versionId } : {}) });
      if (quiet) continue;
      deleted.push({
        Key: key,
        VersionId: versionId,
        DeleteMarker: r.deleteMarker ? true : undefined,
        DeleteMarkerVersionId: r.deleteMarker ? r.versionId : undefined,
      });
    } catch (err) {
      const aws = toAwsError(err);
      if (!isAwsError(aws)) throw err;
      errors.push({ Key: key, VersionId: versionId, Code: aws.code, Message: aws.message });
    }
  }
  return xmlResponse('DeleteResult', { Deleted: deleted, Error: errors });
};
