/**
 * A POST on a webhook URL (spec D.4, Part E). In order:
 *
 * 1. the URL token names a webhook (else 404 — nothing else is revealed);
 * 2. authentication (GITHUB_HMAC over the raw bytes, IP against the socket's peer, or none)
 *    fails → 401 (no signature) / 403;
 * 3. GitHub's `ping` (sent when the hook is created) → 200, nothing starts;
 * 4. `X-GitHub-Delivery` is the replay key. GitHub always sends it, so GITHUB_HMAC deliveries
 *    without a usable one are refused (400); for IP/UNAUTHENTICATED senders it is optional;
 * 5. the body (JSON, or form-encoded `payload=`) must pass EVERY filter, `{Key}` placeholders
 *    taken from the target action's configuration; a miss is answered 200 "ignored" — for GitHub
 *    a push to another branch is not a failed delivery;
 * 6. a delivery id seen before is answered 200 with the execution it started: a replay or a
 *    redelivery never starts a second execution;
 * 7. the pipeline starts (trigger Webhook, detail = the webhook's ARN) and lastTriggered moves.
 *    When the start fails the webhook records errorCode/errorMessage (shown by ListWebhooks) and
 *    the delivery id is released so a redelivery can try again.
 */
import { errorMessage, isAppError } from '../../shared/index.js';
import type { PipelineDeps } from '../deps.js';
import { findPipeline } from '../pipelines/pipeline-repo.js';
import { decodeGithubBody, evaluateWebhookFilters, header, normaliseDeliveryId, verifyWebhookDelivery } from '../triggers/index.js';
import { startPipelineExecution } from '../use-cases/start-execution.js';
import type { WebhookDelivery, WebhookDeliveryResult } from './types.js';
import { webhookArn } from './webhook-item.js';
import { unseal, webhookSecretContext } from '../sealed-secrets.js';
import { claimDelivery, deliveryExecution, findWebhookByToken, markError, markTriggered, releaseDelivery, setDeliveryExecution, type WebhookRecord } from './webhook-repo.js';

const single = (v: string | readonly string[] | undefined): string | undefined => (typeof v === 'string' ? v : v?.[0]);

export async function handleWebhookDelivery(deps: PipelineDeps, urlToken: string, req: WebhookDelivery): Promise<WebhookDeliveryResult> {
  const webhook = await findWebhookByToken(deps.db, urlToken);
  if (!webhook) return { status: 404, message: 'No webhook has this URL.' };
  const def = webhook.definition;
  const log = deps.logger.child({ webhook: webhook.name, pipeline: def.targetPipeline, region: webhook.scope.region });

  const secret = def.authenticationConfiguration.SecretToken;
  const authConfig =
    secret === undefined ? def.authenticationConfiguration : { ...def.authenticationConfiguration, SecretToken: unseal(deps.cipher, webhookSecretContext(webhook.scope, webhook.name), secret) };
  const auth = verifyWebhookDelivery(def.authentication, authConfig, req);
  if (!auth.ok) {
    log.warn({ reason: auth.reason, remote: req.remoteAddress }, 'webhook delivery refused');
    return { status: auth.reason === 'missing-signature' ? 401 : 403, message: `Authentication failed: ${auth.message}` };
  }
  if (single(header(req.headers, 'x-github-event')) === 'ping') return { status: 200, message: 'pong' };

  const rawId = header(req.headers, 'x-github-delivery');
  let deliveryId: string | undefined;
  if (rawId !== undefined || def.authentication === 'GITHUB_HMAC') {
    const id = normaliseDeliveryId(rawId);
    if (!id.ok) return { status: 400, message: id.reason };
    deliveryId = id.id;
  }

  let body: unknown;
  try {
    body = decodeGithubBody(req.rawBody, single(header(req.headers, 'content-type')));
  } catch (err) {
    return { status: 400, message: errorMessage(err) };
  }

  const pipeline = await findPipeline(deps.db, webhook.scope, def.targetPipeline);
  const action = pipeline?.declaration.stages[0]?.actions.find((a) => a.name === def.targetAction);
  if (!pipeline || !action) {
    const message = pipeline ? `Action ${def.targetAction} is not in the first stage of pipeline ${def.targetPipeline}` : `Pipeline ${def.targetPipeline} does not exist`;
    await markError(deps.db, urlToken, pipeline ? 'ActionNotFoundException' : 'PipelineNotFoundException', message);
    return { status: 404, message };
  }
  const filters = evaluateWebhookFilters(body, def.filters, action.configuration ?? {});
  if (!filters.ok) return { status: 200, message: `Ignored: ${filters.message}` };

  if (deliveryId !== undefined && !(await claimDelivery(deps.db, urlToken, deliveryId, deps.clock.now()))) {
    const earlier = await deliveryExecution(deps.db, urlToken, deliveryId);
    return { status: 200, message: `Delivery ${deliveryId} was already processed.`, ...(earlier !== undefined ? { pipelineExecutionId: earlier } : {}) };
  }
  return start(deps, webhook, deliveryId, log);
}

async function start(deps: PipelineDeps, webhook: WebhookRecord, deliveryId: string | undefined, log: PipelineDeps['logger']): Promise<WebhookDeliveryResult> {
  const name = webhook.definition.targetPipeline;
  let executionId: string;
  try {
    executionId = await startPipelineExecution(deps, webhook.scope, { name, trigger: { triggerType: 'Webhook', triggerDetail: webhookArn(webhook.scope, webhook.name) } });
  } catch (err) {
    if (deliveryId !== undefined) await releaseDelivery(deps.db, webhook.urlToken, deliveryId);
    const code = isAppError(err) ? err.code : 'InternalFailure';
    await markError(deps.db, webhook.urlToken, code, errorMessage(err));
    if (isAppError(err) && err.fault === 'user') return { status: code === 'PipelineNotFoundException' ? 404 : 400, message: err.message };
    log.error({ err: errorMessage(err) }, 'webhook could not start the pipeline');
    return { status: 500, message: 'The pipeline could not be started.' };
  }
  if (deliveryId !== undefined) await setDeliveryExecution(deps.db, webhook.urlToken, deliveryId, executionId);
  await markTriggered(deps.db, webhook.urlToken, deps.clock.now());
  log.info({ executionId, deliveryId }, 'webhook started the pipeline');
  return { status: 200, message: `Started pipeline ${name}.`, pipelineExecutionId: executionId };
}
