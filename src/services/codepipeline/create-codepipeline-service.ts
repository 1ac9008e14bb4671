import { models, type InternalRoute, type JsonService } from '../../aws/index.js';
import * as pipeline from '../../pipeline/index.js';
import { actionTypeOperations } from './action-type-operations.js';
import { executionOperations } from './execution-operations.js';
import { pipelineOperations } from './pipeline-operations.js';
import { stageOperations } from './stage-operations.js';
import { tagOperations } from './tag-operations.js';
import { webhookOperations } from './webhook-operations.js';

/**
 * Accepted but without AWS's effect: nagare cannot register a hook on GitHub, so these only check
 * that the webhook exists (docs/compat/codepipeline.md).
 */
const STATE_ONLY = new Set(['RegisterWebhookWithThirdParty', 'DeregisterWebhookWithThirdParty']);

/**
 * The CodePipeline provider (JSON 1.1, CodePipeline_20150709, spec Part D) and the v1 webhook
 * delivery route (`/webhooks/codepipeline/<token>`, served on the same port). Operations of the
 * model not listed here (custom action types, the job-worker API, PutActionRevision, stage
 * conditions, rule types…) answer UnknownOperationException, never a fake success. Construction
 * touches no dependency (scripts/gen-compat.mjs checks that).
 */
export function createCodePipelineService(deps: pipeline.PipelineDeps): { service: JsonService; routes: InternalRoute[] } {
  const operations = {
    ...pipelineOperations(deps),
    ...executionOperations(deps),
    ...stageOperations(deps),
    ...actionTypeOperations(),
    ...webhookOperations(deps),
    ...tagOperations(deps),
  };
  return {
    service: { family: 'json', model: models.codepipelineModel, operations, stateOnly: STATE_ONLY },
    routes: [pipeline.createWebhookRoute(deps)],
  };
}
