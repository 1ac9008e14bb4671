/**
 * The worker lanes CodeBuild needs (src/bin wires them, one Worker each): `codebuild` runs builds,
 * at most `buildConcurrency` at once (the server-wide build limit, default 4); `codebuild-timers`
 * runs the short queued-timeout timers, so a full build lane never delays them.
 */
import type { JobHandler } from '../../../engine/index.js';
import { DEFAULT_BUILD_CONCURRENCY, type CodeBuildDeps } from '../deps.js';
import { BUILD_JOB, QUEUED_TIMEOUT_JOB } from '../job-kinds.js';
import type { RunningBuilds } from '../running-builds.js';
import { buildJobHandler } from './build-job.js';
import { queuedTimeoutHandler } from './queued-timeout-job.js';

export interface BuildWorkerLane {
  name: string;
  concurrency: number;
  handlers: Record<string, JobHandler>;
}

export function codebuildLanes(deps: CodeBuildDeps, running: RunningBuilds): BuildWorkerLane[] {
  return [
    { name: 'codebuild', concurrency: deps.buildConcurrency ?? DEFAULT_BUILD_CONCURRENCY, handlers: { [BUILD_JOB]: buildJobHandler(deps, running) } },
    { name: 'codebuild-timers', concurrency: 2, handlers: { [QUEUED_TIMEOUT_JOB]: queuedTimeoutHandler(deps) } },
  ];
}
