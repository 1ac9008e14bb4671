/**
 * CreatePipeline, UpdatePipeline, DeletePipeline (spec D.2). Creation stores version 1 and starts
 * an execution at once (triggerType CreatePipeline, Surprise 22); an update stores version n+1
 * (older versions stay readable, Surprise 35) and cancels what is running (spec C.8).
 */
import { builds } from '../../build/index.js';
import type { PipelineScope } from '../actions/types.js';
import { applyDefaults, maskSecrets, restoreSecrets, type PipelineDeclaration } from '../declaration/index.js';
import type { PipelineDeps } from '../deps.js';
import { pipelineError, pipelineNotFound } from '../errors.js';
import { applyEvent } from '../engine/apply-event.js';
import { withPipeline } from '../engine/with-pipeline.js';
import { initialState, shapeOf, type PipelineRuntimeState } from '../execution/index.js';
import { runningBuildIds } from '../executions/execution-repo.js';
import { deletePipelineRows, findPipeline, insertPipeline, saveDeclaration, type Tag } from '../pipelines/pipeline-repo.js';
import { checkDeclaration } from './check-declaration.js';
import { sealDeclaration } from '../sealed-secrets.js';
import { startExecutionIn } from './start-execution.js';
import { checkTags } from './tags-check.js';
import type { CreatePipelineInput } from './types.js';

export async function createPipeline(deps: PipelineDeps, scope: PipelineScope, input: CreatePipelineInput): Promise<{ pipeline: PipelineDeclaration; tags?: Tag[] }> {
  const restored = restoreSecrets(input.pipeline, undefined);
  if (restored.violation) throw pipelineError(restored.violation.code, restored.violation.message);
  const pipeline = applyDefaults(restored.pipeline);
  checkDeclaration(scope, pipeline);
  const sealed = sealDeclaration(deps.cipher, scope, pipeline);
  const tags = input.tags ?? [];
  checkTags(tags);
  const now = deps.clock.now();
  const afterCommit: Array<() => Promise<void>> = [];
  await deps.db.transaction(async (tx) => {
    const inserted = await insertPipeline(tx, {
      scope,
      name: pipeline.name,
      version: 1,
      declaration: sealed,
      runtime: initialState(shapeOf(pipeline, 1)),
      tags,
      created: now,
      updated: now,
    });
    if (!inserted) throw pipelineError('PipelineNameInUseException', `A pipeline with the name '${pipeline.name}' already exists in account '${scope.accountId}'`);
    const record = await findPipeline<PipelineRuntimeState>(tx, scope, pipeline.name, true);
    if (!record) throw pipelineNotFound(scope, pipeline.name);
    afterCommit.length = 0;
    await startExecutionIn({ deps, tx, scope, record, afterCommit }, { name: pipeline.name, trigger: { triggerType: 'CreatePipeline', triggerDetail: `arn:aws:iam::${scope.accountId}:root` } });
  });
  return { pipeline: maskSecrets(pipeline), ...(input.tags ? { tags } : {}) };
}

export async function updatePipeline(deps: PipelineDeps, scope: PipelineScope, input: { pipeline: PipelineDeclaration }): Promise<{ pipeline: PipelineDeclaration }> {
  return withPipeline(deps, scope, input.pipeline.name, async (p) => {
    const restored = restoreSecrets(input.pipeline, p.record.declaration);
    if (restored.violation) throw pipelineError(restored.violation.code, restored.violation.message);
    const pipeline = applyDefaults(restored.pipeline, { previous: p.record.declaration });
    checkDeclaration(scope, pipeline);
    const version = pipeline.version ?? p.record.version + 1;
    // Cancel with the old declaration still in place (its commands name the old stages), then switch.
    await applyEvent(p, { type: 'PIPELINE_UPDATED', shape: shapeOf(pipeline, version) });
    p.record = { ...p.record, version, declaration: sealDeclaration(deps.cipher, scope, pipeline), updated: p.deps.clock.now() };
    await saveDeclaration(p.tx, p.record);
    return { pipeline: maskSecrets(pipeline) };
  });
}

/** No error when the pipeline does not exist (spec D.2, Surprise 34). Running builds are stopped. */
export async function deletePipeline(deps: PipelineDeps, scope: PipelineScope, input: { name: string }): Promise<void> {
  const builds_: string[] = [];
  await deps.db.transaction(async (tx) => {
    builds_.length = 0;
    const record = await findPipeline(tx, scope, input.name, true);
    if (!record) return;
    builds_.push(...(await runningBuildIds(tx, scope, input.name)));
    await deletePipelineRows(tx, scope, input.name);
  });
  for (const id of builds_) await builds.stopBuild(deps.codebuild, scope, id).catch(() => undefined);
}
