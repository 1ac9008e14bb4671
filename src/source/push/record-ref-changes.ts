/**
 * What happens after refs changed (a receive-pack, CreateBranch, DeleteBranch): the first branch
 * ever pushed becomes the default branch (AWS's rule; `main`, then `master`, win when one push
 * creates several), HEAD follows it so clones check it out, and onPush hears about the updates.
 * onPush failures are logged, never turned into a failed push: the refs are already durable.
 */
import type { SourceDeps } from '../deps.js';
import { setHead } from '../git/refs.js';
import { claimDefaultBranch, touchRepository } from '../repositories/repository-repo.js';
import { repositoryDir } from '../repositories/repository-dir.js';
import { ZERO_SHA, type PushEvent, type RefUpdate, type Repository } from '../types.js';

const BRANCH_PREFIX = 'refs/heads/';

/** The branch a first push makes the default, or undefined when it created no branch. */
export function firstDefaultBranch(updates: readonly RefUpdate[]): string | undefined {
  const created = updates.filter((u) => u.ref.startsWith(BRANCH_PREFIX) && u.after !== ZERO_SHA).map((u) => u.ref.slice(BRANCH_PREFIX.length));
  return created.find((b) => b === 'main') ?? created.find((b) => b === 'master') ?? created.sort()[0];
}

export async function recordRefChanges(deps: SourceDeps, repo: Repository, updates: RefUpdate[], pusher?: string): Promise<void> {
  if (updates.length === 0) return;
  const now = deps.clock.now();
  const candidate = repo.defaultBranch === undefined ? firstDefaultBranch(updates) : undefined;
  if (candidate !== undefined && (await claimDefaultBranch(deps.db, repo.id, candidate, now))) {
    await setHead(deps, repositoryDir(deps.dataDir, repo.id), candidate);
  } else {
    await touchRepository(deps.db, repo.id, now);
  }
  if (!deps.onPush) return;
  const event: PushEvent = {
    accountId: repo.accountId,
    region: repo.region,
    repositoryName: repo.name,
    repositoryId: repo.id,
    updates,
    ...(pusher !== undefined ? { pusher } : {}),
  };
  try {
    await deps.onPush(event);
  } catch (err) {
    deps.logger.error({ repository: repo.name, err: String(err) }, 'onPush handler failed');
  }
}
