/**
 * StartBuild, StopBuild, RetryBuild, BatchGetBuilds, ListBuilds, ListBuildsForProject,
 * BatchDeleteBuilds (spec B.4). StartBuild only records the build and its job; a worker runs it.
 */
import type { JsonOperation, models } from '../../aws/index.js';
import { builds } from '../../build/index.js';
import { toAwsBuild } from './build-shapes.js';
import { API_INITIATOR, op, scopeOf } from './operation.js';

type StartIn = models.codebuild.StartBuildInput;

export function buildOperations(deps: builds.CodeBuildDeps, running: builds.RunningBuilds): Record<string, JsonOperation> {
  return {
    StartBuild: op<StartIn, models.codebuild.StartBuildOutput>(async (i, ctx) => {
      const { projectName, idempotencyToken, ...overrides } = i;
      const build = await builds.startBuild(deps, scopeOf(ctx), {
        projectName,
        overrides: overrides as builds.BuildOverrides,
        ...(idempotencyToken !== undefined ? { idempotencyToken } : {}),
        initiator: API_INITIATOR,
        endpoint: ctx.endpoint,
      });
      return { build: toAwsBuild(build) };
    }),

    StopBuild: op<models.codebuild.StopBuildInput, models.codebuild.StopBuildOutput>(async (i, ctx) => ({
      build: toAwsBuild(await builds.stopBuild(deps, scopeOf(ctx), i.id, { running })),
    })),

    RetryBuild: op<models.codebuild.RetryBuildInput, models.codebuild.RetryBuildOutput>(async (i, ctx) => ({
      build: toAwsBuild(
        await builds.retryBuild(deps, scopeOf(ctx), {
          ...(i.id !== undefined ? { id: i.id } : {}),
          ...(i.idempotencyToken !== undefined ? { idempotencyToken: i.idempotencyToken } : {}),
          initiator: API_INITIATOR,
        }),
      ),
    })),

    BatchGetBuilds: op<models.codebuild.BatchGetBuildsInput, models.codebuild.BatchGetBuildsOutput>(async (i, ctx) => {
      const r = await builds.batchGetBuilds(deps, scopeOf(ctx), i.ids);
      return { builds: r.builds.map(toAwsBuild), buildsNotFound: r.notFound };
    }),

    ListBuilds: op<models.codebuild.ListBuildsInput, models.codebuild.ListBuildsOutput>(async (i, ctx) =>
      builds.listBuilds(deps, scopeOf(ctx), paging(i)),
    ),

    ListBuildsForProject: op<models.codebuild.ListBuildsForProjectInput, models.codebuild.ListBuildsForProjectOutput>(async (i, ctx) =>
      builds.listBuildsForProject(deps, scopeOf(ctx), i.projectName, paging(i)),
    ),

    BatchDeleteBuilds: op<models.codebuild.BatchDeleteBuildsInput, models.codebuild.BatchDeleteBuildsOutput>(async (i, ctx) => {
      const r = await builds.batchDeleteBuilds(deps, scopeOf(ctx), i.ids);
      return { buildsDeleted: r.deleted, buildsNotDeleted: r.notDeleted };
    }),
  };
}

function paging(i: { sortOrder?: models.codebuild.SortOrderType; nextToken?: string }): builds.ListBuildsInput {
  return { ...(i.sortOrder !== undefined ? { sortOrder: i.sortOrder } : {}), ...(i.nextToken !== undefined ? { nextToken: i.nextToken } : {}) };
}
