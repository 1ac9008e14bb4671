/**
 * Repository tags (TagResource, UntagResource, ListTagsForResource) and the checks CreateRepository
 * shares: at most 50 tags, none under the reserved `aws:` prefix.
 */
import { parseArn } from '../../shared/index.js';
import type { Queryable } from '../../store/index.js';
import type { SourceDeps } from '../deps.js';
import { repositoryNotFound, sourceError } from '../errors.js';
import { repositoryNameProblem } from '../names.js';
import type { Repository, SourceScope } from '../types.js';
import { findRepository, updateRepositoryRow } from './repository-repo.js';

const MAX_TAGS = 50;

export function checkTags(tags: Record<string, string>): void {
  if (Object.keys(tags).some((k) => k.toLowerCase().startsWith('aws:'))) {
    throw sourceError('InvalidSystemTagUsage', 'The tag key prefix aws: is reserved for system use.');
  }
  if (Object.keys(tags).length > MAX_TAGS) throw sourceError('TooManyTags', `A repository can have at most ${MAX_TAGS} tags.`);
}

/** `arn:aws:codecommit:<region>:<account>:<name>` of the caller's own scope → its repository. */
async function repositoryByArn(q: Queryable, scope: SourceScope, arn: string): Promise<Repository> {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'codecommit' || repositoryNameProblem(parts.resource) !== undefined) {
    throw sourceError('InvalidResourceArn', `The value for the resource ARN is not valid: ${arn}`, { arn });
  }
  const repo = parts.account === scope.accountId && parts.region === scope.region ? await findRepository(q, scope, parts.resource) : undefined;
  if (!repo) throw repositoryNotFound(parts.resource);
  return repo;
}

export async function listTagsForResource(deps: Pick<SourceDeps, 'db'>, scope: SourceScope, arn: string): Promise<Record<string, string>> {
  return (await repositoryByArn(deps.db, scope, arn)).tags;
}

export async function tagResource(deps: Pick<SourceDeps, 'db'>, scope: SourceScope, arn: string, tags: Record<string, string>): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const repo = await repositoryByArn(tx, scope, arn);
    const next = { ...repo.tags, ...tags };
    checkTags(next);
    await updateRepositoryRow(tx, { ...repo, tags: next });
  });
}

export async function untagResource(deps: Pick<SourceDeps, 'db'>, scope: SourceScope, arn: string, keys: readonly string[]): Promise<void> {
  if (keys.some((k) => k.toLowerCase().startsWith('aws:'))) throw sourceError('InvalidSystemTagUsage', 'The tag key prefix aws: is reserved for system use.');
  await deps.db.transaction(async (tx) => {
    const repo = await repositoryByArn(tx, scope, arn);
    const next = Object.fromEntries(Object.entries(repo.tags).filter(([k]) => !keys.includes(k)));
    await updateRepositoryRow(tx, { ...repo, tags: next });
  });
}
