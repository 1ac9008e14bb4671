/**
 * RUN_ACTION_JOB: performs one action execution. Resolves its configuration (spec C.4) against the
 * execution's variables at the moment it starts, hands the runner its input artifacts and planned
 * output keys (spec C.10), and records the outcome through the machine. A job re-run after a crash
 * finds the row already finished or already waiting and does nothing twice (CodeBuild starts use
 * the action execution id as idempotency token).
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job } from '../../engine/index.js';
import { errorMessage } from '../../shared/index.js';
import { runAction } from '../actions/registry.js';
import type { ActionOutcome, ArtifactLocation, PipelineScope } from '../actions/types.js';
import { artifactKey } from '../artifacts/artifact-key.js';
import { resolveConfiguration, CODEPIPELINE_NAMESPACE, PIPELINE_VARIABLES_NAMESPACE, type PipelineDeclaration } from '../declaration/index.js';
import type { PipelineDeps } from '../deps.js';
import { findActionExecution, findExecution, updateActionInput, type ActionExecutionRecord, type ExecutionRecord } from '../executions/execution-repo.js';
import { findPipeline, findVersion } from '../pipelines/pipeline-repo.js';
import type { ActionJobPayload } from './job-kinds.js';
import { recordOutcome } from './record-outcome.js';

export function runActionJob(deps: PipelineDeps) {
  return async (job: Job): Promise<void> => {
    const p = job.payload as unknown as ActionJobPayload;
    const scope: PipelineScope = { accountId: p.accountId, region: p.region };
    const row = await findActionExecution(deps.db, scope, p.pipelineName, p.actionExecutionId);
    // Finished, or already handed to a build / an approver before a crash: nothing left to do here.
    if (!row || row.status !== 'InProgress' || row.externalExecutionId !== undefined || row.token !== undefined) return;
    const [pipeline, execution] = await Promise.all([findPipeline(deps.db, scope, p.pipelineName), findExecution(deps.db, scope, p.pipelineName, row.executionId)]);
    if (!pipeline || !execution) return;
    const declaration = pipeline.version === row.pipelineVersion ? pipeline.declaration : (await findVersion(deps.db, scope, p.pipelineName, row.pipelineVersion))?.declaration;
    const action = declaration?.stages.find((s) => s.name === row.stageName)?.actions.find((a) => a.name === row.actionName);
    if (!declaration || !action) {
      return recordOutcome(deps, scope, row, { kind: 'failed', error: { code: 'JobFailed', message: `action ${row.stageName}/${row.actionName} is no longer in the pipeline` } });
    }
    const resolved = resolveConfiguration(action.configuration, lookupIn(execution));
    if (resolved.kind !== 'resolved') {
      const message =
        resolved.kind === 'unresolved'
          ? `Unable to resolve ${resolved.unresolved.map((u) => u.text).join(', ')} in the action configuration: no such variable was produced by an earlier action (only actions with a namespace expose variables)`
          : `The resolved action configuration is ${resolved.bytes} bytes; the limit is 100 KB`;
      return recordOutcome(deps, scope, row, { kind: 'failed', error: { code: 'ConfigurationError', message } });
    }
    const inputs: ArtifactLocation[] = [];
    for (const a of action.inputArtifacts ?? []) {
      const stored = execution.artifacts[a.name];
      if (!stored) {
        return recordOutcome(deps, scope, row, { kind: 'failed', error: { code: 'JobFailed', message: `Input artifact ${a.name} was not produced in execution ${execution.id}` } });
      }
      inputs.push(stored);
    }
    const bucket = artifactBucket(declaration, action.region ?? scope.region);
    const outputs = (action.outputArtifacts ?? []).map((o) => ({ name: o.name, bucket, key: artifactKey(p.pipelineName, o.name, keySeed(row.id, o.name)) }));
    await updateActionInput(deps.db, scope, p.pipelineName, row.id, {
      resolvedConfiguration: resolved.configuration,
      inputArtifacts: inputs.map((a) => ({ name: a.name, s3location: { bucket: a.bucket, key: a.key } })),
    });
    const tmpRoot = join(deps.dataDir, 'tmp', 'codepipeline');
    await mkdir(tmpRoot, { recursive: true });
    const tmpDir = await mkdtemp(join(tmpRoot, 'action-'));
    let outcome: ActionOutcome;
    try {
      const url = deps.endpoint?.();
      outcome = await runAction(
        {
          deps,
          scope,
          pipelineName: p.pipelineName,
          executionId: execution.id,
          stageName: row.stageName,
          actionName: row.actionName,
          actionExecutionId: row.id,
          actionTypeId: action.actionTypeId,
          configuration: resolved.configuration,
          inputArtifacts: inputs,
          outputArtifacts: outputs,
          sourceOverrides: execution.sourceOverrides,
          tmpDir,
          ...(url ? { endpoint: url } : {}),
        },
        action.timeoutInMinutes,
      );
    } catch (err) {
      outcome = { kind: 'failed', error: { code: 'JobFailed', message: errorMessage(err) } };
    } finally {
      await rm(tmpDir, { recursive: true, force: true });
    }
    await recordOutcome(deps, scope, row, outcome);
  };
}

/**
 * The random part of an output key, fixed per action execution: a job re-run after a crash plans
 * the same keys, so its idempotent StartBuild finds the build the first run started.
 */
function keySeed(actionExecutionId: string, artifactName: string): Buffer {
  return createHash('sha256').update(`${actionExecutionId}\u0000${artifactName}`).digest().subarray(0, 7);
}

/** `#{namespace.key}` lookups of one execution (spec C.4). */
export function lookupIn(execution: ExecutionRecord): (namespace: string, key: string) => string | undefined {
  return (namespace, key) => {
    if (namespace === CODEPIPELINE_NAMESPACE) return key === 'PipelineExecutionId' ? execution.id : undefined;
    if (namespace === PIPELINE_VARIABLES_NAMESPACE) return execution.variables.find((v) => v.name === key)?.resolvedValue;
    const values = Object.hasOwn(execution.namespaces, namespace) ? execution.namespaces[namespace] : undefined;
    return values && Object.hasOwn(values, key) ? values[key] : undefined;
  };
}

function artifactBucket(declaration: PipelineDeclaration, region: string): string {
  return declaration.artifactStore?.location ?? declaration.artifactStores?.[region]?.location ?? '';
}

export type { ActionExecutionRecord };
