// Public API of CodeBuild projects (re-exports only); reached as `projects` from src/build/index.ts.
export type {
  ArtifactsType,
  CodeBuildScope,
  EnvironmentVariable,
  LogsConfig,
  Project,
  ProjectArtifacts,
  ProjectCache,
  ProjectEnvironment,
  ProjectInput,
  ProjectSettings,
  ProjectSource,
  SourceType,
  SourceVersion,
  Tag,
} from './types.js';
export type { ProjectDeps } from './deps.js';
export type { CodeBuildErrorCode } from './errors.js';
export { createProject, type CreateProjectInput } from './create-project.js';
export { updateProject } from './update-project.js';
export { deleteProject } from './delete-project.js';
export { batchGetProjects } from './batch-get-projects.js';
export { projectNameOf } from './project-name.js';
export { listProjects, type ListProjectsInput } from './list-projects.js';
export type { ProjectSortBy } from './project-repo.js';
