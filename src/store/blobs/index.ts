export type { BlobInfo, BlobStore, ByteRange } from './types.js';
export { FsBlobStore } from './fs-blob-store.js';
