import type { SourceDeps } from '../deps.js';
import { commitNotFound, sourceError } from '../errors.js';
import { resolveCommit } from '../git/commits.js';
import { commitSpecifierProblem } from '../names.js';

/** A commit specifier (branch, tag, HEAD, id…) → full commit id, or CommitRequired / InvalidCommit / CommitNotFound. */
export async function resolveSpecifier(deps: Pick<SourceDeps, 'dataDir' | 'hostPath'>, gitDir: string, spec: string | undefined): Promise<string> {
  if (spec === undefined || spec === '') throw sourceError('CommitRequired', 'A commit must be specified.');
  const problem = commitSpecifierProblem(spec);
  if (problem) throw sourceError('InvalidCommit', `The specified commit is not valid: ${problem}.`, { spec });
  const id = await resolveCommit(deps, gitDir, spec);
  if (id === undefined) throw commitNotFound(spec);
  return id;
}
