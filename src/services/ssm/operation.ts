import type { RequestContext } from '../../aws/index.js';

export { compact, scopeOf, typedOperation as operation } from '../../aws/index.js';

/** LastModifiedUser: nagare's callers are all the account's root identity. */
export function callerArn(ctx: RequestContext): string {
  return `arn:aws:iam::${ctx.accountId}:root`;
}
