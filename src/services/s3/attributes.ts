import { AwsError, type RestRequest } from '../../aws/index.js';
import {
  checksumHeader, parseChecksumAlgorithm, parseTaggingHeader,
  type BodyExpectations, type Bucket, type ChecksumAlgorithm, type ObjectAttributes, type ObjectVersion,
} from '../../objects/index.js';
import { header, httpDate } from './http.js';

/** Request headers S3 stores with an object and returns on GET/HEAD. */
const STORED_HEADERS = [
  'content-type', 'content-encoding', 'content-disposition', 'content-language', 'cache-control', 'expires',
  'x-amz-website-redirect-location', 'x-amz-server-side-encryption', 'x-amz-server-side-encryption-aws-kms-key-id',
  'x-amz-server-side-encryption-bucket-key-enabled', 'x-amz-server-side-encryption-context',
];

const STORAGE_CLASSES = new Set([
  'STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE',
  'OUTPOSTS', 'GLACIER_IR', 'SNOW', 'EXPRESS_ONEZONE', 'FSX_OPENZFS', 'FSX_ONTAP',
]);

/** S3's limit on user metadata: names and values of x-amz-meta-* headers together. */
const MAX_USER_METADATA = 2048;

/**
 * The stored attributes a PUT / CreateMultipartUpload / CopyObject(REPLACE) request specifies.
 * Values are kept byte-for-byte as received (Node hands header bytes over as latin1 and writes
 * them back the same way), so non-ASCII metadata round-trips unchanged.
 */
export function attributesFromRequest(req: RestRequest): ObjectAttributes {
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const v = header(req, name);
    if (v !== undefined) headers[name] = v;
  }
  // aws-chunked is a transfer detail of the upload, never part of the stored object (as in S3).
  if (headers['content-encoding'] !== undefined) {
    const rest = headers['content-encoding'].split(',').map((s) => s.trim()).filter((s) => s !== '' && s.toLowerCase() !== 'aws-chunked');
    if (rest.length === 0) delete headers['content-encoding'];
    else headers['content-encoding'] = rest.join(',');
  }
  const meta: Record<string, string> = {};
  let metaSize = 0;
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith('x-amz-meta-') || value === undefined) continue;
    const v = Array.isArray(value) ? value.join(',') : value;
    const short = name.slice('x-amz-meta-'.length);
    meta[short] = v;
    metaSize += Buffer.byteLength(short, 'latin1') + Buffer.byteLength(v, 'latin1');
  }
  if (metaSize > MAX_USER_METADATA) {
    throw new AwsError('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', 400, {
      Size: metaSize, MaxSizeAllowed: MAX_USER_METADATA,
    });
  }
  const storageClass = header(req, 'x-amz-storage-class') ?? 'STANDARD';
  if (!STORAGE_CLASSES.has(storageClass)) throw new AwsError('InvalidStorageClass', 'The storage class you specified is not valid', 400, { StorageClassRequested: storageClass });
  return { headers, meta, tags: parseTaggingHeader(header(req, 'x-amz-tagging')), storageClass };
}

/** True when the request sets something a self-copy may change (storage class, encryption, redirect). */
export function changesAttributes(req: RestRequest): boolean {
  return ['x-amz-storage-class', 'x-amz-server-side-encryption', 'x-amz-website-redirect-location'].some((h) => header(req, h) !== undefined);
}

/**
 * The flexible checksum the request carries: x-amz-sdk-checksum-algorithm, an
 * x-amz-checksum-<alg> header, or x-amz-trailer naming one (value read after the body).
 */
export function checksumFromRequest(req: RestRequest): BodyExpectations['checksum'] {
  const trailer = header(req, 'x-amz-trailer')?.toLowerCase().trim();
  for (const alg of ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const) {
    const name = checksumHeader(alg);
    const v = header(req, name);
    if (v !== undefined) return { algorithm: alg, value: v };
    if (trailer === name) return { algorithm: alg };
  }
  const declared = header(req, 'x-amz-sdk-checksum-algorithm');
  if (declared !== undefined) {
    const alg = parseChecksumAlgorithm(declared);
    if (!alg) throw new AwsError('InvalidRequest', 'Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]', 400);
    return { algorithm: alg };
  }
  return undefined;
}

export function bodyExpectations(req: RestRequest): Omit<BodyExpectations, 'maxBytes'> {
  const md5 = header(req, 'content-md5');
  const checksum = checksumFromRequest(req);
  return { ...(md5 !== undefined ? { contentMd5: md5 } : {}), ...(checksum ? { checksum } : {}), trailers: () => req.trailers() };
}

export function checksumAlgorithmHeader(req: RestRequest): ChecksumAlgorithm | null {
  const v = header(req, 'x-amz-checksum-algorithm');
  if (v === undefined) return null;
  const alg = parseChecksumAlgorithm(v);
  if (!alg) throw new AwsError('InvalidRequest', 'Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]', 400);
  return alg;
}

/** Whether responses about objects in this bucket carry x-amz-version-id. */
export function isVersioned(bucket: Bucket): boolean {
  return bucket.versioning !== 'Unversioned';
}

/** Headers GET/HEAD send for an object version (Content-Length and Content-Range are set by the caller). */
export function objectHeaders(bucket: Bucket, v: ObjectVersion, withChecksum: boolean): Record<string, string | number> {
  const h: Record<string, string | number> = {
    'last-modified': httpDate(v.lastModified),
    etag: `"${v.etag}"`,
    'accept-ranges': 'bytes',
    'content-type': 'binary/octet-stream',
  };
  for (const [k, val] of Object.entries(v.headers)) h[k] = val;
  for (const [k, val] of Object.entries(v.meta)) h[`x-amz-meta-${k}`] = val;
  if (isVersioned(bucket)) h['x-amz-version-id'] = v.versionId;
  if (v.storageClass !== 'STANDARD') h['x-amz-storage-class'] = v.storageClass;
  if (v.tags.length > 0) h['x-amz-tagging-count'] = v.tags.length;
  if (withChecksum && v.checksum) {
    h[checksumHeader(v.checksum.algorithm)] = v.checksum.value;
    h['x-amz-checksum-type'] = v.checksum.type;
  }
  return h;
}

/** Response headers announcing the checksum stored for a new object or part. */
export function checksumResponseHeaders(c: { algorithm: ChecksumAlgorithm; value: string; type?: string } | null): Record<string, string> {
  if (!c) return {};
  return { [checksumHeader(c.algorithm)]: c.value, ...(c.type ? { 'x-amz-checksum-type': c.type } : {}) };
}
