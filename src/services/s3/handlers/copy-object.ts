import { AwsError, type RestRequest } from '../../../aws/index.js';
import { copyObject, NULL_VERSION, type ObjectRef } from '../../../objects/index.js';
import { attributesFromRequest, changesAttributes, checksumResponseHeaders } from '../attributes.js';
import type { Handler } from '../call.js';
import { header, xmlResponse } from '../http.js';
import { copySourceConditions, writeConditions } from './conditions.js';
import { sseHeaders } from './put-object.js';

/**
 * Parses x-amz-copy-source: `[/]bucket/key[?versionId=id]`, percent-encoded. The query part is
 * split off before decoding, so an encoded '?' (%3F) in a key stays part of the key.
 */
export function parseCopySource(req: RestRequest): ObjectRef {
  const raw = header(req, 'x-amz-copy-source') ?? '';
  const bad = (): AwsError => new AwsError('InvalidArgument', 'Invalid copy source object key', 400, {
    ArgumentName: 'x-amz-copy-source', ArgumentValue: raw,
  });
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/^\//, '');
  let versionId: string | undefined;
  if (q >= 0) {
    const params = new URLSearchParams(raw.slice(q + 1));
    versionId = params.get('versionId') ?? undefined;
    if (versionId === undefined) throw bad();
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw bad();
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) throw bad();
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), ...(versionId !== undefined ? { versionId } : {}) };
}

function directive(req: RestRequest, name: string): 'COPY' | 'REPLACE' {
  const v = header(req, name) ?? 'COPY';
  if (v !== 'COPY' && v !== 'REPLACE') {
    throw new AwsError('InvalidArgument', `Unknown ${name === 'x-amz-tagging-directive' ? 'tagging' : 'metadata'} directive.`, 400, {
      ArgumentName: name, ArgumentValue: v,
    });
  }
  return v;
}

export const handleCopyObject: Handler = async ({ req, deps, bucket, key }) => {
  const source = parseCopySource(req);
  const r = await copyObject(deps, {
    source, bucket, key,
    metadataDirective: directive(req, 'x-amz-metadata-directive'),
    taggingDirective: directive(req, 'x-amz-tagging-directive'),
    attributes: attributesFromRequest(req),
    changesAttributes: changesAttributes(req),
    sourceConditions: copySourceConditions(req),
    conditions: writeConditions(req),
  });
  const v = r.version;
  const checksum = v.checksum ? { [`Checksum${v.checksum.algorithm}`]: v.checksum.value, ChecksumType: v.checksum.type } : {};
  return xmlResponse('CopyObjectResult', { ETag: `"${v.etag}"`, LastModified: v.lastModified, ...checksum }, 200, {
    ...(v.versionId !== NULL_VERSION ? { 'x-amz-version-id': v.versionId } : {}),
    ...(r.sourceBucket.versioning !== 'Unversioned' ? { 'x-amz-copy-source-version-id': r.source.versionId } : {}),
    ...checksumResponseHeaders(null),
    ...sseHeaders(v.headers),
  });
};
