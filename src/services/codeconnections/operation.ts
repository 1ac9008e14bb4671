import { typedOperation, type JsonOperation, type RequestContext } from '../../aws/index.js';
import { toConnectionsAwsError } from './errors.js';

export { scopeOf } from '../../aws/index.js';

/** A typed connections handler, its domain errors mapped to the connection APIs' AWS errors. */
export function op<I, O extends object>(fn: (input: I, ctx: RequestContext) => Promise<O>): JsonOperation {
  return typedOperation(toConnectionsAwsError, fn);
}
