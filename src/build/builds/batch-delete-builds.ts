/**
 * BatchDeleteBuilds (spec B.4, `[CLI-EX:codebuild/batch-delete-builds]`): completed builds are
 * deleted and reported by ARN; a running one is not deleted (`statusCode: BUILD_IN_PROGRESS`).
 * Unknown ids are reported `BUILD_NOT_FOUND` (code unverified). Their log streams stay, as in AWS.
 */
import type { CodeBuildScope } from '../projects/types.js';
import { buildIdOf } from './build-id.js';
import { deleteBuildRows, findBuilds } from './build-repo.js';
import type { CodeBuildDeps } from './deps.js';

export interface BatchDeleteResult {
  deleted: string[];
  notDeleted: { id: string; statusCode: string }[];
}

export async function batchDeleteBuilds(deps: Pick<CodeBuildDeps, 'db'>, scope: CodeBuildScope, ids: readonly string[]): Promise<BatchDeleteResult> {
  const unique = [...new Set(ids.map(buildIdOf))];
  return deps.db.transaction(async (tx) => {
    const builds = new Map((await findBuilds(tx, scope, unique)).map((b) => [b.id, b]));
    const gone = new Set(await deleteBuildRows(tx, scope, unique));
    const result: BatchDeleteResult = { deleted: [], notDeleted: [] };
    for (const id of unique) {
      const b = builds.get(id);
      if (!b) result.notDeleted.push({ id, statusCode: 'BUILD_NOT_FOUND' });
      else if (gone.has(id)) result.deleted.push(b.arn);
      else result.notDeleted.push({ id: b.arn, statusCode: 'BUILD_IN_PROGRESS' });
    }
    return result;
  });
}
