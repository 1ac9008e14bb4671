import { listMultipartUploads, listParts } from '../../../objects/index.js';
import { ownerOf, type Handler } from '../call.js';
import { intParam, queryParam, xmlResponse } from '../http.js';
import { encoder } from './list-objects.js';

export const handleListMultipartUploads: Handler = async ({ req, ctx, deps, bucket }) => {
  const { encode, type } = encoder(req);
  const prefix = queryParam(req, 'prefix') ?? '';
  const delimiter = queryParam(req, 'delimiter') || undefined;
  const keyMarker = queryParam(req, 'key-marker');
  const uploadIdMarker = queryParam(req, 'upload-id-marker');
  const maxUploads = intParam(req, 'max-uploads', 1000, 1000);
  const r = await listMultipartUploads(deps, {
    bucket, prefix, maxUploads,
    ...(delimiter ? { delimiter } : {}),
    ...(keyMarker !== undefined ? { keyMarker } : {}),
    ...(uploadIdMarker !== undefined ? { uploadIdMarker } : {}),
  });
  const owner = ownerOf(ctx);
  const uploads = r.entries.flatMap((e) => (e.kind === 'upload' ? [e.upload] : []));
  const prefixes = r.entries.flatMap((e) => (e.kind === 'prefix' ? [e.prefix] : []));
  const last = r.entries[r.entries.length - 1];
  return xmlResponse('ListMultipartUploadsResult', {
    Bucket: bucket,
    KeyMarker: encode(keyMarker ?? ''),
    UploadIdMarker: uploadIdMarker ?? '',
    NextKeyMarker: r.isTruncated && last ? encode(last.kind === 'upload' ? last.upload.key : last.prefix) : undefined,
    NextUploadIdMarker: r.isTruncated && last?.kind === 'upload' ? last.upload.uploadId : undefined,
    Prefix: encode(prefix),
    Delimiter: delimiter === undefined ? undefined : encode(delimiter),
    MaxUploads: maxUploads,
    EncodingType: type,
    IsTruncated: r.isTruncated,
    Upload: uploads.map((u) => ({
      Key: encode(u.key), UploadId: u.uploadId, Initiator: owner, Owner: owner, StorageClass: u.storageClass,
      Initiated: u.initiatedAt, ChecksumAlgorithm: u.checksumAlgorithm ?? undefined,
    })),
    CommonPrefixes: prefixes.map((p) => ({ Prefix: encode(p) })),
  });
};

export const handleListParts: Handler = async ({ req, ctx, deps, bucket, key }) => {
  const uploadId = queryParam(req, 'uploadId') ?? '';
  const marker = intParam(req, 'part-number-marker', 0);
  const maxParts = intParam(req, 'max-parts', 1000, 1000);
  const r = await listParts(deps, { bucket, key, uploadId }, marker, maxParts);
  const owner = ownerOf(ctx);
  const last = r.parts[r.parts.length - 1];
  return xmlResponse('ListPartsResult', {
    Bucket: bucket,
    Key: key,
    UploadId: uploadId,
    PartNumberMarker: marker,
    NextPartNumberMarker: last?.partNumber ?? marker,
    MaxParts: maxParts,
    IsTruncated: r.isTruncated,
    Part: r.parts.map((p) => ({
      PartNumber: p.partNumber, LastModified: p.lastModified, ETag: `"${p.etag}"`, Size: p.size,
      ...(p.checksum ? { [`Checksum${p.checksum.algorithm}`]: p.checksum.value } : {}),
    })),
    Initiator: owner,
    Owner: owner,
    StorageClass: r.upload.storageClass,
    ChecksumAlgorithm: r.upload.checksumAlgorithm ?? undefined,
  });
};
