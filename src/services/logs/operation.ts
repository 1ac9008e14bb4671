import type { JsonOperation, RequestContext } from '../../aws/index.js';
import type { LogsScope } from '../../logs/index.js';
import { toLogsAwsError } from './errors.js';

/** Adapts a typed handler to the gateway's JsonOperation, mapping domain errors on the way out. */
export function operation<I, O extends object>(fn: (input: I, ctx: RequestContext) => Promise<O>): JsonOperation {
  return async (input, ctx) => {
    try {
      return (await fn(input as I, ctx)) as unknown as Record<string, unknown>;
    } catch (err) {
      throw toLogsAwsError(err);
    }
  };
}

export function scopeOf(ctx: RequestContext): LogsScope {
  return { accountId: ctx.accountId, region: ctx.region };
}

/** Drops undefined members so optional output fields are absent rather than null. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}
