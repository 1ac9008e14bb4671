/** GetPipelineState (spec D.3): the pipeline row's runtime state joined with its newest history rows. */
import type { PipelineScope } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import { pipelineNotFound } from '../errors.js';
import type { PipelineRuntimeState } from '../execution/index.js';
import { latestActionExecutions } from '../executions/execution-repo.js';
import { findPipeline } from '../pipelines/pipeline-repo.js';
import { executionFacts } from './history-repo.js';
import { buildStageStates, referencedExecutions } from './stage-states.js';
import type { PipelineStateView } from './types.js';

export async function getPipelineState(deps: Pick<PipelineDeps, 'db'>, scope: PipelineScope, name: string): Promise<PipelineStateView> {
  // One snapshot (REPEATABLE READ; read-only, so it never fails to serialise): the runtime state
  // and the rows it points at must agree.
  return deps.db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const record = await findPipeline<PipelineRuntimeState | null>(tx, scope, name);
    if (!record) throw pipelineNotFound(scope, name);
    const runtime = isRuntimeState(record.runtime) ? record.runtime : undefined;
    const latestActions = await latestActionExecutions(tx, scope, name);
    const facts = await executionFacts(tx, scope, name, referencedExecutions(runtime, latestActions));
    const stageStates = buildStageStates({
      declaration: record.declaration,
      version: record.version,
      runtime,
      latestActions,
      executionTypes: new Map([...facts].map(([id, f]) => [id, f.executionType])),
      revisions: new Map([...facts].map(([id, f]) => [id, f.sourceRevisions])),
    });
    return { pipelineName: record.name, pipelineVersion: record.version, stageStates, created: record.created, updated: record.updated };
  });
}

function isRuntimeState(v: unknown): v is PipelineRuntimeState {
  return typeof v === 'object' && v !== null && Array.isArray((v as PipelineRuntimeState).stages) && Array.isArray((v as PipelineRuntimeState).executions);
}
