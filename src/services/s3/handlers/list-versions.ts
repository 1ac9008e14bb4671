import { XmlSequence, type XmlValue } from '../../../aws/index.js';
import { listObjectVersions } from '../../../objects/index.js';
import { ownerOf, type Handler } from '../call.js';
import { intParam, queryParam, xmlResponse } from '../http.js';
import { encoder } from './list-objects.js';

/** ListObjectVersions: <Version> and <DeleteMarker> interleaved in (key, newest first) order. */
export const handleListObjectVersions: Handler = async ({ req, ctx, deps, bucket }) => {
  const { encode, type } = encoder(req);
  const prefix = queryParam(req, 'prefix') ?? '';
  const delimiter = queryParam(req, 'delimiter') || undefined;
  const maxKeys = intParam(req, 'max-keys', 1000, 1000);
  const keyMarker = queryParam(req, 'key-marker');
  const versionIdMarker = queryParam(req, 'version-id-marker');
  const r = await listObjectVersions(deps, {
    bucket, prefix, maxKeys,
    ...(delimiter ? { delimiter } : {}),
    ...(keyMarker !== undefined ? { keyMarker } : {}),
    ...(versionIdMarker !== undefined ? { versionIdMarker } : {}),
  });
  const owner = ownerOf(ctx);
  const items: [string, XmlValue][] = [];
  const prefixes: string[] = [];
  let nextKey: string | undefined;
  let nextVersion: string | undefined;
  for (const e of r.entries) {
    if (e.kind === 'prefix') {
      prefixes.push(e.prefix);
      nextKey = e.prefix;
      nextVersion = undefined;
      continue;
    }
    const v = e.version;
    nextKey = v.key;
    nextVersion = v.versionId;
    items.push(v.isDeleteMarker
      ? ['DeleteMarker', { Owner: owner, Key: encode(v.key), VersionId: v.versionId, IsLatest: v.isLatest, LastModified: v.lastModified }]
      : ['Version', {
          ETag: `"${v.etag}"`, ChecksumAlgorithm: v.checksum?.algorithm, ChecksumType: v.checksum?.type, Size: v.size,
          StorageClass: v.storageClass, Key: encode(v.key), VersionId: v.versionId, IsLatest: v.isLatest,
          LastModified: v.lastModified, Owner: owner,
        }]);
  }
  return xmlResponse('ListVersionsResult', {
    IsTruncated: r.isTruncated,
    KeyMarker: encode(keyMarker ?? ''),
    VersionIdMarker: versionIdMarker ?? '',
    NextKeyMarker: r.isTruncated && nextKey !== undefined ? encode(nextKey) : undefined,
    NextVersionIdMarker: r.isTruncated && nextVersion !== undefined ? nextVersion : undefined,
    Name: bucket,
    Prefix: encode(prefix),
    Delimiter: delimiter === undefined ? undefined : encode(delimiter),
    MaxKeys: maxKeys,
    EncodingType: type,
    Entries: new XmlSequence(items),
    CommonPrefixes: prefixes.map((x) => ({ Prefix: encode(x) })),
  });
};
