// Public API of the build module (re-exports only).
export * from './buildspec/index.js';
export * from './executor/index.js';
export * from './artifacts/index.js';
export * from './reports/index.js';
export * as projects from './projects/index.js';
export * as builds from './builds/index.js';
