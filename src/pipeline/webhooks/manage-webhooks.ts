/**
 * ListWebhooks, DeleteWebhook, RegisterWebhookWithThirdParty, DeregisterWebhookWithThirdParty
 * (spec D.4).
 *
 * Register/Deregister would create or remove the hook on GitHub with the pipeline's OAuth token.
 * nagare does not call GitHub (it may run where GitHub is unreachable, and a GitHub hook must be
 * able to reach nagare, which nagare cannot arrange), so both only check that the webhook exists
 * and answer `{}`; the URL from PutWebhook/ListWebhooks is added to the repository's webhooks by
 * hand (content type application/json, the same secret). docs/compat/codepipeline.md says so.
 */
import type { PipelineScope } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import { pipelineError } from '../errors.js';
import { encodeToken, pageOf, stringCursor } from '../views/page-token.js';
import type { WebhookItemView } from './types.js';
import { toWebhookItem } from './webhook-item.js';
import { deleteWebhookRow, findWebhook, listWebhookRows } from './webhook-repo.js';

type Db = Pick<PipelineDeps, 'db'>;

/** The model's maximum page size; AWS documents no default. */
export const DEFAULT_WEBHOOKS_PAGE = 100;
const KIND = 'webhooks';

/** Wire members are capitalised here only: `NextToken`, `MaxResults` (Surprise 20). */
export async function listWebhooks(
  deps: Db,
  scope: PipelineScope,
  endpoint: string,
  input: { NextToken?: string; MaxResults?: number } = {},
): Promise<{ webhooks: WebhookItemView[]; NextToken?: string }> {
  const size = input.MaxResults ?? DEFAULT_WEBHOOKS_PAGE;
  const after = stringCursor(KIND, input.NextToken, 'after');
  const rows = await listWebhookRows(deps.db, scope, after, size + 1);
  const { items, nextToken } = pageOf(rows, size, (last) => encodeToken(KIND, { after: last.name }));
  return { webhooks: items.map((w) => toWebhookItem(w, endpoint)), ...(nextToken !== undefined ? { NextToken: nextToken } : {}) };
}

/** Succeeds whether or not the webhook exists (Surprise 34). */
export async function deleteWebhook(deps: Db, scope: PipelineScope, name: string): Promise<void> {
  await deps.db.transaction((tx) => deleteWebhookRow(tx, scope, name));
}

async function requireWebhook(deps: Db, scope: PipelineScope, name: string | undefined): Promise<void> {
  if (name === undefined || !(await findWebhook(deps.db, scope, name))) {
    throw pipelineError('WebhookNotFoundException', `Webhook ${name ?? '(no name given)'} does not exist in account '${scope.accountId}'`);
  }
}

export async function registerWebhookWithThirdParty(deps: Db, scope: PipelineScope, webhookName: string | undefined): Promise<void> {
  await requireWebhook(deps, scope, webhookName);
}

export async function deregisterWebhookWithThirdParty(deps: Db, scope: PipelineScope, webhookName: string | undefined): Promise<void> {
  await requireWebhook(deps, scope, webhookName);
}
