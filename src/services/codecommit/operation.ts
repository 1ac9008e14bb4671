import { typedOperation, type JsonOperation, type RequestContext } from '../../aws/index.js';
import { toCodeCommitAwsError } from './errors.js';

export { scopeOf } from '../../aws/index.js';

/** A typed CodeCommit handler, its domain errors mapped to CodeCommit's AWS errors. */
export function op<I, O extends object>(fn: (input: I, ctx: RequestContext) => Promise<O>): JsonOperation {
  return typedOperation(toCodeCommitAwsError, fn);
}
