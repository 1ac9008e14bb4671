/**
 * One writer per pipeline: every change to a pipeline's runtime state happens in a transaction that
 * holds its row (SELECT … FOR UPDATE), so API calls, action results and timers for one pipeline are
 * applied one at a time — on PGlite and on PostgreSQL with several nagare processes alike.
 * Side effects outside the database (stopping a build) run after the commit.
 */
import type { Queryable } from '../../store/index.js';
import { errorMessage } from '../../shared/index.js';
import type { PipelineScope } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import { pipelineNotFound } from '../errors.js';
import type { PipelineRuntimeState } from '../execution/index.js';
import { findPipeline, type PipelineRecord } from '../pipelines/pipeline-repo.js';

export interface PipelineTx {
  deps: PipelineDeps;
  tx: Queryable;
  scope: PipelineScope;
  record: PipelineRecord<PipelineRuntimeState>;
  /** Work to do once the transaction committed (best effort, errors are logged). */
  afterCommit: Array<() => Promise<void>>;
}

export async function withPipeline<T>(deps: PipelineDeps, scope: PipelineScope, name: string, fn: (p: PipelineTx) => Promise<T>): Promise<T> {
  const afterCommit: PipelineTx['afterCommit'] = [];
  const result = await deps.db.transaction(async (tx) => {
    afterCommit.length = 0; // a retried transaction starts over
    const record = await findPipeline<PipelineRuntimeState>(tx, scope, name, true);
    if (!record) throw pipelineNotFound(scope, name);
    return fn({ deps, tx, scope, record, afterCommit });
  });
  for (const task of afterCommit) {
    await task().catch((err: unknown) => deps.logger.warn({ pipeline: name, err: errorMessage(err) }, 'pipeline side effect failed'));
  }
  return result;
}
