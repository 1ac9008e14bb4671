import { typedOperation, type JsonOperation, type RequestContext } from '../../aws/index.js';
import { toSmAwsError } from './errors.js';

export { compact, scopeOf } from '../../aws/index.js';

/** A typed Secrets Manager handler, its domain errors mapped to Secrets Manager's AWS errors. */
export function operation<I, O extends object>(fn: (input: I, ctx: RequestContext) => Promise<O>): JsonOperation {
  return typedOperation(toSmAwsError, fn);
}
