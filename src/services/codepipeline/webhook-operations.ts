/**
 * PutWebhook, ListWebhooks, DeleteWebhook, Register/DeregisterWebhookWithThirdParty (spec D.4).
 * Webhook URLs are built on the endpoint the API request came in on (RequestContext.endpoint).
 */
import type { JsonOperation, models } from '../../aws/index.js';
import * as pipeline from '../../pipeline/index.js';
import { op, scopeOf } from './operation.js';

export function webhookOperations(deps: pipeline.PipelineDeps): Record<string, JsonOperation> {
  return {
    PutWebhook: op<models.codepipeline.PutWebhookInput, models.codepipeline.PutWebhookOutput>(
      async (i, ctx) => pipeline.putWebhook(deps, scopeOf(ctx), ctx.endpoint, { webhook: i.webhook, ...(i.tags ? { tags: i.tags } : {}) }),
    ),

    ListWebhooks: op<models.codepipeline.ListWebhooksInput, models.codepipeline.ListWebhooksOutput>(
      async (i, ctx) => pipeline.listWebhooks(deps, scopeOf(ctx), ctx.endpoint, i),
    ),

    DeleteWebhook: op<models.codepipeline.DeleteWebhookInput, object>(async (i, ctx) => {
      await pipeline.deleteWebhook(deps, scopeOf(ctx), i.name);
      return {};
    }),

    RegisterWebhookWithThirdParty: op<models.codepipeline.RegisterWebhookWithThirdPartyInput, object>(async (i, ctx) => {
      await pipeline.registerWebhookWithThirdParty(deps, scopeOf(ctx), i.webhookName);
      return {};
    }),

    DeregisterWebhookWithThirdParty: op<models.codepipeline.DeregisterWebhookWithThirdPartyInput, object>(async (i, ctx) => {
      await pipeline.deregisterWebhookWithThirdParty(deps, scopeOf(ctx), i.webhookName);
      return {};
    }),
  };
}
