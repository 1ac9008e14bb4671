import { queryValue, type QueryParam } from './canonical-query.js';
import { ALGORITHM } from './canonical-request.js';
import type { SigV4Errors } from './errors.js';
import { splitSignedHeaders } from './parse-authorization.js';
import type { SigV4Credentials } from './types.js';

/** A presigned URL's lifetime is capped at 7 days: the signing key itself is only valid that long. */
export const MAX_PRESIGNED_EXPIRES = 604800;

const REQUIRED = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'] as const;

export interface PresignedCredentials extends SigV4Credentials {
  expiresSeconds: number;
}

/** Query auth is in play as soon as any of its identifying parameters is present. */
export function isQueryAuth(params: readonly QueryParam[]): boolean {
  return params.some((p) => p.name === 'X-Amz-Algorithm' || p.name === 'X-Amz-Credential' || p.name === 'X-Amz-Signature');
}

/**
 * Parses the X-Amz-* parameters of a presigned URL. X-Amz-Expires must be a whole number of seconds
 * in 0..604800 (0 is well-formed and simply already expired).
 */
export function parseQueryAuth(params: readonly QueryParam[], errors: SigV4Errors): PresignedCredentials {
  const missing = REQUIRED.filter((name) => (queryValue(params, name) ?? '') === '');
  if (missing.length > 0) throw errors.queryParameters({ kind: 'missing', names: [...missing] });
  const value = (name: (typeof REQUIRED)[number]): string => queryValue(params, name) ?? '';

  const algorithm = value('X-Amz-Algorithm');
  if (algorithm !== ALGORITHM) throw errors.queryParameters({ kind: 'algorithm', got: algorithm });

  const expires = value('X-Amz-Expires');
  if (/^-\d+$/.test(expires)) throw errors.queryParameters({ kind: 'expires-negative', got: expires });
  if (!/^\d+$/.test(expires)) throw errors.queryParameters({ kind: 'expires-not-a-number', got: expires });
  const expiresSeconds = Number(expires);
  if (expiresSeconds > MAX_PRESIGNED_EXPIRES) throw errors.queryParameters({ kind: 'expires-too-long', got: expires });

  const signedHeadersRaw = value('X-Amz-SignedHeaders');
  return {
    credential: value('X-Amz-Credential'),
    signature: value('X-Amz-Signature'),
    signedHeadersRaw,
    signedHeaders: splitSignedHeaders(signedHeadersRaw),
    amzDate: value('X-Amz-Date'),
    expiresSeconds,
  };
}
