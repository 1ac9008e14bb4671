// Public API of CodeBuild builds (re-exports only); reached as `builds` from src/build/index.ts.
export type { Build, BuildArtifacts, BuildOutcome, BuildSettings, PipelineContext, PipelineInputArtifact, PipelineOutputArtifact, BuildNotification } from './types.js';
export type { BuildContainerEngine, BuildCredentials, CodeBuildDeps } from './deps.js';
export { DEFAULT_BUILD_CONCURRENCY } from './deps.js';
export type { BuildOverrides } from './overrides.js';
export { startBuild, type StartBuildInput } from './start-build.js';
export { stopBuild, type StopBuildOptions } from './stop-build.js';
export { retryBuild } from './retry-build.js';
export { batchGetBuilds } from './batch-get-builds.js';
export { batchDeleteBuilds, type BatchDeleteResult } from './batch-delete-builds.js';
export { listBuilds, listBuildsForProject, type ListBuildsInput } from './list-builds.js';
export { logLocation, type LogLocation } from './log-location.js';
export { RunningBuilds } from './running-builds.js';
export { BUILD_JOB, QUEUED_TIMEOUT_JOB } from './job-kinds.js';
export { codebuildLanes, type BuildWorkerLane } from './worker/lanes.js';
export { INTERRUPTED_CONTEXT } from './worker/interrupted.js';
export * as reports from './reports/index.js';
