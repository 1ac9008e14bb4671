/**
 * TagResource, UntagResource, ListTagsForResource for pipelines and webhooks (spec D.5): at most 50
 * tags per resource, keys case-sensitive, `aws:` keys reserved (use-cases/tags-check.ts, shared with
 * CreatePipeline). Tagging an existing key replaces its value; untagging a missing key is no error.
 */
import type { Queryable } from '../../store/index.js';
import type { PipelineScope } from '../actions/types.js';
import type { PipelineDeps } from '../deps.js';
import { pipelineError } from '../errors.js';
import { findPipeline, saveTags, type Tag } from '../pipelines/pipeline-repo.js';
import { checkTags } from '../use-cases/tags-check.js';
import { encodeToken, numberCursor } from '../views/page-token.js';
import { findWebhook, saveWebhookTags } from '../webhooks/webhook-repo.js';
import { parseResourceArn } from './resource-arn.js';

type Db = Pick<PipelineDeps, 'db'>;

interface Tagged {
  tags: Tag[];
  save(tags: Tag[]): Promise<void>;
}

async function resolve(q: Queryable, scope: PipelineScope, arn: string, forUpdate: boolean): Promise<Tagged> {
  const r = parseResourceArn(scope, arn);
  if (r.kind === 'pipeline') {
    const p = await findPipeline(q, scope, r.name, forUpdate);
    if (p) return { tags: p.tags, save: (tags) => saveTags(q, scope, r.name, tags) };
  } else if (r.kind === 'webhook') {
    const w = await findWebhook(q, scope, r.name, forUpdate);
    if (w) return { tags: w.tags, save: (tags) => saveWebhookTags(q, scope, r.name, tags) };
  }
  throw pipelineError('ResourceNotFoundException', `The resource with the ARN ${arn} does not exist`);
}

export async function tagResource(deps: Db, scope: PipelineScope, arn: string, tags: readonly Tag[]): Promise<void> {
  checkTags(tags);
  await deps.db.transaction(async (tx) => {
    const target = await resolve(tx, scope, arn, true);
    const next = target.tags.filter((t) => !tags.some((n) => n.key === t.key)).concat(tags.map((t) => ({ key: t.key, value: t.value })));
    checkTags(next);
    await target.save(next);
  });
}

export async function untagResource(deps: Db, scope: PipelineScope, arn: string, tagKeys: readonly string[]): Promise<void> {
  if (tagKeys.some((k) => k.startsWith('aws:'))) throw pipelineError('InvalidTagsException', 'Tag keys with the prefix aws: are reserved and cannot be removed');
  await deps.db.transaction(async (tx) => {
    const target = await resolve(tx, scope, arn, true);
    await target.save(target.tags.filter((t) => !tagKeys.includes(t.key)));
  });
}

/** Tags in the order they were added; pages of `maxResults` (default: all of them, ≤50). */
export async function listTagsForResource(
  deps: Db,
  scope: PipelineScope,
  input: { resourceArn: string; nextToken?: string; maxResults?: number },
): Promise<{ tags: Tag[]; nextToken?: string }> {
  const kind = `tags:${input.resourceArn}`;
  const offset = numberCursor(kind, input.nextToken, 'offset') ?? 0;
  const { tags } = await resolve(deps.db, scope, input.resourceArn, false);
  const size = input.maxResults ?? tags.length;
  const page = tags.slice(offset, offset + size);
  const next = offset + size;
  return { tags: page, ...(next < tags.length ? { nextToken: encodeToken(kind, { offset: next }) } : {}) };
}
