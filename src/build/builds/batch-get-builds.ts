/** BatchGetBuilds (spec B.4): ids (or ARNs) in request order; unknown ones go to `buildsNotFound` (Surprise 18). */
import type { CodeBuildScope } from '../projects/types.js';
import { buildIdOf } from './build-id.js';
import { findBuilds } from './build-repo.js';
import type { CodeBuildDeps } from './deps.js';
import type { Build } from './types.js';

export async function batchGetBuilds(deps: Pick<CodeBuildDeps, 'db'>, scope: CodeBuildScope, ids: readonly string[]): Promise<{ builds: Build[]; notFound: string[] }> {
  const unique = [...new Set(ids)];
  const found = new Map((await findBuilds(deps.db, scope, unique.map(buildIdOf))).map((b) => [b.id, b]));
  const builds: Build[] = [];
  const notFound: string[] = [];
  for (const given of unique) {
    const b = found.get(buildIdOf(given));
    if (b) builds.push(b);
    else notFound.push(given);
  }
  return { builds, notFound };
}
