import type { Clock, Logger } from '../shared/index.js';
import type { BlobStore, Db } from '../store/index.js';

/** What every S3 use case needs. The blob store is owned by S3: its sweep deletes what S3 does not reference. */
export interface ObjectsDeps {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
  /** Told about every object version PutObject, CopyObject and CompleteMultipartUpload commit. */
  onObjectCreated?: (event: ObjectCreatedEvent) => Promise<void>;
}

export interface ObjectCreatedEvent {
  accountId: string;
  region: string;
  bucket: string;
  key: string;
  /** `null` in an unversioned bucket. */
  versionId: string;
  etag: string;
}

export type VersioningStatus = 'Unversioned' | 'Enabled' | 'Suspended';

export interface Bucket {
  name: string;
  region: string;
  ownerAccount: string;
  createdAt: Date;
  versioning: VersioningStatus;
}

/** The version id S3 gives objects written while versioning is off or suspended. */
export const NULL_VERSION = 'null';

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'SHA1' | 'SHA256' | 'CRC64NVME';

export interface StoredChecksum {
  algorithm: ChecksumAlgorithm;
  /** Base64, as on the wire; multipart composites end in `-N`. */
  value: string;
  type: 'FULL_OBJECT' | 'COMPOSITE';
}

/**
 * HTTP headers stored with an object and sent back on GET/HEAD, lower-case names
 * (content-type, cache-control, content-disposition, content-encoding, content-language, expires,
 * x-amz-website-redirect-location, x-amz-server-side-encryption…). Values are kept byte-for-byte.
 */
export type StoredHeaders = Record<string, string>;

/** Stored headers that describe the content (copied with the object under MetadataDirective COPY). */
export const CONTENT_HEADERS: readonly string[] = [
  'content-type', 'content-encoding', 'content-disposition', 'content-language', 'cache-control', 'expires',
];

/** User metadata: the part of `x-amz-meta-<name>` after the prefix, lower case, → value. */
export type UserMetadata = Record<string, string>;

export interface Tag {
  Key: string;
  Value: string;
}

/** What a new object is made of, apart from its bytes. */
export interface ObjectAttributes {
  headers: StoredHeaders;
  meta: UserMetadata;
  tags: Tag[];
  storageClass: string;
}

/** One version of a key: an object or a delete marker. */
export interface ObjectVersion extends ObjectAttributes {
  seq: number;
  bucket: string;
  key: string;
  versionId: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
  blobId: string | null;
  size: number;
  /** Without quotes: md5 hex, or `<md5 of part md5s>-N` for multipart objects. */
  etag: string;
  /** md5 hex of the whole content (differs from etag for multipart objects). */
  md5: string | null;
  lastModified: Date;
  checksum: StoredChecksum | null;
  /** Sizes of the parts of a multipart object, in order; null for single-PUT objects. */
  parts: number[] | null;
}

export interface Upload extends ObjectAttributes {
  uploadId: string;
  bucket: string;
  key: string;
  initiatedAt: Date;
  checksumAlgorithm: ChecksumAlgorithm | null;
}

export interface Part {
  partNumber: number;
  blobId: string;
  size: number;
  etag: string;
  md5: string;
  lastModified: Date;
  checksum: StoredChecksum | null;
}

/** S3 truncates object timestamps to whole seconds (listings show `.000Z`; HTTP dates have no ms). */
export function s3Now(clock: Clock): Date {
  const t = clock.now().getTime();
  return new Date(t - (t % 1000));
}
