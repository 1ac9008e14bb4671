import type { ChecksumAlgorithm, ObjectVersion, Part, StoredChecksum, Tag, Upload, VersioningStatus, Bucket } from '../types.js';

/** Column lists and row → domain mapping shared by the repositories. */
export const VERSION_COLUMNS =
  'seq, bucket, key, version_id, is_latest, is_delete_marker, blob_id, size, etag, md5, last_modified, storage_class, headers, meta, tags, checksum, parts';

export interface VersionRow {
  seq: number;
  bucket: string;
  key: string;
  version_id: string;
  is_latest: boolean;
  is_delete_marker: boolean;
  blob_id: string | null;
  size: number;
  etag: string;
  md5: string | null;
  last_modified: Date;
  storage_class: string;
  headers: Record<string, string>;
  meta: Record<string, string>;
  tags: Tag[];
  checksum: StoredChecksum | null;
  parts: number[] | null;
}

export function toVersion(r: VersionRow): ObjectVersion {
  return {
    seq: Number(r.seq),
    bucket: r.bucket,
    key: r.key,
    versionId: r.version_id,
    isLatest: r.is_latest,
    isDeleteMarker: r.is_delete_marker,
    blobId: r.blob_id,
    size: Number(r.size),
    etag: r.etag,
    md5: r.md5,
    lastModified: new Date(r.last_modified),
    storageClass: r.storage_class,
    headers: r.headers ?? {},
    meta: r.meta ?? {},
    tags: r.tags ?? [],
    checksum: r.checksum ?? null,
    parts: r.parts ?? null,
  };
}

export interface BucketRow {
  name: string;
  region: string;
  owner_account: string;
  created_at: Date;
  versioning: VersioningStatus;
}

export const BUCKET_COLUMNS = 'name, region, owner_account, created_at, versioning';

export function toBucket(r: BucketRow): Bucket {
  return { name: r.name, region: r.region, ownerAccount: r.owner_account, createdAt: new Date(r.created_at), versioning: r.versioning };
}

export const UPLOAD_COLUMNS = 'upload_id, bucket, key, initiated_at, storage_class, headers, meta, tags, checksum_algorithm';

export interface UploadRow {
  upload_id: string;
  bucket: string;
  key: string;
  initiated_at: Date;
  storage_class: string;
  headers: Record<string, string>;
  meta: Record<string, string>;
  tags: Tag[];
  checksum_algorithm: ChecksumAlgorithm | null;
}

export function toUpload(r: UploadRow): Upload {
  return {
    uploadId: r.upload_id,
    bucket: r.bucket,
    key: r.key,
    initiatedAt: new Date(r.initiated_at),
    storageClass: r.storage_class,
    headers: r.headers ?? {},
    meta: r.meta ?? {},
    tags: r.tags ?? [],
    checksumAlgorithm: r.checksum_algorithm,
  };
}

export const PART_COLUMNS = 'part_number, blob_id, size, etag, md5, last_modified, checksum';

export interface PartRow {
  part_number: number;
  blob_id: string;
  size: number;
  etag: string;
  md5: string;
  last_modified: Date;
  checksum: StoredChecksum | null;
}

export function toPart(r: PartRow): Part {
  return {
    partNumber: Number(r.part_number),
    blobId: r.blob_id,
    size: Number(r.size),
    etag: r.etag,
    md5: r.md5,
    lastModified: new Date(r.last_modified),
    checksum: r.checksum ?? null,
  };
}
