// CodePipeline v1 webhooks (spec D.4): the API operations and the delivery endpoint.
export type { WebhookDefinition, WebhookItemView, PutWebhookInput, WebhookDelivery, WebhookDeliveryResult } from './types.js';
export { putWebhook, MAX_WEBHOOKS } from './put-webhook.js';
export { listWebhooks, deleteWebhook, registerWebhookWithThirdParty, deregisterWebhookWithThirdParty } from './manage-webhooks.js';
export { handleWebhookDelivery } from './handle-delivery.js';
export { createWebhookRoute, MAX_DELIVERY_BYTES, type WebhookHttpRoute } from './webhook-route.js';
export { webhookArn, webhookUrl, WEBHOOK_ROUTE_PREFIX } from './webhook-item.js';
