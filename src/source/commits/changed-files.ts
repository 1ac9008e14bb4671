/**
 * Paths touched between two commits — what trigger file-path filters match against. A null (or
 * all-zero) `before` means a new ref: every file of `after` counts as changed.
 */
import type { SourceDeps } from '../deps.js';
import { diffCommits } from '../git/diff.js';
import { gitDirOf, loadRepository } from '../repositories/load-repository.js';
import { ZERO_SHA, type SourceScope } from '../types.js';
import { resolveSpecifier } from './resolve-specifier.js';

export async function changedFiles(
  deps: Pick<SourceDeps, 'db' | 'dataDir' | 'hostPath'>,
  scope: SourceScope,
  repositoryName: string,
  beforeCommit: string | null,
  afterCommit: string,
): Promise<string[]> {
  const repo = await loadRepository(deps, scope, repositoryName);
  const gitDir = gitDirOf(deps, repo);
  const after = await resolveSpecifier(deps, gitDir, afterCommit);
  const before = beforeCommit === null || beforeCommit === ZERO_SHA ? undefined : await resolveSpecifier(deps, gitDir, beforeCommit);
  const paths = new Set<string>();
  for (const d of await diffCommits(deps, gitDir, before, after)) {
    if (d.beforeBlob) paths.add(d.beforeBlob.path);
    if (d.afterBlob) paths.add(d.afterBlob.path);
  }
  return [...paths].sort();
}
