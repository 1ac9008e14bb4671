/** GetCommit and GetDifferences, read from the bare repository with git. */
import type { JsonOperation, models } from '../../aws/index.js';
import * as source from '../../source/index.js';
import { op, scopeOf } from './operation.js';
import { toAwsCommit } from './shapes.js';

export function commitOperations(deps: source.SourceDeps): Record<string, JsonOperation> {
  return {
    GetCommit: op<models.codecommit.GetCommitInput, models.codecommit.GetCommitOutput>(async (i, ctx) => ({
      commit: toAwsCommit(await source.getCommit(deps, scopeOf(ctx), i.repositoryName, i.commitId)),
    })),

    GetDifferences: op<models.codecommit.GetDifferencesInput, models.codecommit.GetDifferencesOutput>(async (i, ctx) => {
      const r = await source.getDifferences(deps, scopeOf(ctx), i);
      return { differences: r.differences, ...(r.nextToken !== undefined ? { NextToken: r.nextToken } : {}) };
    }),
  };
}
