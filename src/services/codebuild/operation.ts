import { typedOperation, type JsonOperation, type RequestContext } from '../../aws/index.js';
import { toCodeBuildAwsError } from './errors.js';

export { scopeOf } from '../../aws/index.js';

/** A typed CodeBuild handler, its domain errors mapped to CodeBuild's AWS errors. */
export function op<I, O extends object>(fn: (input: I, ctx: RequestContext) => Promise<O>): JsonOperation {
  return typedOperation(toCodeBuildAwsError, fn);
}

/**
 * `CODEBUILD_INITIATOR` / `Build.initiator` for API starts is the caller's IAM user or role name
 * (spec A.14). nagare's callers are the account's root identity.
 */
export const API_INITIATOR = 'root';
