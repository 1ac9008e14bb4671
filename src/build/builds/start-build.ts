/**
 * StartBuild (spec B.4): stores the build (currentPhase QUEUED, buildStatus IN_PROGRESS) and
 * enqueues its job in one transaction, then returns at once — the API never runs a build
 * (DESIGN.md §1). CodePipeline passes its input/output artifacts in `pipeline` (internal form).
 */
import { projectNotFound, invalidInput } from '../projects/errors.js';
import { findProject } from '../projects/project-repo.js';
import type { CodeBuildScope } from '../projects/types.js';
import { validateSettings } from '../projects/validate-settings.js';
import type { CodeBuildDeps } from './deps.js';
import { effectiveSettings, type BuildContext } from './effective-settings.js';
import { enqueueBuild } from './enqueue-build.js';
import { replayed, requestHash } from './idempotency.js';
import type { BuildOverrides } from './overrides.js';
import type { Build, BuildNotification, PipelineContext } from './types.js';

export interface StartBuildInput extends BuildContext {
  projectName: string;
  overrides: BuildOverrides;
  idempotencyToken?: string;
  /** Set by the pipeline engine only: the build's source is these artifacts (spec C.7). */
  pipeline?: PipelineContext;
  /** Set by the pipeline engine only: a job enqueued when the build completes. */
  notify?: BuildNotification;
}

export async function startBuild(deps: Pick<CodeBuildDeps, 'db' | 'clock' | 'queue'>, scope: CodeBuildScope, input: StartBuildInput): Promise<Build> {
  const hash = requestHash({ projectName: input.projectName, overrides: input.overrides, pipeline: input.pipeline });
  return deps.db.transaction(async (tx) => {
    const project = await findProject(tx, scope, input.projectName, true);
    if (!project) throw projectNotFound(scope, input.projectName);
    if (input.idempotencyToken !== undefined) {
      const earlier = await replayed(tx, deps.clock, scope, input.idempotencyToken, hash);
      if (earlier) return earlier;
    }
    const settings = effectiveSettings(scope, project, input.overrides, input);
    validateSettings(settings);
    if (settings.source.type === 'CODEPIPELINE') {
      if (!input.pipeline) throw invalidInput(`Project ${project.name} has source type CODEPIPELINE: its builds are started by CodePipeline`);
      settings.pipeline = input.pipeline;
    }
    if (input.notify) settings.notify = input.notify;
    const token = input.idempotencyToken;
    return enqueueBuild(deps, tx, scope, project, settings, token !== undefined ? { token, requestHash: hash } : undefined);
  });
}
