/** GetBranch, ListBranches, CreateBranch, DeleteBranch, UpdateDefaultBranch. */
import type { JsonOperation, models } from '../../aws/index.js';
import * as source from '../../source/index.js';
import { op, scopeOf } from './operation.js';

export function branchOperations(deps: source.SourceDeps): Record<string, JsonOperation> {
  return {
    GetBranch: op<models.codecommit.GetBranchInput, models.codecommit.GetBranchOutput>(async (i, ctx) => ({
      branch: await source.getBranch(deps, scopeOf(ctx), i.repositoryName, i.branchName),
    })),

    ListBranches: op<models.codecommit.ListBranchesInput, models.codecommit.ListBranchesOutput>(async (i, ctx) =>
      source.listBranches(deps, scopeOf(ctx), i.repositoryName, i.nextToken),
    ),

    CreateBranch: op<models.codecommit.CreateBranchInput, object>(async (i, ctx) => {
      await source.createBranch(deps, scopeOf(ctx), i.repositoryName, i.branchName, i.commitId);
      return {};
    }),

    DeleteBranch: op<models.codecommit.DeleteBranchInput, models.codecommit.DeleteBranchOutput>(async (i, ctx) => {
      const deleted = await source.deleteBranch(deps, scopeOf(ctx), i.repositoryName, i.branchName);
      return deleted === undefined ? {} : { deletedBranch: deleted };
    }),

    UpdateDefaultBranch: op<models.codecommit.UpdateDefaultBranchInput, object>(async (i, ctx) => {
      await source.updateDefaultBranch(deps, scopeOf(ctx), i.repositoryName, i.defaultBranchName);
      return {};
    }),
  };
}
