import { EMPTY_SHA256, type HeaderBag } from './canonical-request.js';
import type { SigV4Errors } from './errors.js';
import { firstHeader } from './parse-authorization.js';
import type { SigV4Family, SigV4Payload } from './types.js';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
export const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

export interface ResolvedPayload {
  /** The last line of the canonical request. */
  hash: string;
  payload: SigV4Payload;
}

/** Maps an x-amz-content-sha256 value to what the body must satisfy; undefined = not a valid value. */
export function classifyContentSha256(value: string): SigV4Payload | undefined {
  switch (value) {
    case UNSIGNED_PAYLOAD:
      return { kind: 'unsigned' };
    case STREAMING_SIGNED:
      return { kind: 'streaming-signed', trailer: false };
    case STREAMING_SIGNED_TRAILER:
      return { kind: 'streaming-signed', trailer: true };
    case STREAMING_UNSIGNED_TRAILER:
      return { kind: 'streaming-unsigned-trailer' };
    default:
      return /^[0-9a-fA-F]{64}$/.test(value) ? { kind: 'hashed', sha256: value.toLowerCase() } : undefined;
  }
}

export interface PayloadInputs {
  family: SigV4Family;
  headers: HeaderBag;
  signedHeaders: readonly string[];
  presigned: boolean;
  payloadHash: string | undefined;
}

/**
 * The payload hash that goes into the canonical request (botocore: the x-amz-content-sha256 header
 * verbatim when present, else the body's hash).
 *
 * - S3 header auth: the header is mandatory and must be signed (S3 answers InvalidRequest otherwise);
 *   the SigV4A (ECDSA) streaming markers are rejected like any other invalid value.
 * - S3 presigned: UNSIGNED-PAYLOAD unless the client signed an x-amz-content-sha256 header.
 * - JSON services: the header if sent, else the caller's buffered-body hash, else the empty-body hash.
 */
export function resolvePayload(input: PayloadInputs, errors: SigV4Errors): ResolvedPayload {
  const header = firstHeader(input.headers, 'x-amz-content-sha256')?.trim();
  const signed = input.signedHeaders.includes('x-amz-content-sha256');
  if (input.family === 's3') {
    if (input.presigned && (header === undefined || !signed)) return { hash: UNSIGNED_PAYLOAD, payload: { kind: 'unsigned' } };
    if (header === undefined) throw errors.missingContentSha256();
    if (!signed) throw errors.contentSha256NotSigned();
    const payload = classifyContentSha256(header);
    if (payload === undefined) throw errors.invalidContentSha256(header);
    return { hash: header, payload };
  }
  if (header !== undefined && header !== '') {
    return { hash: header, payload: classifyContentSha256(header) ?? { kind: 'hashed', sha256: header.toLowerCase() } };
  }
  const hash = (input.payloadHash ?? EMPTY_SHA256).toLowerCase();
  return { hash, payload: { kind: 'hashed', sha256: hash } };
}
