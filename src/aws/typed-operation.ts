import type { JsonOperation, RequestContext } from './service.js';

/**
 * Adapts a typed handler (input already validated and decoded by the gateway against the model)
 * to a JsonOperation, mapping domain errors to AWS errors on the way out with the service's mapper.
 */
export function typedOperation<I, O extends object>(
  mapError: (err: unknown) => unknown,
  fn: (input: I, ctx: RequestContext) => Promise<O>,
): JsonOperation {
  return async (input, ctx) => {
    try {
      return (await fn(input as I, ctx)) as unknown as Record<string, unknown>;
    } catch (err) {
      throw mapError(err);
    }
  };
}

/** The account and region a request acts in (resources are per account + region). */
export function scopeOf(ctx: RequestContext): { accountId: string; region: string } {
  return { accountId: ctx.accountId, region: ctx.region };
}

/** Drops undefined/null members so optional output fields are absent rather than null. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}
