import { typedOperation, type JsonOperation, type RequestContext } from '../../aws/index.js';
import { toCodePipelineAwsError } from './errors.js';

export { scopeOf } from '../../aws/index.js';

/** A typed CodePipeline handler, its domain errors mapped to CodePipeline's AWS errors. */
export function op<I, O extends object>(fn: (input: I, ctx: RequestContext) => Promise<O>): JsonOperation {
  return typedOperation(toCodePipelineAwsError, fn);
}

/**
 * Who made a change (TransitionState.lastChangedBy, ActionExecution.lastUpdatedBy): nagare's
 * callers are the account's root identity, whatever access key they signed with.
 */
export const callerArn = (ctx: RequestContext): string => `arn:aws:iam::${ctx.accountId}:root`;
