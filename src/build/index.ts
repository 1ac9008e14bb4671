// Public API of the build module (re-exports only).
export * from './buildspec/index.js';
