/**
 * BatchGetProjects (spec B.4): names or ARNs; unknown ones go to `projectsNotFound` as given,
 * never an error (Surprise 18). Results keep the request's order, without duplicates.
 */
import { parseArn } from '../../shared/index.js';
import type { ProjectDeps } from './deps.js';
import { findProjects } from './project-repo.js';
import type { CodeBuildScope, Project } from './types.js';

export async function batchGetProjects(deps: ProjectDeps, scope: CodeBuildScope, names: readonly string[]): Promise<{ projects: Project[]; notFound: string[] }> {
  const wanted = [...new Set(names)].map((given) => ({ given, name: nameOf(scope, given) }));
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

/** A project ARN of this account and region → its name; another account's ARN matches nothing. */
function nameOf(scope: CodeBuildScope, given: string): string | undefined {
  if (!given.startsWith('arn:')) return given;
  const arn = parseArn(given);
  if (!arn || arn.service !== 'codebuild' || arn.region !== scope.region || arn.account !== scope.accountId) return undefined;
  return arn.resource.startsWith('project/') ? arn.resource.slice('project/'.length) : undefined;
}
