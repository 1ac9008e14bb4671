import type { JsonOperation, RequestContext } from '../../aws/index.js';
import type { projects } from '../../build/index.js';
import { toCodeBuildAwsError } from './errors.js';

/** Adapts a typed handler to the gateway's JsonOperation, mapping domain errors on the way out. */
export function op<I, O extends object>(fn: (input: I, ctx: RequestContext) => Promise<O>): JsonOperation {
  return async (input, ctx) => {
    try {
      return (await fn(input as I, ctx)) as unknown as Record<string, unknown>;
    } catch (err) {
      throw toCodeBuildAwsError(err);
    }
  };
}

export function scopeOf(ctx: RequestContext): projects.CodeBuildScope {
  return { accountId: ctx.accountId, region: ctx.region };
}

/**
 * `CODEBUILD_INITIATOR` / `Build.initiator` for API starts is the caller's IAM user or role name
 * (spec A.14). nagare's callers are the account's root identity.
 */
export const API_INITIATOR = 'root';
