import { AwsError } from '../../../aws/index.js';
import { MAX_PUT_BYTES, NULL_VERSION, putObject } from '../../../objects/index.js';
import { attributesFromRequest, bodyExpectations, checksumResponseHeaders } from '../attributes.js';
import type { Handler } from '../call.js';
import { emptyResponse, header } from '../http.js';
import { writeConditions } from './conditions.js';

/** Declared payload size: the decoded length of an aws-chunked body, else Content-Length. */
export function declaredLength(req: Parameters<Handler>[0]['req']): number | undefined {
  const v = header(req, 'x-amz-decoded-content-length') ?? header(req, 'content-length');
  return v === undefined ? undefined : Number(v);
}

export const handlePutObject: Handler = async ({ req, deps, bucket, key }) => {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > MAX_PUT_BYTES) {
    throw new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, {
      ProposedSize: declared, MaxSizeAllowed: MAX_PUT_BYTES,
    });
  }
  const attributes = attributesFromRequest(req);
  const v = await putObject(deps, {
    bucket, key, body: req.body, attributes, expect: bodyExpectations(req), conditions: writeConditions(req),
  });
  return emptyResponse(200, {
    etag: `"${v.etag}"`,
    // S3 omits the header for the null version (unversioned or suspended buckets).
    ...(v.versionId !== NULL_VERSION ? { 'x-amz-version-id': v.versionId } : {}),
    ...checksumResponseHeaders(v.checksum),
    ...sseHeaders(v.headers),
  });
};

/** Encryption headers the object was stored with are echoed, as S3 does. */
export function sseHeaders(stored: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(stored)) if (k.startsWith('x-amz-server-side-encryption')) out[k] = v;
  return out;
}
