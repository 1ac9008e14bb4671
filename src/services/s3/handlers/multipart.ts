import { AwsError, asArray, parseXml, type XmlNode } from '../../../aws/index.js';
import {
  abortMultipartUpload, completeMultipartUpload, createMultipartUpload, uploadPart, uploadPartCopy, NULL_VERSION,
  type CompletedPart,
} from '../../../objects/index.js';
import { attributesFromRequest, bodyExpectations, checksumAlgorithmHeader, checksumResponseHeaders } from '../attributes.js';
import type { Handler, S3Call } from '../call.js';
import { emptyResponse, queryParam, readSmallBody, xmlResponse } from '../http.js';
import { copySourceConditions, writeConditions } from './conditions.js';
import { parseCopySource } from './copy-object.js';
import { declaredLength, sseHeaders } from './put-object.js';

export const handleCreateMultipartUpload: Handler = async ({ req, deps, bucket, key }) => {
  const u = await createMultipartUpload(deps, {
    bucket, key, attributes: attributesFromRequest(req), checksumAlgorithm: checksumAlgorithmHeader(req),
  });
  return xmlResponse('InitiateMultipartUploadResult', { Bucket: bucket, Key: key, UploadId: u.uploadId }, 200, {
    ...(u.checksumAlgorithm ? { 'x-amz-checksum-algorithm': u.checksumAlgorithm, 'x-amz-checksum-type': 'COMPOSITE' } : {}),
    ...sseHeaders(u.headers),
  });
};

function target(call: S3Call): { bucket: string; key: string; uploadId: string; partNumber: number } {
  const raw = queryParam(call.req, 'partNumber') ?? '';
  const partNumber = /^\d+$/.test(raw) ? Number(raw) : NaN;
  return { bucket: call.bucket, key: call.key, uploadId: queryParam(call.req, 'uploadId') ?? '', partNumber };
}

export const handleUploadPart: Handler = async (call) => {
  const t = target(call);
  const declared = declaredLength(call.req);
  if (declared !== undefined && declared > 5 * 1024 ** 3) {
    throw new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, { ProposedSize: declared, MaxSizeAllowed: 5 * 1024 ** 3 });
  }
  const part = await uploadPart(call.deps, t, call.req.body, bodyExpectations(call.req));
  return emptyResponse(200, { etag: `"${part.etag}"`, ...checksumResponseHeaders(part.checksum) });
};

export const handleUploadPartCopy: Handler = async (call) => {
  const range = queryRangeHeader(call);
  const r = await uploadPartCopy(call.deps, target(call), {
    source: parseCopySource(call.req), sourceConditions: copySourceConditions(call.req), ...(range !== undefined ? { range } : {}),
  });
  return xmlResponse('CopyPartResult', { ETag: `"${r.part.etag}"`, LastModified: r.part.lastModified }, 200, {
    ...(r.sourceVersioned ? { 'x-amz-copy-source-version-id': r.source.versionId } : {}),
  });
};

function queryRangeHeader(call: S3Call): string | undefined {
  const v = call.req.headers['x-amz-copy-source-range'];
  return Array.isArray(v) ? v[0] : v;
}

function parseCompletedParts(text: string): CompletedPart[] {
  const doc = parseXml(text, 'CompleteMultipartUpload');
  return asArray(doc.Part as XmlNode | XmlNode[] | undefined).map((p) => {
    const n = typeof p.PartNumber === 'string' ? p.PartNumber.trim() : '';
    if (!/^\d+$/.test(n) || typeof p.ETag !== 'string') {
      throw new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
    }
    return { partNumber: Number(n), etag: p.ETag };
  });
}

export const handleCompleteMultipartUpload: Handler = async ({ req, ctx, deps, bucket, key }) => {
  const parts = parseCompletedParts(await readSmallBody(req));
  const uploadId = queryParam(req, 'uploadId') ?? '';
  const conditions = writeConditions(req);
  const v = await completeMultipartUpload(deps, { bucket, key, uploadId, parts, ...(conditions ? { conditions } : {}) });
  const checksum = v.checksum ? { [`Checksum${v.checksum.algorithm}`]: v.checksum.value, ChecksumType: v.checksum.type } : {};
  return xmlResponse('CompleteMultipartUploadResult', {
    Location: `${ctx.endpoint}/${bucket}/${encodeURI(key)}`,
    Bucket: bucket,
    Key: key,
    ETag: `"${v.etag}"`,
    ...checksum,
  }, 200, {
    ...(v.versionId !== NULL_VERSION ? { 'x-amz-version-id': v.versionId } : {}),
    ...sseHeaders(v.headers),
  });
};

export const handleAbortMultipartUpload: Handler = async ({ req, deps, bucket, key }) => {
  await abortMultipartUpload(deps, { bucket, key, uploadId: queryParam(req, 'uploadId') ?? '' });
  return emptyResponse(204);
};
