/**
 * RetryBuild (spec B.4): a new build (new id, the project's next build number) with exactly the
 * settings and overrides of the given one. Its project must still exist (it numbers the build).
 */
import { invalidInput, buildNotFound, projectNotFound } from '../projects/errors.js';
import { findProject } from '../projects/project-repo.js';
import type { CodeBuildScope } from '../projects/types.js';
import { buildIdOf } from './build-id.js';
import { findBuild } from './build-repo.js';
import type { CodeBuildDeps } from './deps.js';
import { enqueueBuild } from './enqueue-build.js';
import { replayed, requestHash } from './idempotency.js';
import type { Build } from './types.js';

export async function retryBuild(
  deps: Pick<CodeBuildDeps, 'db' | 'clock' | 'queue'>,
  scope: CodeBuildScope,
  input: { id?: string; idempotencyToken?: string; initiator: string },
): Promise<Build> {
  if (input.id === undefined) throw invalidInput('Build id must be specified');
  const id = input.id;
  const hash = requestHash({ retry: id });
  return deps.db.transaction(async (tx) => {
    const original = await findBuild(tx, scope, buildIdOf(id));
    if (!original) throw buildNotFound(id);
    const project = await findProject(tx, scope, original.projectName, true);
    if (!project) throw projectNotFound(scope, original.projectName);
    if (input.idempotencyToken !== undefined) {
      const earlier = await replayed(tx, deps.clock, scope, input.idempotencyToken, hash);
      if (earlier) return earlier;
    }
    // The same settings, minus the starter's completion callback (a manual retry is not the pipeline's).
    const { notify: _notify, ...same } = original.settings;
    const settings = { ...same, initiator: input.initiator };
    const token = input.idempotencyToken;
    return enqueueBuild(deps, tx, scope, project, settings, token !== undefined ? { token, requestHash: hash } : undefined);
  });
}

