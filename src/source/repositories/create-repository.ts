/**
 * CreateRepository: an empty bare repository on disk first, then its row. A crash in between
 * leaves an unreferenced directory (harmless); the reverse order could leave a row without a
 * repository behind it.
 */
import { randomUUID } from 'node:crypto';
import type { SourceDeps } from '../deps.js';
import { repositoryNameExists } from '../errors.js';
import { checkRepositoryName } from '../names.js';
import type { Repository, SourceScope } from '../types.js';
import { initRepositoryDir, removeRepositoryDir } from './repository-dir.js';
import { insertRepository } from './repository-repo.js';
import { checkTags } from './tags.js';

export interface CreateRepositoryInput {
  repositoryName?: string;
  repositoryDescription?: string;
  tags?: Record<string, string>;
  kmsKeyId?: string;
}

export async function createRepository(deps: SourceDeps, scope: SourceScope, input: CreateRepositoryInput): Promise<Repository> {
  const name = checkRepositoryName(input.repositoryName);
  const tags = input.tags ?? {};
  checkTags(tags);
  const now = deps.clock.now();
  const repo: Repository = {
    ...scope,
    name,
    id: randomUUID(),
    ...(input.repositoryDescription !== undefined ? { description: input.repositoryDescription } : {}),
    ...(input.kmsKeyId !== undefined ? { kmsKeyId: input.kmsKeyId } : {}),
    tags,
    created: now,
    lastModified: now,
  };
  await initRepositoryDir(deps, repo.id);
  if (!(await insertRepository(deps.db, repo))) {
    await removeRepositoryDir(deps.dataDir, repo.id);
    throw repositoryNameExists(name);
  }
  return repo;
}
