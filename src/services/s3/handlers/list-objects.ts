import { AwsError, type RestRequest, type XmlNode } from '../../../aws/index.js';
import { listObjects, type ListEntry, type ObjectVersion } from '../../../objects/index.js';
import { ownerOf, type Handler, type S3Call } from '../call.js';
import { intParam, queryParam, urlEncodeKey, xmlResponse } from '../http.js';

/** EncodingType=url: keys, prefixes and markers are URL-encoded in the response (the AWS CLI always asks). */
export function encoder(req: RestRequest): { encode: (s: string) => string; type: string | undefined } {
  const type = queryParam(req, 'encoding-type');
  if (type !== undefined && type !== 'url') {
    throw new AwsError('InvalidArgument', 'Invalid Encoding Method specified in Request', 400, { ArgumentName: 'encoding-type', ArgumentValue: type });
  }
  return { encode: type === 'url' ? urlEncodeKey : (s) => s, type };
}

function contents(v: ObjectVersion, encode: (s: string) => string, owner: XmlNode | undefined): XmlNode {
  return {
    Key: encode(v.key),
    LastModified: v.lastModified,
    ETag: `"${v.etag}"`,
    ChecksumAlgorithm: v.checksum?.algorithm,
    ChecksumType: v.checksum?.type,
    Size: v.size,
    Owner: owner,
    StorageClass: v.storageClass,
  };
}

async function page(call: S3Call, after: string | undefined) {
  const prefix = queryParam(call.req, 'prefix') ?? '';
  const delimiter = queryParam(call.req, 'delimiter') || undefined;
  const maxKeys = intParam(call.req, 'max-keys', 1000, 1000);
  const result = await listObjects(call.deps, {
    bucket: call.bucket, prefix, maxKeys, ...(delimiter ? { delimiter } : {}), ...(after !== undefined ? { after } : {}),
  });
  return { ...result, prefix, delimiter, maxKeys };
}

function split(entries: ListEntry[]): { objects: ObjectVersion[]; prefixes: string[]; last: string | undefined } {
  const objects: ObjectVersion[] = [];
  const prefixes: string[] = [];
  let last: string | undefined;
  for (const e of entries) {
    if (e.kind === 'object') {
      objects.push(e.version);
      last = e.version.key;
    } else {
      prefixes.push(e.prefix);
      last = e.prefix;
    }
  }
  return { objects, prefixes, last };
}

/** ListObjects (v1): Marker, and NextMarker when a delimiter was given and the page is truncated. */
export const handleListObjects: Handler = async (call) => {
  const { encode, type } = encoder(call.req);
  const marker = queryParam(call.req, 'marker');
  const p = await page(call, marker || undefined);
  const { objects, prefixes, last } = split(p.entries);
  const owner = ownerOf(call.ctx);
  return xmlResponse('ListBucketResult', {
    Name: call.bucket,
    Prefix: encode(p.prefix),
    Marker: encode(marker ?? ''),
    NextMarker: p.isTruncated && p.delimiter && last !== undefined ? encode(last) : undefined,
    MaxKeys: p.maxKeys,
    Delimiter: p.delimiter === undefined ? undefined : encode(p.delimiter),
    EncodingType: type,
    IsTruncated: p.isTruncated,
    Contents: objects.map((v) => contents(v, encode, owner)),
    CommonPrefixes: prefixes.map((x) => ({ Prefix: encode(x) })),
  });
};

/** Continuation tokens are opaque to clients: the last key or prefix returned, base64url. */
export function encodeToken(last: string): string {
  return Buffer.from(`v1:${last}`, 'utf8').toString('base64url');
}

export function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith('v1:')) {
    throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect', 400, {
      ArgumentName: 'continuation-token', ArgumentValue: token,
    });
  }
  return text.slice(3);
}

export const handleListObjectsV2: Handler = async (call) => {
  const { encode, type } = encoder(call.req);
  const token = queryParam(call.req, 'continuation-token');
  const startAfter = queryParam(call.req, 'start-after');
  if (token === '') {
    throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect', 400, { ArgumentName: 'continuation-token', ArgumentValue: '' });
  }
  const after = token !== undefined ? decodeToken(token) : startAfter || undefined;
  const p = await page(call, after);
  const { objects, prefixes, last } = split(p.entries);
  const owner = queryParam(call.req, 'fetch-owner') === 'true' ? ownerOf(call.ctx) : undefined;
  return xmlResponse('ListBucketResult', {
    Name: call.bucket,
    Prefix: encode(p.prefix),
    Delimiter: p.delimiter === undefined ? undefined : encode(p.delimiter),
    MaxKeys: p.maxKeys,
    EncodingType: type,
    KeyCount: objects.length + prefixes.length,
    IsTruncated: p.isTruncated,
    ContinuationToken: token,
    NextContinuationToken: p.isTruncated && last !== undefined ? encodeToken(last) : undefined,
    StartAfter: startAfter === undefined ? undefined : encode(startAfter),
    Contents: objects.map((v) => contents(v, encode, owner)),
    CommonPrefixes: prefixes.map((x) => ({ Prefix: encode(x) })),
  });
};
