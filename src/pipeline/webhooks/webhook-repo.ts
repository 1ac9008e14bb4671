/**
 * SQL for v1 webhooks and their deliveries (tables codepipeline_webhooks and
 * codepipeline_webhook_deliveries, migration 0060). The webhook's URL is not stored: only its
 * opaque token is, and the URL is built from the endpoint each API request came in on.
 */
import type { Queryable } from '../../store/index.js';
import type { PipelineScope } from '../actions/types.js';
import type { Tag } from '../pipelines/pipeline-repo.js';
import type { WebhookDefinition } from './types.js';

export interface WebhookRecord {
  scope: PipelineScope;
  name: string;
  urlToken: string;
  /** As given, SecretToken included. */
  definition: WebhookDefinition;
  tags: Tag[];
  lastTriggered?: Date;
  errorMessage?: string;
  errorCode?: string;
  created: Date;
}

interface Row {
  account_id: string;
  region: string;
  name: string;
  url_token: string;
  definition: WebhookDefinition;
  tags: Tag[];
  last_triggered: Date | null;
  error_message: string | null;
  error_code: string | null;
  created_at: Date;
}

const toRecord = (r: Row): WebhookRecord => ({
  scope: { accountId: r.account_id, region: r.region },
  name: r.name,
  urlToken: r.url_token,
  definition: r.definition,
  tags: r.tags,
  ...(r.last_triggered !== null ? { lastTriggered: r.last_triggered } : {}),
  ...(r.error_message !== null ? { errorMessage: r.error_message } : {}),
  ...(r.error_code !== null ? { errorCode: r.error_code } : {}),
  created: r.created_at,
});

export async function findWebhook(q: Queryable, scope: PipelineScope, name: string, forUpdate = false): Promise<WebhookRecord | undefined> {
  const r = await q.query<Row>(`SELECT * FROM codepipeline_webhooks WHERE account_id = $1 AND region = $2 AND name = $3${forUpdate ? ' FOR UPDATE' : ''}`, [
    scope.accountId,
    scope.region,
    name,
  ]);
  return r.rows[0] ? toRecord(r.rows[0]) : undefined;
}

export async function findWebhookByToken(q: Queryable, urlToken: string): Promise<WebhookRecord | undefined> {
  const r = await q.query<Row>(`SELECT * FROM codepipeline_webhooks WHERE url_token = $1`, [urlToken]);
  return r.rows[0] ? toRecord(r.rows[0]) : undefined;
}

export async function countWebhooks(q: Queryable, scope: PipelineScope): Promise<number> {
  const r = await q.query<{ n: string | number }>(`SELECT count(*) AS n FROM codepipeline_webhooks WHERE account_id = $1 AND region = $2`, [scope.accountId, scope.region]);
  return Number(r.rows[0]?.n ?? 0);
}

/** False when a webhook of that name exists already (the caller replaces it instead). */
export async function insertWebhook(q: Queryable, w: WebhookRecord): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO codepipeline_webhooks (account_id, region, name, url_token, definition, tags, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7) ON CONFLICT (account_id, region, name) DO NOTHING`,
    [w.scope.accountId, w.scope.region, w.name, w.urlToken, JSON.stringify(w.definition), JSON.stringify(w.tags), w.created],
  );
  return r.rowCount > 0;
}

/** PutWebhook on an existing name: new definition and tags; URL, lastTriggered and creation stay. */
export async function replaceWebhook(q: Queryable, scope: PipelineScope, name: string, definition: WebhookDefinition, tags: Tag[]): Promise<void> {
  await q.query(`UPDATE codepipeline_webhooks SET definition = $4::jsonb, tags = $5::jsonb WHERE account_id = $1 AND region = $2 AND name = $3`, [
    scope.accountId,
    scope.region,
    name,
    JSON.stringify(definition),
    JSON.stringify(tags),
  ]);
}

export async function saveWebhookTags(q: Queryable, scope: PipelineScope, name: string, tags: Tag[]): Promise<void> {
  await q.query(`UPDATE codepipeline_webhooks SET tags = $4::jsonb WHERE account_id = $1 AND region = $2 AND name = $3`, [scope.accountId, scope.region, name, JSON.stringify(tags)]);
}

/** In name order, after `after`. */
export async function listWebhookRows(q: Queryable, scope: PipelineScope, after: string | undefined, limit: number): Promise<WebhookRecord[]> {
  const r = await q.query<Row>(
    `SELECT * FROM codepipeline_webhooks WHERE account_id = $1 AND region = $2 AND ($3::text IS NULL OR name > $3) ORDER BY name LIMIT $4`,
    [scope.accountId, scope.region, after ?? null, limit],
  );
  return r.rows.map(toRecord);
}

/** Deletes the webhook and its delivery log; true when it existed. */
export async function deleteWebhookRow(q: Queryable, scope: PipelineScope, name: string): Promise<boolean> {
  const r = await q.query<{ url_token: string }>(`DELETE FROM codepipeline_webhooks WHERE account_id = $1 AND region = $2 AND name = $3 RETURNING url_token`, [
    scope.accountId,
    scope.region,
    name,
  ]);
  const token = r.rows[0]?.url_token;
  if (token !== undefined) await q.query(`DELETE FROM codepipeline_webhook_deliveries WHERE url_token = $1`, [token]);
  return token !== undefined;
}

/** A start succeeded: lastTriggered moves, a previous error is cleared. */
export async function markTriggered(q: Queryable, urlToken: string, at: Date): Promise<void> {
  await q.query(`UPDATE codepipeline_webhooks SET last_triggered = $2, error_code = NULL, error_message = NULL WHERE url_token = $1`, [urlToken, at]);
}

/** A delivery that passed authentication and filters could not start the pipeline. */
export async function markError(q: Queryable, urlToken: string, code: string, message: string): Promise<void> {
  await q.query(`UPDATE codepipeline_webhooks SET error_code = $2, error_message = $3 WHERE url_token = $1`, [urlToken, code, message.slice(0, 1000)]);
}

/**
 * Records the delivery id; false when it was recorded before (a replay or a redelivery). The
 * primary key makes two concurrent copies of one delivery race to a single winner.
 */
export async function claimDelivery(q: Queryable, urlToken: string, deliveryId: string, at: Date): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO codepipeline_webhook_deliveries (url_token, delivery_id, received_at) VALUES ($1, $2, $3) ON CONFLICT (url_token, delivery_id) DO NOTHING`,
    [urlToken, deliveryId, at],
  );
  return r.rowCount > 0;
}

/** Forget a claimed delivery whose start failed, so a redelivery may try again. */
export async function releaseDelivery(q: Queryable, urlToken: string, deliveryId: string): Promise<void> {
  await q.query(`DELETE FROM codepipeline_webhook_deliveries WHERE url_token = $1 AND delivery_id = $2`, [urlToken, deliveryId]);
}

export async function setDeliveryExecution(q: Queryable, urlToken: string, deliveryId: string, executionId: string): Promise<void> {
  await q.query(`UPDATE codepipeline_webhook_deliveries SET execution_id = $3 WHERE url_token = $1 AND delivery_id = $2`, [urlToken, deliveryId, executionId]);
}

export async function deliveryExecution(q: Queryable, urlToken: string, deliveryId: string): Promise<string | undefined> {
  const r = await q.query<{ execution_id: string | null }>(`SELECT execution_id FROM codepipeline_webhook_deliveries WHERE url_token = $1 AND delivery_id = $2`, [
    urlToken,
    deliveryId,
  ]);
  return r.rows[0]?.execution_id ?? undefined;
}
