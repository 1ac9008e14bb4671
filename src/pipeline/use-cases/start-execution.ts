/**
 * StartPipelineExecution and every other start (CreatePipeline, pushes, webhooks, rollbacks):
 * resolves pipeline-level variables (spec C.4), checks source revision overrides (C.8), honours
 * clientRequestToken idempotency, inserts the execution row and feeds START_EXECUTION to the
 * machine — all in one pipeline transaction.
 */
import { randomUUID } from 'node:crypto';
import type { PipelineScope, SourceOverride } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import { pipelineError } from '../errors.js';
import { applyEvent } from '../engine/apply-event.js';
import { withPipeline, type PipelineTx } from '../engine/with-pipeline.js';
import { findExecutionByToken, insertExecution, type ExecutionRecord } from '../executions/execution-repo.js';
import type { StartExecutionInput } from './types.js';

export async function startPipelineExecution(deps: PipelineDeps, scope: PipelineScope, input: StartExecutionInput): Promise<string> {
  return withPipeline(deps, scope, input.name, (p) => startExecutionIn(p, input));
}

export interface StartExtras {
  /** RollbackStage: run only this stage, with the target execution's artifacts. */
  onlyStage?: string;
  inherit?: Pick<ExecutionRecord, 'artifacts' | 'namespaces' | 'sourceRevisions' | 'variables'>;
  executionType?: 'STANDARD' | 'ROLLBACK';
  rollbackMetadata?: { rollbackTargetPipelineExecutionId: string };
}

export async function startExecutionIn(p: PipelineTx, input: StartExecutionInput, extras: StartExtras = {}): Promise<string> {
  const { record, scope, tx } = p;
  if (input.clientRequestToken !== undefined) {
    const earlier = await findExecutionByToken(tx, scope, record.name, input.clientRequestToken);
    if (earlier) return earlier.id;
  }
  const variables = extras.inherit?.variables ?? resolveVariables(record.declaration.variables ?? [], input.variables ?? []);
  const overrides = checkOverrides(record.declaration, input.sourceRevisions ?? []);
  const now = p.deps.clock.now();
  const id = randomUUID();
  await insertExecution(tx, {
    scope,
    pipelineName: record.name,
    id,
    pipelineVersion: record.version,
    status: 'InProgress',
    trigger: input.trigger ?? { triggerType: 'StartPipelineExecution', triggerDetail: `arn:aws:iam::${scope.accountId}:root` },
    variables,
    sourceOverrides: overrides,
    sourceRevisions: extras.inherit?.sourceRevisions ?? [],
    artifacts: extras.inherit?.artifacts ?? {},
    namespaces: extras.inherit?.namespaces ?? {},
    executionMode: record.declaration.pipelineType === 'V2' ? (record.declaration.executionMode ?? 'SUPERSEDED') : 'SUPERSEDED',
    executionType: extras.executionType ?? 'STANDARD',
    ...(extras.rollbackMetadata ? { rollbackMetadata: extras.rollbackMetadata } : {}),
    ...(input.clientRequestToken !== undefined ? { clientRequestToken: input.clientRequestToken } : {}),
    startTime: now,
    lastUpdateTime: now,
  });
  await applyEvent(p, { type: 'START_EXECUTION', executionId: id, ...(extras.onlyStage !== undefined ? { onlyStage: extras.onlyStage } : {}) });
  return id;
}

/** Given values win over defaults; an unknown name or a variable with neither is refused (spec C.4). */
function resolveVariables(declared: { name: string; defaultValue?: string }[], given: { name: string; value: string }[]): { name: string; resolvedValue: string }[] {
  for (const g of given) {
    if (!declared.some((d) => d.name === g.name)) throw pipelineError('ValidationException', `Variable ${g.name} is not declared in the pipeline`);
  }
  return declared.map((d) => {
    const value = given.find((g) => g.name === d.name)?.value ?? d.defaultValue;
    if (value === undefined) throw pipelineError('ValidationException', `Variable ${d.name} has no default value: give it a value in StartPipelineExecution.variables`);
    return { name: d.name, resolvedValue: value };
  });
}

function checkOverrides(declaration: PipelineExecutionDeclaration, overrides: SourceOverride[]): SourceOverride[] {
  const sources = declaration.stages[0]?.actions ?? [];
  for (const o of overrides) {
    const action = sources.find((a) => a.name === o.actionName);
    if (!action) throw pipelineError('ValidationException', `The source revision override names action ${o.actionName}, which is not a source action of the pipeline`);
    if (o.revisionType === 'S3_OBJECT_KEY' && action.configuration?.AllowOverrideForS3ObjectKey !== 'true') {
      throw pipelineError('ValidationException', `Action ${o.actionName} does not allow S3_OBJECT_KEY overrides: set AllowOverrideForS3ObjectKey to true in its configuration`);
    }
  }
  return overrides;
}

type PipelineExecutionDeclaration = PipelineTx['record']['declaration'];
