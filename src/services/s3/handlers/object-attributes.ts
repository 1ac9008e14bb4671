import { AwsError, type XmlNode } from '../../../aws/index.js';
import { resolveObject } from '../../../objects/index.js';
import { isVersioned } from '../attributes.js';
import type { Handler } from '../call.js';
import { header, httpDate, queryParam, xmlResponse } from '../http.js';

const KNOWN = new Set(['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize']);

/**
 * GetObjectAttributes: the attributes named in x-amz-object-attributes. As in S3 the ETag has no
 * quotes here. Parts are listed for multipart objects (sizes only: per-part checksums are not kept
 * after completion).
 */
export const handleGetObjectAttributes: Handler = async ({ req, deps, bucket, key }) => {
  const wanted = new Set((header(req, 'x-amz-object-attributes') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''));
  const unknown = [...wanted].filter((a) => !KNOWN.has(a));
  if (wanted.size === 0 || unknown.length > 0) {
    throw new AwsError('InvalidArgument', 'Invalid attribute name specified.', 400, {
      ArgumentName: 'x-amz-object-attributes', ArgumentValue: unknown.join(',') || '',
    });
  }
  const versionId = queryParam(req, 'versionId');
  const { bucket: b, version: v } = await resolveObject(deps.db, { bucket, key, ...(versionId !== undefined ? { versionId } : {}) });
  const body: XmlNode = {};
  if (wanted.has('ETag')) body.ETag = v.etag;
  if (wanted.has('Checksum') && v.checksum) body.Checksum = { [`Checksum${v.checksum.algorithm}`]: v.checksum.value, ChecksumType: v.checksum.type };
  if (wanted.has('ObjectParts') && v.parts) {
    const marker = Math.max(0, Number(header(req, 'x-amz-part-number-marker') ?? 0) || 0);
    const max = Math.min(1000, Math.max(0, Number(header(req, 'x-amz-max-parts') ?? 1000) || 0));
    const all = v.parts.map((size, i) => ({ PartNumber: i + 1, Size: size }));
    const page = all.filter((p) => p.PartNumber > marker).slice(0, max);
    body.ObjectParts = {
      PartsCount: v.parts.length,
      PartNumberMarker: marker,
      NextPartNumberMarker: page[page.length - 1]?.PartNumber ?? marker,
      MaxParts: max,
      IsTruncated: (page[page.length - 1]?.PartNumber ?? v.parts.length) < v.parts.length,
      Part: page,
    };
  }
  if (wanted.has('StorageClass')) body.StorageClass = v.storageClass;
  if (wanted.has('ObjectSize')) body.ObjectSize = v.size;
  return xmlResponse('GetObjectAttributesResponse', body, 200, {
    'last-modified': httpDate(v.lastModified),
    ...(isVersioned(b) ? { 'x-amz-version-id': v.versionId } : {}),
  });
};
