/** CreateProject, UpdateProject, DeleteProject, BatchGetProjects, ListProjects (spec B.4). */
import type { JsonOperation, models } from '../../aws/index.js';
import { projects } from '../../build/index.js';
import { op, scopeOf } from './operation.js';
import { toAwsProject } from './project-shapes.js';

type C = models.codebuild.CreateProjectInput;

export function projectOperations(deps: projects.ProjectDeps): Record<string, JsonOperation> {
  return {
    CreateProject: op<C, models.codebuild.CreateProjectOutput>(async (i, ctx) => ({
      project: toAwsProject(await projects.createProject(deps, scopeOf(ctx), i as unknown as projects.CreateProjectInput)),
    })),

    UpdateProject: op<models.codebuild.UpdateProjectInput, models.codebuild.UpdateProjectOutput>(async (i, ctx) => {
      const { name, ...rest } = i;
      return { project: toAwsProject(await projects.updateProject(deps, scopeOf(ctx), name, rest as unknown as projects.ProjectInput)) };
    }),

    DeleteProject: op<models.codebuild.DeleteProjectInput, models.codebuild.DeleteProjectOutput>(async (i, ctx) => {
      await projects.deleteProject(deps, scopeOf(ctx), i.name);
      return {};
    }),

    BatchGetProjects: op<models.codebuild.BatchGetProjectsInput, models.codebuild.BatchGetProjectsOutput>(async (i, ctx) => {
      const r = await projects.batchGetProjects(deps, scopeOf(ctx), i.names);
      return { projects: r.projects.map(toAwsProject), projectsNotFound: r.notFound };
    }),

    ListProjects: op<models.codebuild.ListProjectsInput, models.codebuild.ListProjectsOutput>(async (i, ctx) =>
      projects.listProjects(deps, scopeOf(ctx), {
        ...(i.sortBy !== undefined ? { sortBy: i.sortBy } : {}),
        ...(i.sortOrder !== undefined ? { sortOrder: i.sortOrder } : {}),
        ...(i.nextToken !== undefined ? { nextToken: i.nextToken } : {}),
      }),
    ),
  };
}
