import { createHash } from 'node:crypto';
import type { RequestContext, RestRequest, RestResponse } from '../../aws/index.js';
import type { ObjectsDeps } from '../../objects/index.js';

/** One routed S3 request, as every handler sees it. */
export interface S3Call {
  req: RestRequest;
  ctx: RequestContext;
  deps: ObjectsDeps;
  /** '' for service-level requests. */
  bucket: string;
  /** '' for bucket-level requests. */
  key: string;
}

export type Handler = (call: S3Call) => Promise<RestResponse>;

/** S3 canonical user id of an account: 64 hex characters, stable per account. */
export function canonicalUserId(accountId: string): string {
  return createHash('sha256').update(`nagare-account:${accountId}`).digest('hex');
}

export function ownerOf(ctx: RequestContext): { ID: string; DisplayName: string } {
  return { ID: canonicalUserId(ctx.accountId), DisplayName: 'nagare' };
}
