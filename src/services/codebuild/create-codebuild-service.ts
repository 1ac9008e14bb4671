import { models, type JsonService } from '../../aws/index.js';
import { builds } from '../../build/index.js';
import type { BackgroundTask } from '../../shared/index.js';
import { buildOperations } from './build-operations.js';
import { projectOperations } from './project-operations.js';
import { reportOperations } from './report-operations.js';

/**
 * The CodeBuild provider (JSON 1.1, CodeBuild_20161006, spec Part B): projects and builds.
 * StartBuild writes a build row and its job; the `lanes` run them (src/bin gives each lane a
 * Worker). Construction touches no dependency (scripts/gen-compat.mjs checks that).
 */
export function createCodeBuildService(deps: builds.CodeBuildDeps): { service: JsonService; tasks: BackgroundTask[]; lanes: builds.BuildWorkerLane[] } {
  const running = new builds.RunningBuilds();
  const operations = { ...projectOperations(deps), ...buildOperations(deps, running), ...reportOperations(deps) };
  return {
    service: { family: 'json', model: models.codebuildModel, operations },
    tasks: [],
    lanes: builds.codebuildLanes(deps, running),
  };
}
