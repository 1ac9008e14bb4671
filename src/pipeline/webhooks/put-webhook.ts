/**
 * PutWebhook (spec D.4): create, or replace by name. A new webhook gets a fresh opaque URL token —
 * deleting and re-creating one yields a new URL, as on AWS; replacing keeps the URL, lastTriggered
 * and, when no tags are given, the tags. A SecretToken of `****` on a replace keeps the stored
 * secret (what ListWebhooks showed can be sent back unchanged, like GetPipeline's masked values).
 */
import { isAppError, randomToken } from '../../shared/index.js';
import type { PipelineScope } from '../actions/types.js';
import { SECRET_PLACEHOLDER, type PipelineDeclaration } from '../declaration/index.js';
import type { PipelineDeps } from '../deps.js';
import { pipelineError, pipelineNotFound } from '../errors.js';
import { findPipeline } from '../pipelines/pipeline-repo.js';
import { validateFilters, validateWebhookAuthentication } from '../triggers/index.js';
import { checkTags } from '../use-cases/tags-check.js';
import { seal, unseal, webhookSecretContext } from '../sealed-secrets.js';
import type { PutWebhookInput, WebhookDefinition, WebhookItemView } from './types.js';
import { toWebhookItem } from './webhook-item.js';
import { countWebhooks, findWebhook, insertWebhook, replaceWebhook, type WebhookRecord } from './webhook-repo.js';

/** Webhooks per account and region (spec D.4, CodePipeline quotas). */
export const MAX_WEBHOOKS = 300;

export async function putWebhook(
  deps: Pick<PipelineDeps, 'db' | 'clock' | 'cipher'>,
  scope: PipelineScope,
  endpoint: string,
  input: PutWebhookInput,
): Promise<{ webhook: WebhookItemView }> {
  if (input.tags) checkTags(input.tags);
  const record = await deps.db.transaction(async (tx) => {
    const existing = await findWebhook(tx, scope, input.webhook.name, true);
    const definition = withStoredSecret(deps, scope, input.webhook, existing);
    checkDefinition(definition);
    const pipeline = await findPipeline(tx, scope, definition.targetPipeline);
    if (!pipeline) throw pipelineNotFound(scope, definition.targetPipeline);
    checkTargetAction(pipeline.declaration, definition);
    const sealed = sealSecret(deps, scope, definition);
    if (existing) {
      const tags = input.tags ?? existing.tags;
      await replaceWebhook(tx, scope, existing.name, sealed, tags);
      return { ...existing, definition, tags };
    }
    if ((await countWebhooks(tx, scope)) >= MAX_WEBHOOKS) {
      throw pipelineError('LimitExceededException', `The account has reached the limit of ${MAX_WEBHOOKS} webhooks in ${scope.region}`);
    }
    const created: WebhookRecord = { scope, name: definition.name, urlToken: randomToken(32), definition: sealed, tags: input.tags ?? [], created: deps.clock.now() };
    // A concurrent PutWebhook of the same name got there first: its row is locked now, so retrying
    // the whole call would replace it; asking the caller to retry is simpler and rare.
    if (!(await insertWebhook(tx, created))) {
      throw pipelineError('ConcurrentModificationException', `Webhook ${definition.name} was created concurrently; retry`);
    }
    return created;
  });
  return { webhook: toWebhookItem(record, endpoint) };
}

function withStoredSecret(deps: Pick<PipelineDeps, 'cipher'>, scope: PipelineScope, def: WebhookDefinition, existing: WebhookRecord | undefined): WebhookDefinition {
  const stored = existing?.definition.authenticationConfiguration.SecretToken;
  if (def.authenticationConfiguration.SecretToken !== SECRET_PLACEHOLDER || stored === undefined) return def;
  const plain = unseal(deps.cipher, webhookSecretContext(scope, def.name), stored);
  return { ...def, authenticationConfiguration: { ...def.authenticationConfiguration, SecretToken: plain } };
}

/** What is stored: the SecretToken sealed with the master key (sealed-secrets.ts). */
function sealSecret(deps: Pick<PipelineDeps, 'cipher'>, scope: PipelineScope, def: WebhookDefinition): WebhookDefinition {
  const token = def.authenticationConfiguration.SecretToken;
  if (token === undefined) return def;
  return { ...def, authenticationConfiguration: { ...def.authenticationConfiguration, SecretToken: seal(deps.cipher, webhookSecretContext(scope, def.name), token) } };
}

/** Authentication and JsonPath filters, with AWS's exception names (triggers/ throws its own codes). */
export function checkDefinition(def: WebhookDefinition): void {
  try {
    validateWebhookAuthentication(def.authentication, def.authenticationConfiguration);
  } catch (err) {
    if (isAppError(err) && err.code === 'InvalidWebhookAuthenticationParameters') throw pipelineError('InvalidWebhookAuthenticationParametersException', err.message);
    throw err;
  }
  try {
    validateFilters(def.filters);
  } catch (err) {
    if (isAppError(err) && err.code === 'InvalidWebhookFilterPattern') throw pipelineError('InvalidWebhookFilterPatternException', err.message);
    throw err;
  }
}

/** The model: "The action must be from the source (first) stage of the pipeline." */
export function checkTargetAction(declaration: PipelineDeclaration, def: WebhookDefinition): void {
  const action = declaration.stages[0]?.actions.find((a) => a.name === def.targetAction);
  if (!action || action.actionTypeId.category !== 'Source') {
    throw pipelineError('ValidationException', `Webhook target action '${def.targetAction}' is not a source action in the first stage of pipeline '${def.targetPipeline}'`);
  }
}
