/**
 * DeleteProject (spec B.4): the project's builds stay (BatchGetBuilds still finds them). The model
 * declares no ResourceNotFoundException, so deleting a missing project succeeds (Surprise 34).
 */
import type { ProjectDeps } from './deps.js';
import { deleteProjectRow } from './project-repo.js';
import type { CodeBuildScope } from './types.js';

export async function deleteProject(deps: ProjectDeps, scope: CodeBuildScope, name: string): Promise<void> {
  await deleteProjectRow(deps.db, scope, name);
}
