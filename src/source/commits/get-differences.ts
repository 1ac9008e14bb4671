/**
 * GetDifferences: files added (A), modified (M) and deleted (D) between two commits, optionally
 * limited to a path (file or folder) on either side. Without beforeCommitSpecifier every file of
 * the after commit is listed as added (AWS: "all changes before the afterCommitSpecifier value").
 * 100 per page unless MaxResults says otherwise.
 */
import type { SourceDeps } from '../deps.js';
import { sourceError } from '../errors.js';
import { diffCommits, pathExists } from '../git/diff.js';
import { pageOf } from '../page-token.js';
import { gitDirOf, loadRepository } from '../repositories/load-repository.js';
import type { FileDifference, SourceScope } from '../types.js';
import { resolveSpecifier } from './resolve-specifier.js';

const DEFAULT_PAGE = 100;

export interface GetDifferencesInput {
  repositoryName: string;
  beforeCommitSpecifier?: string;
  afterCommitSpecifier?: string;
  beforePath?: string;
  afterPath?: string;
  MaxResults?: number;
  NextToken?: string;
}

/** A repository-relative path: no leading/trailing "/", no "." or ".." components, no NUL. */
export function normalisePath(path: string): string {
  const p = path.replace(/^\/+|\/+$/g, '');
  if (p === '' || p.includes('\0') || p.split('/').some((c) => c === '' || c === '.' || c === '..')) {
    throw sourceError('InvalidPath', `The specified path is not valid: ${path}`, { path });
  }
  return p;
}

export async function getDifferences(
  deps: Pick<SourceDeps, 'db' | 'dataDir' | 'hostPath'>,
  scope: SourceScope,
  input: GetDifferencesInput,
): Promise<{ differences: FileDifference[]; nextToken?: string }> {
  const repo = await loadRepository(deps, scope, input.repositoryName);
  const gitDir = gitDirOf(deps, repo);
  const after = await resolveSpecifier(deps, gitDir, input.afterCommitSpecifier);
  const before = input.beforeCommitSpecifier === undefined ? undefined : await resolveSpecifier(deps, gitDir, input.beforeCommitSpecifier);
  if (input.MaxResults !== undefined && !(input.MaxResults > 0)) throw sourceError('InvalidMaxResults', 'The specified number of maximum results is not valid.');
  const paths = [...new Set([input.beforePath, input.afterPath].filter((p): p is string => p !== undefined && p !== '').map(normalisePath))];
  for (const p of paths) {
    const exists = (await pathExists(deps, gitDir, after, p)) || (before !== undefined && (await pathExists(deps, gitDir, before, p)));
    if (!exists) throw sourceError('PathNotFound', `The specified path does not exist: ${p}`, { path: p });
  }
  const diffs = await diffCommits(deps, gitDir, before, after, paths);
  const { page, nextToken } = pageOf(`diff:${before ?? ''}:${after}:${paths.join('\0')}`, diffs, input.MaxResults ?? DEFAULT_PAGE, input.NextToken);
  return { differences: page, ...(nextToken !== undefined ? { nextToken } : {}) };
}
