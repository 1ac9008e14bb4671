import type { JsonOperation, RequestContext } from '../../aws/index.js';
import type { Scope } from '../../secrets/index.js';

/** Adapts a typed handler to the gateway's JsonOperation, mapping domain errors on the way out. */
export function operation<I, O extends object>(mapError: (err: unknown) => unknown, fn: (input: I, ctx: RequestContext) => Promise<O>): JsonOperation {
  return async (input, ctx) => {
    try {
      return (await fn(input as I, ctx)) as unknown as Record<string, unknown>;
    } catch (err) {
      throw mapError(err);
    }
  };
}

export function scopeOf(ctx: RequestContext): Scope {
  return { accountId: ctx.accountId, region: ctx.region };
}

/** LastModifiedUser: nagare's callers are all the account's root identity. */
export function callerArn(ctx: RequestContext): string {
  return `arn:aws:iam::${ctx.accountId}:root`;
}

/** Drops undefined members so optional output fields are absent rather than null. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}
