/**
 * BatchGetProjects (spec B.4): names or ARNs; unknown ones go to `projectsNotFound` as given,
 * never an error (Surprise 18). Results keep the request's order, without duplicates.
 */
import type { ProjectDeps } from './deps.js';
import { findProjects } from './project-repo.js';
import { projectNameOf } from './project-name.js';
import type { CodeBuildScope, Project } from './types.js';

export async function batchGetProjects(deps: ProjectDeps, scope: CodeBuildScope, names: readonly string[]): Promise<{ projects: Project[]; notFound: string[] }> {
  const wanted = [...new Set(names)].map((given) => ({ given, name: projectNameOf(scope, given) }));
  const found = new Map((await findProjects(deps.db, scope, wanted.flatMap((w) => (w.name ? [w.name] : [])))).map((p) => [p.name, p]));
  const projects: Project[] = [];
  const notFound: string[] = [];
  const seen = new Set<string>();
  for (const w of wanted) {
    const p = w.name ? found.get(w.name) : undefined;
    if (!p) notFound.push(w.given);
    else if (!seen.has(p.name)) {
      seen.add(p.name);
      projects.push(p);
    }
  }
  return { projects, notFound };
}
