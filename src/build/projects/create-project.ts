/** CreateProject (spec B.4): name unique per account and region; AWS's defaults filled in. */
import { newProjectSettings } from './defaults.js';
import type { ProjectDeps } from './deps.js';
import { projectAlreadyExists, projectArn } from './errors.js';
import { insertProject } from './project-repo.js';
import type { CodeBuildScope, Project, ProjectInput, ProjectSettings } from './types.js';
import { validateSettings } from './validate-settings.js';

export type CreateProjectInput = ProjectInput & { name: string } & Pick<ProjectSettings, 'source' | 'artifacts' | 'environment' | 'serviceRole'>;

export async function createProject(deps: ProjectDeps, scope: CodeBuildScope, input: CreateProjectInput): Promise<Project> {
  const { name, tags, ...rest } = input;
  const settings = newProjectSettings(scope, rest);
  validateSettings(settings);
  const now = deps.clock.now();
  const project: Project = { name, arn: projectArn(scope, name), settings, tags: tags ?? [], created: now, lastModified: now };
  if (!(await insertProject(deps.db, scope, project))) throw projectAlreadyExists(scope, name);
  return project;
}
