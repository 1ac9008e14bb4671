export * from './db/index.js';
export * from './blobs/index.js';
