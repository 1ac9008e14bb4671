/** UpdateProject (spec B.4): a partial update — given members replace stored ones, the name stays. */
import { updatedProjectSettings } from './defaults.js';
import type { ProjectDeps } from './deps.js';
import { projectNotFound } from './errors.js';
import { findProject, updateProjectRow } from './project-repo.js';
import type { CodeBuildScope, Project, ProjectInput } from './types.js';
import { validateSettings } from './validate-settings.js';

export async function updateProject(deps: ProjectDeps, scope: CodeBuildScope, name: string, input: ProjectInput): Promise<Project> {
  return deps.db.transaction(async (tx) => {
    const current = await findProject(tx, scope, name, true);
    if (!current) throw projectNotFound(scope, name);
    const settings = updatedProjectSettings(scope, current.settings, input);
    validateSettings(settings);
    const next: Project = { ...current, settings, tags: input.tags ?? current.tags, lastModified: deps.clock.now() };
    await updateProjectRow(tx, scope, next);
    return next;
  });
}
