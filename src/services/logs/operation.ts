import { typedOperation, type JsonOperation, type RequestContext } from '../../aws/index.js';
import { toLogsAwsError } from './errors.js';

export { compact, scopeOf } from '../../aws/index.js';

/** A typed CloudWatch Logs handler, its domain errors mapped to Logs' AWS errors. */
export function operation<I, O extends object>(fn: (input: I, ctx: RequestContext) => Promise<O>): JsonOperation {
  return typedOperation(toLogsAwsError, fn);
}
