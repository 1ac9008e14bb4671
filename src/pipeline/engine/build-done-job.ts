/**
 * BUILD_DONE_JOB: a build started by a CodeBuild action completed (spec C.7 contract, items 4–5).
 * SUCCEEDED → the action succeeds with the build's exported variables and its output artifacts;
 * any other terminal status → the action fails with `JobFailed` and AWS's message naming the
 * failed phase.
 */
import { builds } from '../../build/index.js';
import type { Job } from '../../engine/index.js';
import type { PipelineScope } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import type { ActionJobPayload } from './job-kinds.js';
import { finishWaitingAction } from './record-outcome.js';

interface BuildDonePayload extends ActionJobPayload {
  buildId: string;
  buildStatus: string;
}

export function buildDoneJob(deps: PipelineDeps) {
  return async (job: Job): Promise<void> => {
    const p = job.payload as unknown as BuildDonePayload;
    const scope: PipelineScope = { accountId: p.accountId, region: p.region };
    const { builds: found } = await builds.batchGetBuilds(deps.codebuild, scope, [p.buildId]);
    const build = found[0];
    const status = build?.buildStatus ?? p.buildStatus;
    if (status === 'SUCCEEDED') {
      const variables = Object.fromEntries((build?.outcome.exportedEnvironmentVariables ?? []).map((v) => [v.name, v.value ?? '']));
      const outputs = build?.settings.pipeline?.outputs ?? [];
      return finishWaitingAction(deps, scope, p.pipelineName, p.actionExecutionId, {
        kind: 'succeeded',
        externalExecutionId: p.buildId,
        ...(Object.keys(variables).length > 0 ? { outputVariables: variables } : {}),
        outputArtifacts: outputs.map((o) => ({ name: o.name, bucket: o.bucket, key: o.key })),
      });
    }
    return finishWaitingAction(deps, scope, p.pipelineName, p.actionExecutionId, {
      kind: 'failed',
      externalExecutionId: p.buildId,
      error: { code: 'JobFailed', message: failureMessage(status, build) },
    });
  };
}

/** "Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: …" (observed). */
export function failureMessage(status: string, build: builds.Build | undefined): string {
  const failed = build?.phases.find((ph) => ph.phaseStatus !== undefined && ph.phaseStatus !== 'SUCCEEDED');
  const context = failed?.contexts?.[0];
  if (!failed || !context) return `Build terminated with state: ${status}`;
  return `Build terminated with state: ${status}. Phase: ${failed.phaseType}, Code: ${context.statusCode ?? ''}, Message: ${context.message ?? ''}`;
}
