/**
 * Change detection for S3 sources (spec C.7): a new version of the object an S3 source action
 * watches (`S3Bucket` + `S3ObjectKey`) starts the pipeline — what AWS does by polling
 * (PollForSourceChanges, the default) or through an EventBridge rule on CloudTrail events; nagare
 * sees the write itself, so both start at once and the trigger says which AWS would have used.
 * Outside PARALLEL mode the execution takes exactly the version written (in an unversioned bucket
 * the object as it is when the source runs).
 */
import type { ObjectCreatedEvent } from '../../objects/index.js';
import { errorMessage } from '../../shared/index.js';
import type { PipelineScope, SourceOverride } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import type { ExecutionTrigger } from '../executions/execution-repo.js';
import { findPipeline, pipelinesWatchingObject } from '../pipelines/pipeline-repo.js';
import { startPipelineExecution } from './start-execution.js';

export function onS3Object(deps: PipelineDeps): (event: ObjectCreatedEvent) => Promise<void> {
  return async (event) => {
    const scope: PipelineScope = { accountId: event.accountId, region: event.region };
    for (const name of await pipelinesWatchingObject(deps.db, scope, event.bucket, event.key)) {
      try {
        await startForObject(deps, scope, name, event);
      } catch (err) {
        deps.logger.warn({ pipeline: name, bucket: event.bucket, key: event.key, err: errorMessage(err) }, 'object write did not start the pipeline');
      }
    }
  };
}

async function startForObject(deps: PipelineDeps, scope: PipelineScope, name: string, event: ObjectCreatedEvent): Promise<void> {
  const pipeline = await findPipeline(deps.db, scope, name);
  if (!pipeline) return;
  const { declaration } = pipeline;
  const overrides: SourceOverride[] = [];
  let trigger: ExecutionTrigger | undefined;
  for (const action of declaration.stages[0]?.actions ?? []) {
    const c = action.configuration ?? {};
    if (action.actionTypeId.provider !== 'S3' || c.S3Bucket !== event.bucket || c.S3ObjectKey !== event.key) continue;
    if (event.versionId !== 'null') overrides.push({ actionName: action.name, revisionType: 'S3_OBJECT_VERSION_ID', revisionValue: event.versionId });
    const arn = `arn:aws:s3:::${event.bucket}/${event.key}`;
    trigger ??= c.PollForSourceChanges?.toLowerCase() === 'false' ? { triggerType: 'CloudWatchEvent', triggerDetail: arn } : { triggerType: 'PollForSourceChanges', triggerDetail: arn };
  }
  if (!trigger) return;
  const parallel = declaration.pipelineType === 'V2' && declaration.executionMode === 'PARALLEL';
  const id = await startPipelineExecution(deps, scope, { name, ...(parallel || overrides.length === 0 ? {} : { sourceRevisions: overrides }), trigger });
  deps.logger.info({ pipeline: name, execution: id, bucket: event.bucket, key: event.key }, 'object write started pipeline');
}
