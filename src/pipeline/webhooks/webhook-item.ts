/**
 * A webhook as PutWebhook and ListWebhooks show it (spec D.4): SecretToken redacted as `****`
 * (AWS: "If a secret token was provided, it will be redacted in the response"; the redacted form
 * is not documented), the ARN `arn:aws:codepipeline:<region>:<account>:webhook:<name>`, and the URL
 * `<endpoint>/webhooks/codepipeline/<token>` on the endpoint the API request came in on — the host
 * and port the caller reaches nagare at, which is what GitHub must be given.
 */
import { formatArn } from '../../shared/index.js';
import type { PipelineScope } from '../actions/types.js';
import { SECRET_PLACEHOLDER } from '../declaration/index.js';
import type { WebhookRecord } from './webhook-repo.js';
import type { WebhookDefinition, WebhookItemView } from './types.js';

export const WEBHOOK_ROUTE_PREFIX = '/webhooks/codepipeline/';

export function webhookArn(scope: PipelineScope, name: string): string {
  return formatArn({ service: 'codepipeline', region: scope.region, account: scope.accountId, resource: `webhook:${name}` });
}

/** `endpoint` is scheme://host[:port] without a trailing slash (RequestContext.endpoint). */
export function webhookUrl(endpoint: string, urlToken: string): string {
  return `${endpoint.replace(/\/+$/, '')}${WEBHOOK_ROUTE_PREFIX}${urlToken}`;
}

export function redactDefinition(d: WebhookDefinition): WebhookDefinition {
  const auth = d.authenticationConfiguration;
  return {
    name: d.name,
    targetPipeline: d.targetPipeline,
    targetAction: d.targetAction,
    filters: d.filters.map((f) => ({ ...f })),
    authentication: d.authentication,
    authenticationConfiguration: {
      ...(auth.AllowedIPRange !== undefined ? { AllowedIPRange: auth.AllowedIPRange } : {}),
      ...(auth.SecretToken !== undefined ? { SecretToken: SECRET_PLACEHOLDER } : {}),
    },
  };
}

export function toWebhookItem(w: WebhookRecord, endpoint: string): WebhookItemView {
  return {
    definition: redactDefinition(w.definition),
    url: webhookUrl(endpoint, w.urlToken),
    ...(w.errorMessage !== undefined ? { errorMessage: w.errorMessage } : {}),
    ...(w.errorCode !== undefined ? { errorCode: w.errorCode } : {}),
    ...(w.lastTriggered !== undefined ? { lastTriggered: w.lastTriggered } : {}),
    arn: webhookArn(w.scope, w.name),
    tags: w.tags.map((t) => ({ ...t })),
  };
}
