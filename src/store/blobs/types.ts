import type { Readable } from 'node:stream';

/** What a stored blob is: its id plus the digests computed while it streamed in. */
export interface BlobInfo {
  id: string;
  size: number;
  md5: string; // lower hex
  sha256: string; // lower hex
}

export interface ByteRange {
  start: number; // inclusive
  end: number; // inclusive
}

/**
 * Immutable blobs addressed by an opaque id. `put` consumes the whole stream and makes the blob
 * visible only after it is complete and durable (temp file + fsync + rename); if the source stream
 * errors, nothing is left behind. Metadata about which object owns a blob lives in the database,
 * written after `put` resolves; a crash in between leaves an unreferenced blob that `sweep` removes.
 */
export interface BlobStore {
  readonly kind: 'fs';
  put(source: AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<BlobInfo>;
  /** Concatenates existing blobs into a new one (multipart completion). */
  concat(ids: readonly string[]): Promise<BlobInfo>;
  /** A second id for the same bytes (copy-on-write where the filesystem allows, else a copy). */
  clone(id: string): Promise<string>;
  read(id: string, range?: ByteRange): Readable;
  size(id: string): Promise<number | undefined>;
  delete(id: string): Promise<void>;
  /** Deletes blobs older than `olderThan` for which `isReferenced` says no; returns the count. */
  sweep(isReferenced: (ids: string[]) => Promise<Set<string>>, olderThan: Date): Promise<number>;
}
