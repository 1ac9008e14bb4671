// Public API of the local executor (re-exports only).
export { runLocalBuild } from './run-local-build.js';
export type { BuildspecSource, LocalBuildInput, LocalBuildResult } from './types.js';
export { lookupUser } from './run-as.js';
export type { RunAsUser } from './run-as.js';
